package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The verifier rejects every way of tampering with a proof (PoR-2, PoR-3, PoR-4). */
class ReservesVerifierTest {
    private static final List<AssetUnit> ASSETS = MerkleSumTreeProperties.ASSETS;
    private static final HexFormat HEX = HexFormat.of();

    /** Five clients: height 3, the sixth slot of the leaf level is padding. */
    private static LiabilitySnapshot snapshot(long sequence) {
        List<ClientLiability> clients = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            clients.add(new ClientLiability(i, List.of(i * 100_000_000L, i * 7L, i * 1_000L)));
        }
        return new LiabilitySnapshot(sequence, Instant.parse("2026-11-29T08:00:00Z"), ASSETS, clients);
    }

    private final MerkleSumTree tree = MerkleSumTree.build(snapshot(42), new Random(7));

    /** A client whose leaf has a real client leaf (not padding) as its sibling. */
    private InclusionProof proof() {
        for (long id : tree.accountIds()) {
            InclusionProof p = tree.proofFor(id).orElseThrow();
            if (p.leafIndex() < 4) {
                return p;
            }
        }
        throw new AssertionError();
    }

    private long accountOf(InclusionProof p) {
        return tree.accountIds().get((int) p.leafIndex());
    }

    private static ReservesVerification verify(InclusionProof proof) {
        return ReservesVerifier.verify(ProofJson.write(proof), OptionalLong.empty());
    }

    private static InclusionProof withPath(InclusionProof p, List<ProofNode> path) {
        return new InclusionProof(p.root(), p.leafIndex(), p.accountIdHash(), p.salt(), p.balancesMinor(), path);
    }

    private static InclusionProof withBalances(InclusionProof p, List<Long> balances) {
        return new InclusionProof(p.root(), p.leafIndex(), p.accountIdHash(), p.salt(), balances, p.path());
    }

    private static ProofNode withSums(ProofNode node, UnaryOperator<List<Long>> change) {
        return new ProofNode(node.hash(), change.apply(new ArrayList<>(node.sumsMinor())));
    }

    private static List<Long> plus(List<Long> amounts, int asset, long delta) {
        List<Long> changed = new ArrayList<>(amounts);
        changed.set(asset, changed.get(asset) + delta);
        return changed;
    }

    private static void assertRejected(ReservesVerification verification, String failure) {
        assertThat(verification.verified()).isFalse();
        assertThat(verification.failure()).contains(failure);
    }

    @Test
    void shouldVerifyAnUntouchedProofForItsOwnAccount() {
        InclusionProof p = proof();

        ReservesVerification verification = ReservesVerifier.verify(ProofJson.write(p),
                OptionalLong.of(accountOf(p)));

        assertThat(verification.verified()).as(verification.failure()).isTrue();
        assertThat(verification.proof()).isEqualTo(p);
    }

    @Test
    void shouldRejectAProofCheckedAgainstAnotherAccount() {
        InclusionProof p = proof();

        assertRejected(ReservesVerifier.verify(ProofJson.write(p), OptionalLong.of(accountOf(p) + 1000)),
                "its accountIdHash differs");
    }

    @Test
    void shouldRejectATamperedSiblingHash() {
        InclusionProof p = proof();
        List<ProofNode> path = new ArrayList<>(p.path());
        String hash = path.get(1).hash();
        path.set(1, new ProofNode((hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1), path.get(1).sumsMinor()));

        assertRejected(verify(withPath(p, path)), "root hash mismatch");
    }

    @Test
    void shouldRejectAChangedBalance() {
        InclusionProof p = proof();

        assertRejected(verify(withBalances(p, plus(p.balancesMinor(), 0, 1))), "root hash mismatch");
        assertRejected(verify(withBalances(p, plus(p.balancesMinor(), 2, -1))), "root hash mismatch");
    }

    @Test
    void shouldRejectASumSplitDifferentlyBetweenTheLeafAndItsSibling() {
        InclusionProof p = proof();
        List<ProofNode> path = new ArrayList<>(p.path());
        path.set(0, withSums(path.get(0), s -> plus(s, 0, -50)));

        InclusionProof split = withPath(withBalances(p, plus(p.balancesMinor(), 0, 50)), path);

        assertRejected(verify(split), "root hash mismatch");
    }

    @Test
    void shouldRejectValueMovedBetweenTwoSiblingsThatKeepsEveryTotal() {
        InclusionProof p = proof();
        List<ProofNode> path = new ArrayList<>(p.path());
        // Take 1 BTC from the bottom sibling and give it to the next one up: the parent's sum, and the root's
        // totals, are the same; only the hash that binds each child's sum tells.
        path.set(0, withSums(path.get(0), s -> plus(s, 0, -1)));
        path.set(1, withSums(path.get(1), s -> plus(s, 0, 1)));

        ReservesVerification verification = verify(withPath(p, path));

        assertRejected(verification, "root hash mismatch");
    }

    @Test
    void shouldRejectSwappedSiblingsOrASwappedLeftAndRight() {
        InclusionProof p = proof();
        List<ProofNode> swapped = new ArrayList<>(p.path());
        swapped.set(0, p.path().get(1));
        swapped.set(1, p.path().get(0));

        assertRejected(verify(withPath(p, swapped)), "root hash mismatch");
        InclusionProof otherSide = new InclusionProof(p.root(), p.leafIndex() ^ 1, p.accountIdHash(), p.salt(),
                p.balancesMinor(), p.path());
        assertRejected(verify(otherSide), "root hash mismatch");
    }

    @Test
    void shouldRejectAProofPresentedWithAnotherRoot() {
        InclusionProof p = proof();
        ReservesRoot otherRoot = MerkleSumTree.build(snapshot(43), new Random(8)).root();

        assertRejected(verify(new InclusionProof(otherRoot, p.leafIndex(), p.accountIdHash(), p.salt(),
                p.balancesMinor(), p.path())), "root hash mismatch");
    }

    @Test
    void shouldRejectChangedPublishedTotalsEvenWithTheRightHash() {
        InclusionProof p = proof();
        ReservesRoot r = p.root();
        ReservesRoot inflated = new ReservesRoot(r.rootHash(), r.snapshotSequence(), r.snapshotTime(),
                r.treeHeight(), r.leafCount(), r.assets(), plus(r.totalsMinor(), 1, 1));

        assertRejected(verify(new InclusionProof(inflated, p.leafIndex(), p.accountIdHash(), p.salt(),
                p.balancesMinor(), p.path())), "total ETH mismatch");
    }

    @Test
    void shouldRejectARootRelabelledWithAnotherPointInTimeOrShape() {
        InclusionProof p = proof();
        ReservesRoot r = p.root();

        for (ReservesRoot relabelled : List.of(
                new ReservesRoot(r.rootHash(), r.snapshotSequence() + 1, r.snapshotTime(), r.treeHeight(),
                        r.leafCount(), r.assets(), r.totalsMinor()),
                new ReservesRoot(r.rootHash(), r.snapshotSequence(), r.snapshotTime().plusNanos(1), r.treeHeight(),
                        r.leafCount(), r.assets(), r.totalsMinor()),
                new ReservesRoot(r.rootHash(), r.snapshotSequence(), r.snapshotTime(), r.treeHeight(), 6, r.assets(),
                        r.totalsMinor()))) {
            assertRejected(verify(new InclusionProof(relabelled, p.leafIndex(), p.accountIdHash(), p.salt(),
                    p.balancesMinor(), p.path())), "root hash mismatch");
        }
    }

    @Test
    void shouldProveTheOnlyClientOfATreeOfOneLeaf() {
        LiabilitySnapshot one = new LiabilitySnapshot(3, Instant.EPOCH, ASSETS,
                List.of(new ClientLiability(9, List.of(1L, 2L, 3L))));
        InclusionProof p = MerkleSumTree.build(one, new Random(1)).proofFor(9).orElseThrow();

        assertThat(p.path()).isEmpty();
        assertThat(p.root().totalsMinor()).containsExactly(1L, 2L, 3L);
        assertThat(ReservesVerifier.verify(ProofJson.write(p), OptionalLong.of(9)).verified()).isTrue();
        assertRejected(verify(withBalances(p, List.of(1L, 2L, 4L))), "root hash mismatch");
    }

    /** A server that hashes a tree consistently around a negative leaf still cannot get it past the verifier. */
    @Test
    void shouldRejectANegativeLeafInAnOtherwiseConsistentTree() {
        byte[] me = ReservesHashing.accountIdHash(1);
        byte[] salt = new byte[32];
        long[] mine = {-5, 0, 0};
        long[] theirs = {10, 0, 0};
        byte[] myLeaf = ReservesHashing.leafHash(me, salt, ASSETS, mine);
        byte[] theirLeaf = ReservesHashing.leafHash(ReservesHashing.accountIdHash(2), salt, ASSETS, theirs);
        String rootHash = HEX.formatHex(ReservesHashing.rootHash(
                ReservesHashing.nodeHash(1, myLeaf, mine, theirLeaf, theirs), new long[] {5, 0, 0}, 1, Instant.EPOCH,
                1, 2));
        ReservesRoot root = new ReservesRoot(rootHash, 1, Instant.EPOCH, 1, 2, ASSETS, List.of(5L, 0L, 0L));
        InclusionProof forged = new InclusionProof(root, 0, HEX.formatHex(me), HEX.formatHex(salt),
                List.of(-5L, 0L, 0L), List.of(new ProofNode(HEX.formatHex(theirLeaf), List.of(10L, 0L, 0L))));
        // Seen from the other client: their own balance is fine, the negative hides in the sibling's sum.
        InclusionProof forgedForOther = new InclusionProof(root, 1, HEX.formatHex(ReservesHashing.accountIdHash(2)),
                HEX.formatHex(salt), List.of(10L, 0L, 0L),
                List.of(new ProofNode(HEX.formatHex(myLeaf), List.of(-5L, 0L, 0L))));

        assertRejected(verify(forged), "the leaf's balance in BTC is negative");
        assertRejected(verify(forgedForOther), "the sibling at height 0's sum in BTC is negative");
    }

    @Test
    void shouldRefuseToBuildATreeWithANegativeLeaf() {
        LiabilitySnapshot bad = new LiabilitySnapshot(1, Instant.EPOCH, ASSETS, List.of(
                new ClientLiability(1, List.of(5L, 0L, 0L)), new ClientLiability(2, List.of(0L, -1L, 0L))));

        assertThatThrownBy(() -> MerkleSumTree.build(bad, new Random(1)))
                .isInstanceOf(ReservesException.class).hasMessageContaining("negative ETH balance");
    }

    @Test
    void shouldRefuseToBuildATreeWhoseSumOverflows() {
        LiabilitySnapshot bad = new LiabilitySnapshot(1, Instant.EPOCH, ASSETS, List.of(
                new ClientLiability(1, List.of(Long.MAX_VALUE / 2 + 1, 0L, 0L)),
                new ClientLiability(2, List.of(Long.MAX_VALUE / 2 + 1, 0L, 0L))));

        assertThatThrownBy(() -> MerkleSumTree.build(bad, new Random(1)))
                .isInstanceOf(ReservesException.class).hasMessageContaining("BTC sum overflows");
    }

    @Test
    void shouldRejectASiblingSumThatOverflows() {
        InclusionProof p = proof();
        List<ProofNode> path = new ArrayList<>(p.path());
        path.set(0, withSums(path.get(0), s -> {
            s.set(0, Long.MAX_VALUE);
            return s;
        }));

        assertRejected(verify(withPath(p, path)), "BTC sum overflows at height 1");
    }

    @Test
    void shouldRejectAPathThatDoesNotFitTheTree() {
        InclusionProof p = proof();

        assertRejected(verify(withPath(p, p.path().subList(0, 2))), "the path has 2 siblings, the tree's height is 3");
        assertRejected(verify(new InclusionProof(p.root(), 5, p.accountIdHash(), p.salt(), p.balancesMinor(),
                p.path())), "leaf index 5 is outside the tree's 5 leaves");
    }

    @Test
    void shouldNameTheDefectOfAMalformedFile() {
        String good = ProofJson.write(proof());

        assertRejected(ReservesVerifier.verify("{", OptionalLong.empty()), "malformed proof: not JSON");
        assertRejected(ReservesVerifier.verify(good.replace("\"salt\"", "\"pepper\""), OptionalLong.empty()),
                "malformed proof: leaf.salt is missing");
        assertRejected(ReservesVerifier.verify(good.replaceFirst("\"format\" : \"[^\"]+\"",
                "\"format\" : \"other\""), OptionalLong.empty()), "format is other");
        assertRejected(ReservesVerifier.verify(good.replaceFirst("\"HKD\" : \"[^\"]+\"", "\"HKD\" : \"1.001\""),
                OptionalLong.empty()), "finer than 1e-2");
    }
}
