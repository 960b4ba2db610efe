package io.lantau.store.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key to store, as the gateway made it.
 *
 * @param apiKey           the public key string the client sends (unique).
 * @param secretCiphertext for HMAC_SHA256: the secret encrypted by the gateway under its master key; else null.
 * @param ed25519PublicKey for ED25519: the client's raw public key; else null.
 * @param ipAllowlist      comma-separated addresses or CIDR blocks, or null for any address.
 */
public record NewApiKey(long userId, String apiKey, ApiKeyType keyType, byte[] secretCiphertext,
        byte[] ed25519PublicKey, ApiKeyPermissions permissions, String ipAllowlist, String label, Instant createdAt) {

    public NewApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        if (keyType == ApiKeyType.HMAC_SHA256 && secretCiphertext == null) {
            throw new IllegalArgumentException("an HMAC_SHA256 key needs its secret ciphertext");
        }
        if (keyType == ApiKeyType.ED25519 && ed25519PublicKey == null) {
            throw new IllegalArgumentException("an ED25519 key needs its public key");
        }
    }
}
