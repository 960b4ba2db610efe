package io.lantau.custody.reserves;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * The hash functions of the sum tree, one place shared by the builder and the verifier. All SHA-256, each input
 * starting with its own domain tag byte so that a leaf can never be passed off as a node or a padding node (second
 * pre-image across kinds). Integers are big-endian; amounts are signed 64-bit minor units.
 *
 * <ul>
 * <li>account id hash = SHA-256("lantau-por-account-v1" ‖ accountId(8)): what identifies a client in a leaf; the
 * raw id or e-mail never appears. A client recomputes it from their own account id.</li>
 * <li>leaf = SHA-256(0x00 ‖ accountIdHash(32) ‖ salt(32) ‖ n(4) ‖ for each asset: len(code)(1) ‖ code ‖ scale(1) ‖
 * balance(8)). The per-snapshot per-client random salt keeps a leaf from being guessed or linked across snapshots;
 * the asset codes bind each balance to its asset.</li>
 * <li>node at height h ≥ 1 = SHA-256(0x01 ‖ h(4) ‖ leftHash(32) ‖ leftSums(8·n) ‖ rightHash(32) ‖ rightSums(8·n)): both
 * children's hashes and both children's sums, so moving value from one child to the other while keeping the parent's
 * total changes the hash; the height stops a node from being substituted at another level (PoR-3).</li>
 * <li>padding at height h = SHA-256(0x02 ‖ h(4)), with zero sums: fills the odd slot of a level.</li>
 * <li>root hash = SHA-256(0x03 ‖ topHash(32) ‖ topSums(8·n) ‖ snapshotSequence(8) ‖ snapshotTime epoch seconds(8) ‖
 * nanos(4) ‖ treeHeight(4) ‖ leafCount(4)), where the top is the node at the tree's height (the leaf itself for one
 * client): the published hash also binds the point in time and the shape the root states, so an old tree cannot be
 * passed off as a new snapshot.</li>
 * </ul>
 */
public final class ReservesHashing {
    /** Bytes of every hash, of the account id hash and of a salt. */
    public static final int HASH_BYTES = 32;
    private static final byte LEAF = 0;
    private static final byte NODE = 1;
    private static final byte PADDING = 2;
    private static final byte ROOT = 3;
    private static final byte[] ACCOUNT_DOMAIN = "lantau-por-account-v1".getBytes(StandardCharsets.US_ASCII);

    private ReservesHashing() {
    }

    /** @return the identifier of {@code accountId} in a leaf. */
    public static byte[] accountIdHash(long accountId) {
        MessageDigest sha = sha256();
        sha.update(ACCOUNT_DOMAIN);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(accountId).array());
        return sha.digest();
    }

    /** @return the leaf's hash; {@code balancesMinor[i]} is the balance of {@code assets.get(i)}. */
    public static byte[] leafHash(byte[] accountIdHash, byte[] salt, List<AssetUnit> assets, long[] balancesMinor) {
        requireLength(accountIdHash, "account id hash");
        requireLength(salt, "salt");
        if (balancesMinor.length != assets.size()) {
            throw new ReservesException("balances for " + balancesMinor.length + " assets, expected " + assets.size());
        }
        MessageDigest sha = sha256();
        sha.update(LEAF);
        sha.update(accountIdHash);
        sha.update(salt);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(assets.size()).array());
        for (int i = 0; i < balancesMinor.length; i++) {
            byte[] code = assets.get(i).code().getBytes(StandardCharsets.UTF_8);
            sha.update((byte) code.length);
            sha.update(code);
            sha.update((byte) assets.get(i).scale());
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(balancesMinor[i]).array());
        }
        return sha.digest();
    }

    /** @return the hash of the node at {@code height} over its two children. */
    public static byte[] nodeHash(int height, byte[] leftHash, long[] leftSums, byte[] rightHash, long[] rightSums) {
        requireLength(leftHash, "left hash");
        requireLength(rightHash, "right hash");
        ByteBuffer sums = ByteBuffer.allocate(Long.BYTES * (leftSums.length + rightSums.length));
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(height).array());
        sha.update(leftHash);
        for (long s : leftSums) {
            sums.putLong(s);
        }
        sha.update(sums.array(), 0, sums.position());
        sha.update(rightHash);
        int from = sums.position();
        for (long s : rightSums) {
            sums.putLong(s);
        }
        sha.update(sums.array(), from, sums.position() - from);
        return sha.digest();
    }

    /** @return the hash of a padding node at {@code height} (its sums are all zero). */
    public static byte[] paddingHash(int height) {
        MessageDigest sha = sha256();
        sha.update(PADDING);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(height).array());
        return sha.digest();
    }

    /** @return the published root hash over the top node and what the root states (see the class comment). */
    public static byte[] rootHash(byte[] topHash, long[] topSums, long snapshotSequence, Instant snapshotTime,
            int treeHeight, int leafCount) {
        requireLength(topHash, "top hash");
        ByteBuffer fields = ByteBuffer.allocate(Long.BYTES * (topSums.length + 2) + Integer.BYTES * 3);
        for (long s : topSums) {
            fields.putLong(s);
        }
        fields.putLong(snapshotSequence).putLong(snapshotTime.getEpochSecond()).putInt(snapshotTime.getNano())
                .putInt(treeHeight).putInt(leafCount);
        MessageDigest sha = sha256();
        sha.update(ROOT);
        sha.update(topHash);
        sha.update(fields.array());
        return sha.digest();
    }

    /**
     * @return {@code left + right} per asset.
     * @throws ReservesException if a sum leaves the range of {@code long}.
     */
    static long[] addSums(long[] left, long[] right, List<AssetUnit> assets, int height) {
        long[] sums = new long[left.length];
        for (int i = 0; i < sums.length; i++) {
            try {
                sums[i] = Math.addExact(left[i], right[i]);
            } catch (ArithmeticException e) {
                throw new ReservesException("the " + assets.get(i).code() + " sum overflows at height " + height);
            }
        }
        return sums;
    }

    private static void requireLength(byte[] bytes, String what) {
        if (bytes == null || bytes.length != HASH_BYTES) {
            throw new ReservesException(what + " must be " + HASH_BYTES + " bytes");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
