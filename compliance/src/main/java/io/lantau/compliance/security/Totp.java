package io.lantau.compliance.security;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TOTP algorithm of RFC 6238 (HOTP of RFC 4226 over the time step {@code floor(unixSeconds / period)}), with the
 * JDK's {@link Mac}. The platform uses {@link #SHA1} with {@link #DIGITS} digits and a {@link #PERIOD_SECONDS}-second
 * step, which every authenticator app supports; the other algorithms exist for RFC 6238's Appendix B vectors.
 * Stateless and thread-safe.
 */
public final class Totp {
    /** HMAC-SHA1: what authenticator apps use by default. */
    public static final String SHA1 = "HmacSHA1";
    /** HMAC-SHA256 (RFC 6238 allows it; few apps do). */
    public static final String SHA256 = "HmacSHA256";
    /** HMAC-SHA512 (RFC 6238 allows it; few apps do). */
    public static final String SHA512 = "HmacSHA512";
    /** Digits of a platform code. */
    public static final int DIGITS = 6;
    /** Seconds per time step. */
    public static final int PERIOD_SECONDS = 30;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** @return the time step of {@code unixSeconds}: {@code floor(unixSeconds / PERIOD_SECONDS)}. */
    public static long step(long unixSeconds) {
        return Math.floorDiv(unixSeconds, PERIOD_SECONDS);
    }

    /** @return the platform's code (HMAC-SHA1, 6 digits) for {@code key} at time step {@code step}, zero-padded. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS, SHA1);
    }

    /**
     * RFC 4226's HOTP value with the counter {@code step}, truncated dynamically to {@code digits} digits.
     *
     * @param key       the shared secret.
     * @param step      the time step (the moving factor).
     * @param digits    1 to 8.
     * @param algorithm {@link #SHA1}, {@link #SHA256} or {@link #SHA512}.
     * @return the code, zero-padded to {@code digits} characters.
     */
    public static String code(byte[] key, long step, int digits, String algorithm) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) step;
            step >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            hash = mac.doFinal(counter);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unknown TOTP algorithm " + algorithm, e);
        }
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = (hash[offset] & 0x7F) << 24 | (hash[offset + 1] & 0xFF) << 16 | (hash[offset + 2] & 0xFF) << 8
                | hash[offset + 3] & 0xFF;
        String text = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - text.length()) + text;
    }
}
