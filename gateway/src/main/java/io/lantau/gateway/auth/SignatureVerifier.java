package io.lantau.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request signature over the exact payload bytes: HMAC-SHA256 as hex (case-insensitive, compared in
 * constant time) or Ed25519 as base64. Stateless and thread-safe (a {@link Mac} per thread).
 */
public final class SignatureVerifier {
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    });

    private SignatureVerifier() {
    }

    /** @return whether {@code signature} signs {@code payload} with {@code key}. */
    public static boolean verify(ApiKey key, String payload, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] message = payload.getBytes(StandardCharsets.UTF_8);
        return switch (key.type()) {
            case HMAC_SHA256 -> verifyHmac(key.hmacSecret(), message, signature);
            case ED25519 -> verifyEd25519(key, message, signature);
        };
    }

    /** @return lowercase hex HMAC-SHA256 of {@code payload}; what a client computes. */
    public static String hmacHex(byte[] secret, String payload) {
        return HexFormat.of().formatHex(hmac(secret, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] secret, byte[] message) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(message);
    }

    private static boolean verifyHmac(byte[] secret, byte[] message, String signatureHex) {
        if (signatureHex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, message), given);
    }

    private static boolean verifyEd25519(ApiKey key, byte[] message, String signatureBase64) {
        try {
            byte[] given = Base64.getDecoder().decode(signatureBase64);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.ed25519PublicKey());
            verifier.update(message);
            return verifier.verify(given);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
