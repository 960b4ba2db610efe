package io.lantau.store.account;

/** How requests signed with an API key are verified (Binance's two kinds). */
public enum ApiKeyType {
    /** HMAC-SHA256 with a shared secret, which the store keeps encrypted. */
    HMAC_SHA256,
    /** Ed25519 signature; the store keeps the client's public key and no secret. */
    ED25519
}
