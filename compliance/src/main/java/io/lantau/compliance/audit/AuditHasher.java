package io.lantau.compliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the canonical encoding of a record, which is, in order, the domain tag
 * {@code "lantau-audit-v1"}, the sequence and the time in epoch nanoseconds (8 bytes each, big-endian), then kind,
 * actor, subject, details and previous hash, each as its UTF-8 length (4 bytes, big-endian) followed by its UTF-8
 * bytes. Length prefixes make the encoding unambiguous (moving a character from one field to the next changes it).
 * Changing any of this invalidates every stored record: make a v2 tag instead.
 *
 * <p>Not thread-safe (one digest reused); make one per thread.
 */
final class AuditHasher {
    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] TAG = "lantau-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final byte[] scratch = new byte[8];

    AuditHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return the lower-case hex SHA-256 of the record made of these fields. */
    String hash(long sequence, long timeNanos, String kind, String actor, String subject, String details,
            String previousHash) {
        digest.reset();
        digest.update(TAG);
        putLong(sequence);
        putLong(timeNanos);
        putText(kind);
        putText(actor);
        putText(subject);
        putText(details);
        putText(previousHash);
        return HEX.formatHex(digest.digest());
    }

    String hash(AuditRecord r) {
        return hash(r.sequence(), r.timeNanos(), r.kind(), r.actor(), r.subject(), r.details(), r.previousHash());
    }

    private void putLong(long v) {
        for (int i = 7; i >= 0; i--) {
            scratch[i] = (byte) v;
            v >>>= 8;
        }
        digest.update(scratch, 0, 8);
    }

    private void putText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        scratch[0] = (byte) (n >>> 24);
        scratch[1] = (byte) (n >>> 16);
        scratch[2] = (byte) (n >>> 8);
        scratch[3] = (byte) n;
        digest.update(scratch, 0, 4);
        digest.update(bytes);
    }
}
