package io.lantau.compliance.security;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 base32 (alphabet {@code A-Z2-7}), as authenticator apps expect TOTP secrets. Encoding omits the {@code =}
 * padding (as the otpauth URI format wants); decoding accepts upper or lower case, with or without padding, and
 * ignores spaces (users copy secrets in groups). Stateless.
 */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    /** @return the base32 text of {@code bytes}, without padding. */
    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xFF;
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[buffer >>> bits - 5 & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[buffer << 5 - bits & 31]);
        }
        return out.toString();
    }

    /**
     * @return the bytes of base32 {@code text}.
     * @throws IllegalArgumentException for a character outside the alphabet, padding before the end, or a length
     *                                  that no byte string encodes to.
     */
    public static byte[] decode(String text) {
        String s = text.replace(" ", "").toUpperCase(Locale.ROOT);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("not a base32 length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            int value;
            if (c >= 'A' && c <= 'Z') {
                value = c - 'A';
            } else if (c >= '2' && c <= '7') {
                value = c - '2' + 26;
            } else {
                throw new IllegalArgumentException("not a base32 character");
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >>> bits - 8 & 0xFF);
                bits -= 8;
            }
        }
        if ((buffer & (1 << bits) - 1) != 0) {
            throw new IllegalArgumentException("non-zero trailing bits");
        }
        return out.toByteArray();
    }
}
