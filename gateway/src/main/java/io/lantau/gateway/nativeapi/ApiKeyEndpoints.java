package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityEventType;
import io.lantau.gateway.auth.IpAllowlist;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.account.ApiKey;
import io.lantau.store.account.ApiKeyPermissions;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.account.ApiKeyType;
import io.lantau.store.account.NewApiKey;
import io.lantau.store.account.Session;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The signed-in user's API keys: create, list, revoke. An HMAC key's secret is 64 random alphanumeric characters (as
 * Binance's), stored encrypted under the master key and shown once, in the creation answer only. An Ed25519 key
 * stores the client's public key. New keys may read; trading is off unless asked for (as Binance: "trading off until
 * enabled"); withdrawing needs trading. A user sees and revokes only their own keys: another user's key id answers
 * {@link NativeError#API_KEY_NOT_FOUND} as if it did not exist. Each method runs on a worker thread and blocks.
 */
final class ApiKeyEndpoints {
    private static final Set<String> CREATE_FIELDS = Set.of("label", "permissions", "ipAllowlist", "type", "publicKey");
    private static final Set<String> PERMISSION_FIELDS = Set.of("read", "trade", "withdraw");
    private static final int MAX_LABEL = 64;
    private static final int MAX_ALLOWLIST_ENTRIES = 32;
    private static final int MAX_ALLOWLIST_ENTRY = 64;
    private static final int MAX_PUBLIC_KEY = 1024;
    private static final int KEY_CHARS = 64;
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 raw key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final StoredApiKeys cache;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;
    private final int maxActiveKeys;
    private final SecurityAuditSink audit;

    ApiKeyEndpoints(ApiKeyRepository keys, UserRepository users, StoredApiKeys cache, SecretCipher cipher,
            SecureRandom random, Clock clock, int maxActiveKeys, SecurityAuditSink audit) {
        this.audit = audit;
        this.keys = keys;
        this.users = users;
        this.cache = cache;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
        this.maxActiveKeys = maxActiveKeys;
    }

    /**
     * {@code POST /api-keys {label, permissions?: {read?, trade?, withdraw?}, ipAllowlist?: [..], type?, publicKey?}}
     * → 201 with the key; for HMAC_SHA256 also its {@code secret}, which is never shown again.
     */
    Reply create(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(CREATE_FIELDS);
        String label = body.requiredString("label", MAX_LABEL);
        if (label.isBlank() || label.chars().anyMatch(Character::isISOControl)) {
            throw new NativeException(NativeError.INVALID_VALUE, "label");
        }
        ApiKeyPermissions permissions = permissions(body.optionalObject("permissions").allowOnly(PERMISSION_FIELDS));
        String allowlist = allowlist(body.optionalStrings("ipAllowlist", MAX_ALLOWLIST_ENTRIES,
                MAX_ALLOWLIST_ENTRY));
        ApiKeyType type = type(body.optionalString("type", 32));
        String publicKey = body.optionalString("publicKey", MAX_PUBLIC_KEY);
        byte[] ed25519 = null;
        if (type == ApiKeyType.ED25519) {
            ed25519 = ed25519PublicKey(publicKey);
        } else if (publicKey != null) {
            throw new NativeException(NativeError.INVALID_PUBLIC_KEY);
        }

        User user = users.findById(session.userId())
                .orElseThrow(() -> new NativeException(NativeError.UNAUTHENTICATED));
        if (user.status() != UserStatus.ACTIVE) {
            throw new NativeException(NativeError.ACCOUNT_DISABLED);
        }
        if (keys.listByUser(user.id()).stream().filter(ApiKey::isActive).count() >= maxActiveKeys) {
            throw new NativeException(NativeError.API_KEY_LIMIT_REACHED);
        }
        String secret = type == ApiKeyType.HMAC_SHA256 ? randomAlphanumeric() : null;
        byte[] secretBytes = secret == null ? null : secret.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = secretBytes == null ? null : cipher.encrypt(secretBytes);
        if (secretBytes != null) {
            Arrays.fill(secretBytes, (byte) 0);
        }
        Instant now = clock.instant();
        ApiKey stored;
        try {
            stored = keys.create(new NewApiKey(user.id(), randomAlphanumeric(), type, sealed, ed25519, permissions,
                    allowlist, label, now));
        } catch (DuplicateKeyException e) {
            // 62^64 key strings: a collision means a broken random source, not bad luck; try once more.
            stored = keys.create(new NewApiKey(user.id(), randomAlphanumeric(), type, sealed, ed25519, permissions,
                    allowlist, label, now));
        }
        audit.record(new SecurityEvent(SecurityEventType.PERMISSION_CHANGE, user.id(), user.id(),
                "API key " + stored.id() + " created (" + permissionsText(permissions) + ")", request.clientIp(), now));
        JsonObject json = view(stored);
        if (secret != null) {
            json.put("secret", secret);
        }
        return Reply.created(json);
    }

    /** {@code GET /api-keys} → 200, the caller's keys (revoked ones too), oldest first, without secrets. */
    Reply list(NativeRequest request, Session session) {
        JsonArray list = new JsonArray();
        for (ApiKey key : keys.listByUser(session.userId())) {
            list.add(view(key));
        }
        return Reply.ok(list);
    }

    /** {@code DELETE /api-keys/{id}} → 200 with the revoked key; 404 unless it is the caller's active key. */
    Reply revoke(NativeRequest request, Session session) {
        request.json().allowOnly(Set.of());
        long id = parseId(request.pathId());
        ApiKey key = keys.listByUser(session.userId()).stream().filter(k -> k.id() == id && k.isActive())
                .findFirst().orElseThrow(() -> new NativeException(NativeError.API_KEY_NOT_FOUND));
        Instant now = clock.instant();
        if (!keys.revoke(session.userId(), id, now)) {
            throw new NativeException(NativeError.API_KEY_NOT_FOUND);
        }
        cache.forget(key.apiKey());
        audit.record(new SecurityEvent(SecurityEventType.PERMISSION_CHANGE, session.userId(), session.userId(),
                "API key " + id + " revoked", request.clientIp(), now));
        return Reply.ok(view(new ApiKey(key.id(), key.userId(), key.apiKey(), key.keyType(), null, null,
                key.permissions(), key.ipAllowlist(), key.label(), key.createdAt(), now)));
    }

    private static long parseId(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NativeException(NativeError.API_KEY_NOT_FOUND);
        }
        return Long.parseLong(text);
    }

    private static String permissionsText(ApiKeyPermissions p) {
        return "read" + (p.canTrade() ? ", trade" : "") + (p.canWithdraw() ? ", withdraw" : "");
    }

    private static ApiKeyPermissions permissions(JsonBody body) {
        boolean read = body.optionalBoolean("read", true);
        boolean trade = body.optionalBoolean("trade", false);
        boolean withdraw = body.optionalBoolean("withdraw", false);
        if (!read || withdraw && !trade) {
            throw new NativeException(NativeError.INVALID_PERMISSIONS);
        }
        return new ApiKeyPermissions(read, trade, withdraw);
    }

    private static String allowlist(List<String> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        String joined = String.join(",", entries.stream().map(String::trim).toList());
        try {
            IpAllowlist.parse(joined);
        } catch (IllegalArgumentException e) {
            throw new NativeException(NativeError.INVALID_IP_ALLOWLIST);
        }
        if (entries.stream().anyMatch(String::isBlank)) {
            throw new NativeException(NativeError.INVALID_IP_ALLOWLIST);
        }
        return joined;
    }

    private static ApiKeyType type(String text) {
        if (text == null) {
            return ApiKeyType.HMAC_SHA256;
        }
        return switch (text) {
            case "HMAC_SHA256" -> ApiKeyType.HMAC_SHA256;
            case "ED25519" -> ApiKeyType.ED25519;
            default -> throw new NativeException(NativeError.INVALID_VALUE, "type: HMAC_SHA256 or ED25519");
        };
    }

    /** @return the raw 32-byte key from base64 of the raw key, or from a PEM {@code PUBLIC KEY} (SPKI). */
    static byte[] ed25519PublicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new NativeException(NativeError.INVALID_PUBLIC_KEY);
        }
        String trimmed = text.trim();
        byte[] raw;
        try {
            if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
                if (!trimmed.endsWith("-----END PUBLIC KEY-----")) {
                    throw new NativeException(NativeError.INVALID_PUBLIC_KEY);
                }
                String base64 = trimmed.substring("-----BEGIN PUBLIC KEY-----".length(),
                        trimmed.length() - "-----END PUBLIC KEY-----".length()).replaceAll("\\s", "");
                byte[] der = Base64.getDecoder().decode(base64);
                if (der.length != ED25519_SPKI_PREFIX.length + 32
                        || !Arrays.equals(der, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                                ED25519_SPKI_PREFIX.length)) {
                    throw new NativeException(NativeError.INVALID_PUBLIC_KEY);
                }
                raw = Arrays.copyOfRange(der, ED25519_SPKI_PREFIX.length, der.length);
            } else {
                raw = Base64.getDecoder().decode(trimmed);
            }
            StoredApiKeys.ed25519(raw);
        } catch (IllegalArgumentException e) {
            throw new NativeException(NativeError.INVALID_PUBLIC_KEY);
        }
        return raw;
    }

    private String randomAlphanumeric() {
        char[] chars = new char[KEY_CHARS];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    private static JsonObject view(ApiKey key) {
        JsonArray allowlist = new JsonArray();
        if (key.ipAllowlist() != null) {
            for (String entry : key.ipAllowlist().split(",")) {
                allowlist.add(entry);
            }
        }
        return new JsonObject()
                .put("id", key.id())
                .put("apiKey", key.apiKey())
                .put("type", key.keyType().name())
                .put("label", key.label())
                .put("permissions", new JsonObject().put("read", key.permissions().canRead())
                        .put("trade", key.permissions().canTrade()).put("withdraw", key.permissions().canWithdraw()))
                .put("ipAllowlist", allowlist)
                .put("createdAt", key.createdAt().toString())
                .put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString())
                .put("active", key.isActive());
    }
}
