package io.lantau.custody.reserves;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks a client's inclusion proof against the root it states, trusting nothing from the server but the file
 * (PoR-2, PoR-4): it recomputes the leaf from the client's balances and salt, climbs the sibling path adding sums and
 * hashing each parent over both children's hashes and sums ({@link ReservesHashing}), and demands the published root
 * hash and totals. It refuses a negative balance anywhere on the path, an overflowing sum, and a path whose shape does
 * not fit the stated tree. The client should also compare the root hash with the one the platform published
 * (its website, {@code GET /api/lantau/v1/reserves/root}).
 *
 * <h2>{@code PROOF.json}</h2>
 *
 * <pre>{@code
 * {
 *   "format": "lantau-reserves-proof/1",
 *   "root": {
 *     "rootHash": "64 hex digits",            // over the top node and the fields below (ReservesHashing)
 *     "snapshotSequence": 1234,               // the core's sequence number of the snapshot
 *     "snapshotTime": "2026-11-29T08:00:00Z", // ISO-8601 instant
 *     "treeHeight": 3,                        // ceil(log2(leafCount)); the path has this many siblings
 *     "leafCount": 5,                         // client leaves (padding not counted)
 *     "assets": [{"code": "BTC", "scale": 8}, {"code": "HKD", "scale": 2}],  // the order of every sum vector
 *     "totals": {"BTC": "12.5", "HKD": "1000.25"}                            // total client liabilities
 *   },
 *   "leaf": {
 *     "index": 2,                             // 0-based position; bit h = 1: the running node is a right child at h
 *     "accountIdHash": "64 hex digits",       // SHA-256("lantau-por-account-v1" ‖ account id as 8 bytes)
 *     "salt": "64 hex digits",                // this client's random salt for this snapshot
 *     "balances": {"BTC": "0.1", "HKD": "0"}  // the client's available + locked balances
 *   },
 *   "path": [                                 // siblings from the leaf's level up to the root's children
 *     {"hash": "64 hex digits", "sums": {"BTC": "0.2", "HKD": "5"}}
 *   ]
 * }
 * }</pre>
 *
 * Amounts are plain decimal strings of whole units with at most the asset's scale of decimals. Every field is
 * required and no other field is allowed. Hashing: leaf, node and padding as {@link ReservesHashing} specifies.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReservesVerifier {
    private static final HexFormat HEX = HexFormat.of();

    private ReservesVerifier() {
    }

    /** Reads and verifies a {@code PROOF.json}; a file that cannot be read is a failure naming the defect. */
    public static ReservesVerification verify(String proofJson, OptionalLong expectedAccountId) {
        InclusionProof proof;
        try {
            proof = ProofJson.read(proofJson);
        } catch (ReservesException e) {
            return ReservesVerification.failed("malformed proof: " + e.getMessage(), null);
        }
        return verify(proof, expectedAccountId);
    }

    /**
     * @param expectedAccountId when given, the leaf must also carry this account's id hash (the client checks the
     *                          leaf is theirs, not another client's).
     */
    public static ReservesVerification verify(InclusionProof proof, OptionalLong expectedAccountId) {
        try {
            check(proof, expectedAccountId);
            return ReservesVerification.ok(proof);
        } catch (ReservesException e) {
            return ReservesVerification.failed(e.getMessage(), proof);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A proof built in code rather than read from a file: hex that is not hex, a missing part.
            return ReservesVerification.failed("malformed proof: " + e.getMessage(), proof);
        }
    }

    private static void check(InclusionProof proof, OptionalLong expectedAccountId) {
        ReservesRoot root = proof.root();
        List<AssetUnit> assets = root.assets();
        checkShape(proof);
        requireNonNegative(proof.balancesMinor(), assets, "the leaf's balance");
        requireNonNegative(root.totalsMinor(), assets, "the published total");
        byte[] accountIdHash = HEX.parseHex(proof.accountIdHash());
        if (expectedAccountId.isPresent()
                && !Arrays.equals(accountIdHash, ReservesHashing.accountIdHash(expectedAccountId.getAsLong()))) {
            throw new ReservesException("the leaf is not account " + expectedAccountId.getAsLong()
                    + "'s: its accountIdHash differs");
        }
        long[] sums = LongLists.toArray(proof.balancesMinor());
        byte[] hash = ReservesHashing.leafHash(accountIdHash, HEX.parseHex(proof.salt()), assets, sums);
        long index = proof.leafIndex();
        for (int h = 1; h <= root.treeHeight(); h++) {
            ProofNode sibling = proof.path().get(h - 1);
            requireNonNegative(sibling.sumsMinor(), assets, "the sibling at height " + (h - 1) + "'s sum");
            byte[] siblingHash = HEX.parseHex(sibling.hash());
            long[] siblingSums = LongLists.toArray(sibling.sumsMinor());
            boolean right = (index & 1) == 1;
            hash = right ? ReservesHashing.nodeHash(h, siblingHash, siblingSums, hash, sums)
                    : ReservesHashing.nodeHash(h, hash, sums, siblingHash, siblingSums);
            sums = ReservesHashing.addSums(sums, siblingSums, assets, h);
            index >>= 1;
        }
        String computed = HEX.formatHex(ReservesHashing.rootHash(hash, sums, root.snapshotSequence(),
                root.snapshotTime(), root.treeHeight(), root.leafCount()));
        if (!computed.equals(root.rootHash())) {
            throw new ReservesException("root hash mismatch: the path gives " + computed + ", the root states "
                    + root.rootHash());
        }
        for (int i = 0; i < assets.size(); i++) {
            if (sums[i] != root.totalsMinor().get(i)) {
                AssetUnit asset = assets.get(i);
                throw new ReservesException("total " + asset.code() + " mismatch: the path gives "
                        + asset.format(sums[i]) + ", the root states " + asset.format(root.totalsMinor().get(i)));
            }
        }
    }

    private static void checkShape(InclusionProof proof) {
        ReservesRoot root = proof.root();
        int n = root.assets().size();
        if (root.totalsMinor().size() != n || proof.balancesMinor().size() != n) {
            throw new ReservesException("the root's totals or the leaf's balances do not cover the root's " + n
                    + " assets");
        }
        if (root.leafCount() < 1 || root.treeHeight() != MerkleSumTree.heightFor(root.leafCount())) {
            throw new ReservesException("a tree of " + root.leafCount() + " leaves cannot have height "
                    + root.treeHeight());
        }
        if (proof.leafIndex() >= root.leafCount()) {
            throw new ReservesException("leaf index " + proof.leafIndex() + " is outside the tree's "
                    + root.leafCount() + " leaves");
        }
        if (proof.path().size() != root.treeHeight()) {
            throw new ReservesException("the path has " + proof.path().size() + " siblings, the tree's height is "
                    + root.treeHeight());
        }
        for (int h = 0; h < proof.path().size(); h++) {
            if (proof.path().get(h).sumsMinor().size() != n) {
                throw new ReservesException("the sibling at height " + h + " does not have " + n + " sums");
            }
        }
    }

    private static void requireNonNegative(List<Long> amounts, List<AssetUnit> assets, String what) {
        for (int i = 0; i < amounts.size(); i++) {
            if (amounts.get(i) < 0) {
                throw new ReservesException(what + " in " + assets.get(i).code() + " is negative ("
                        + assets.get(i).format(amounts.get(i)) + "): a negative leaf would hide liabilities (PoR-4)");
            }
        }
    }
}
