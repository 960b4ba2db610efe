/**
 * Who is calling: API keys with permissions and IP allowlists, request signatures (HMAC-SHA256 and Ed25519) checked
 * over the raw request, timestamps and replay protection, and secrets kept encrypted under the master key.
 */
package io.lantau.gateway.auth;
