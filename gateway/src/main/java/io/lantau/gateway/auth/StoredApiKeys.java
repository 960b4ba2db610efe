package io.lantau.gateway.auth;

import io.lantau.store.account.ApiKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys from the relational store, cached in memory with their HMAC secrets decrypted, so that a signed request
 * costs no database round trip. Revoking a key through the native API calls {@link #forget}, which takes effect at
 * once. Thread-safe.
 */
public final class StoredApiKeys implements ApiKeyDirectory {
    /** The X.509 prefix of a raw 32-byte Ed25519 public key (RFC 8410). */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final ApiKeyRepository repository;
    private final SecretCipher cipher;
    private final ConcurrentHashMap<String, ApiKey> cache = new ConcurrentHashMap<>();

    public StoredApiKeys(ApiKeyRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    @Override
    public ApiKey find(String apiKey) {
        ApiKey cached = cache.get(apiKey);
        if (cached != null) {
            return cached;
        }
        ApiKey loaded = repository.findActive(apiKey).map(this::toKey).orElse(null);
        if (loaded != null) {
            cache.put(apiKey, loaded);
        }
        return loaded;
    }

    /** Drops a key from the cache (after it was revoked or changed). */
    public void forget(String apiKey) {
        cache.remove(apiKey);
    }

    private ApiKey toKey(io.lantau.store.account.ApiKey stored) {
        boolean hmac = stored.keyType() == io.lantau.store.account.ApiKeyType.HMAC_SHA256;
        return new ApiKey(stored.id(), stored.userId(), stored.apiKey(),
                hmac ? ApiKey.KeyType.HMAC_SHA256 : ApiKey.KeyType.ED25519,
                hmac ? cipher.decrypt(stored.secretCiphertext()) : null,
                hmac ? null : ed25519(stored.ed25519PublicKey()),
                stored.permissions().canRead(), stored.permissions().canTrade(), stored.permissions().canWithdraw(),
                IpAllowlist.parse(stored.ipAllowlist()));
    }

    /** @return the public key from its raw 32 bytes. */
    public static PublicKey ed25519(byte[] raw) {
        if (raw == null || raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] encoded = new byte[ED25519_X509_PREFIX.length + raw.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, ED25519_X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
