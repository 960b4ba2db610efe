package io.lantau.collectibles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a piece of media: its SHA-256 and the IPFS CIDv1 of its bytes as a raw block, so that the same
 * bytes can be pinned on IPFS and found under the same id. CIDv1 = multibase 'b' (RFC 4648 base32, lower case, no
 * padding) of {@code 0x01} (version) {@code 0x55} (raw codec) {@code 0x12 0x20} (sha2-256 multihash, 32 bytes) and
 * the digest. Written by hand: it is 30 lines and no library here does it.
 *
 * @param sha256Hex the SHA-256 in lower-case hex (the media store's key, CN-02's uniqueness key).
 * @param cid       the CIDv1 (raw, sha2-256, base32).
 */
public record ContentId(String sha256Hex, String cid) {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    /** @return the content id of the bytes. */
    public static ContentId of(byte[] content) {
        byte[] digest = sha256(content);
        return new ContentId(HexFormat.of().formatHex(digest), cidV1Raw(digest));
    }

    /** @return the content id for a digest given in hex (64 lower-case hex digits). */
    public static ContentId ofDigest(String sha256Hex) {
        return new ContentId(sha256Hex, cidV1Raw(HexFormat.of().parseHex(sha256Hex)));
    }

    /** @return whether the text is a SHA-256 in lower-case hex. */
    public static boolean isSha256Hex(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    static String cidV1Raw(byte[] digest) {
        byte[] bytes = new byte[4 + digest.length];
        bytes[0] = 0x01;
        bytes[1] = 0x55;
        bytes[2] = 0x12;
        bytes[3] = (byte) digest.length;
        System.arraycopy(digest, 0, bytes, 4, digest.length);
        return "b" + base32(bytes);
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** @return the SHA-256 of the bytes. */
    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
