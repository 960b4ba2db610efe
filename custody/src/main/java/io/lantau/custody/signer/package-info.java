/**
 * The hot signer, a stand-in for an HSM (HK-19): the hot wallet's key is kept encrypted at rest (AES-256-GCM) under a
 * key derived from two operators' secrets, so no single operator can use it; it signs only a withdrawal whose
 * instruction hashes to the approved hash, so the destination cannot change between instruction and broadcast
 * (HK-18).
 */
package io.lantau.custody.signer;
