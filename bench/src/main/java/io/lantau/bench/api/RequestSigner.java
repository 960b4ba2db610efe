package io.lantau.bench.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request payloads as a Binance client does: HMAC-SHA256 of the parameter string, lowercase hex. One per
 * connection; not thread-safe.
 */
final class RequestSigner {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;
    private final byte[] hex = new byte[64];

    RequestSigner(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Appends {@code &signature=<hex>} of everything in {@code payload} so far. */
    void sign(StringBuilder payload) {
        byte[] digest = mac.doFinal(payload.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        payload.append("&signature=").append(new String(hex, StandardCharsets.ISO_8859_1));
    }
}
