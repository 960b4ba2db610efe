/**
 * Bitcoin for custody: the node adapter over Bitcoin Core's JSON-RPC ({@link io.lantau.custody.btc.BitcoinRpcAdapter}),
 * P2WPKH withdrawal transactions built, signed and checked with bitcoinj's own script interpreter, a strict BIP-174
 * PSBT codec for the offline (cold) signing flow, and BIP-137 signed-message proofs of address ownership
 * (REGULATORY.md HK-16, HK-17, HK-18).
 */
package io.lantau.custody.btc;
