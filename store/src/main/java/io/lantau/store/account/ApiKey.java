package io.lantau.store.account;

import java.time.Instant;

/**
 * A stored API key. The byte arrays are the stored values; do not modify them.
 *
 * @param id               the row id, which names the key in the user's key list (not secret).
 * @param secretCiphertext for HMAC_SHA256 keys: the encrypted secret; else null.
 * @param ed25519PublicKey for ED25519 keys: the raw public key; else null.
 * @param ipAllowlist      comma-separated addresses or CIDR blocks, or null for any address.
 * @param revokedAt        when it was revoked, or null while it is active.
 */
public record ApiKey(long id, long userId, String apiKey, ApiKeyType keyType, byte[] secretCiphertext,
        byte[] ed25519PublicKey, ApiKeyPermissions permissions, String ipAllowlist, String label, Instant createdAt,
        Instant revokedAt) {

    /** @return whether the key has not been revoked. */
    public boolean isActive() {
        return revokedAt == null;
    }
}
