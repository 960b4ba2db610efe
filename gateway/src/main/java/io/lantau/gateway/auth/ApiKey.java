package io.lantau.gateway.auth;

import java.security.PublicKey;
import java.util.Arrays;

/**
 * An API key as the gateway uses it: whose it is, how its requests are signed, and what it may do. For an HMAC key
 * the secret is held decrypted in memory only (it is stored encrypted); for an Ed25519 key only the public key.
 *
 * @param accountId     the core account (equal to the user id).
 * @param ipAllowlist   addresses allowed to use the key.
 */
public record ApiKey(long keyId, long accountId, String apiKey, KeyType type, byte[] hmacSecret,
        PublicKey ed25519PublicKey, boolean canRead, boolean canTrade, boolean canWithdraw, IpAllowlist ipAllowlist) {

    /** How requests made with a key are signed. */
    public enum KeyType { HMAC_SHA256, ED25519 }

    public ApiKey {
        hmacSecret = hmacSecret == null ? null : hmacSecret.clone();
        ipAllowlist = ipAllowlist == null ? IpAllowlist.ANY : ipAllowlist;
    }

    public boolean allowsIp(String ip) {
        return ipAllowlist.allows(ip);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.keyId == keyId && k.apiKey.equals(apiKey)
                && Arrays.equals(k.hmacSecret, hmacSecret);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(keyId) * 31 + apiKey.hashCode();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiKey{" + keyId + ", account " + accountId + ", " + type + ", read=" + canRead + ", trade="
                + canTrade + ", withdraw=" + canWithdraw + "}";
    }
}
