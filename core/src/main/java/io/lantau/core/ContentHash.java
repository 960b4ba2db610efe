package io.lantau.core;

import java.util.HexFormat;

/**
 * The SHA-256 of an item's media, as four big-endian 64-bit words ({@code w0} holds bytes 0..7). A value type so that
 * commands and events stay records with value equality. CN-02: within a collection no two items share one.
 */
public record ContentHash(long w0, long w1, long w2, long w3) {
    /** Length of a SHA-256 digest in bytes. */
    public static final int BYTES = 32;

    /** @param digest exactly 32 bytes. */
    public static ContentHash of(byte[] digest) {
        if (digest == null || digest.length != BYTES) {
            throw new IllegalArgumentException("a content hash is 32 bytes");
        }
        return new ContentHash(word(digest, 0), word(digest, 8), word(digest, 16), word(digest, 24));
    }

    /** @param hex 64 hexadecimal digits, either case. */
    public static ContentHash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a content hash is 64 hex digits");
        }
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        long[] words = {w0, w1, w2, w3};
        for (int i = 0; i < BYTES; i++) {
            bytes[i] = (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
        }
        return bytes;
    }

    /** @return 64 lower-case hex digits. */
    public String toHex() {
        return HexFormat.of().formatHex(toBytes());
    }

    /** @return true for the all-zero value, which no real digest is and the core refuses. */
    public boolean isZero() {
        return (w0 | w1 | w2 | w3) == 0;
    }

    private static long word(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }
}
