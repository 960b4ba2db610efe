package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sum tree's invariants over random liability sets (PoR-1, PoR-2, PoR-3). */
class MerkleSumTreeProperties {
    static final List<AssetUnit> ASSETS = List.of(new AssetUnit("BTC", 8), new AssetUnit("ETH", 8),
            new AssetUnit("HKD", 2));

    @Provide
    Arbitrary<LiabilitySnapshot> snapshots() {
        Arbitrary<List<Long>> balances = Arbitraries.longs().between(0, 1_000_000_000_000L)
                .edgeCases(c -> c.add(0L)).list().ofSize(ASSETS.size());
        // 1 client, powers of two and everything between: 1..70 clients with distinct ids.
        return Combinators.combine(balances.list().ofMinSize(1).ofMaxSize(70), Arbitraries.longs().between(1, 1000))
                .as((vectors, sequence) -> {
                    List<ClientLiability> clients = new ArrayList<>();
                    for (int i = 0; i < vectors.size(); i++) {
                        clients.add(new ClientLiability(1000 + 7L * i, vectors.get(i)));
                    }
                    return new LiabilitySnapshot(sequence, Instant.parse("2026-11-29T08:00:00Z"), ASSETS, clients);
                });
    }

    @Property(tries = 200)
    void everyClientsProofVerifiesAgainstTheRoot(@ForAll("snapshots") LiabilitySnapshot snapshot,
            @ForAll long seed) {
        MerkleSumTree tree = MerkleSumTree.build(snapshot, new Random(seed));

        assertThat(tree.root().leafCount()).isEqualTo(snapshot.clients().size());
        for (ClientLiability client : snapshot.clients()) {
            InclusionProof proof = tree.proofFor(client.accountId()).orElseThrow();
            assertThat(proof.balancesMinor()).isEqualTo(client.balancesMinor());
            assertThat(proof.path()).hasSize(tree.root().treeHeight());
            ReservesVerification verification = ReservesVerifier.verify(ProofJson.write(proof),
                    OptionalLong.of(client.accountId()));
            assertThat(verification.verified()).as(verification.failure()).isTrue();
        }
    }

    @Property(tries = 200)
    void rootTotalsEqualTheSumOfEveryClientsBalances(@ForAll("snapshots") LiabilitySnapshot snapshot,
            @ForAll long seed) {
        ReservesRoot root = MerkleSumTree.build(snapshot, new Random(seed)).root();

        for (int a = 0; a < ASSETS.size(); a++) {
            long total = 0;
            for (ClientLiability client : snapshot.clients()) {
                total += client.balancesMinor().get(a);
            }
            assertThat(root.totalsMinor().get(a)).isEqualTo(total);
        }
        assertThat(root.snapshotSequence()).isEqualTo(snapshot.sequence());
        assertThat(1L << root.treeHeight()).isGreaterThanOrEqualTo(root.leafCount());
    }

    @Property(tries = 50)
    void buildingTwiceWithTheSameRandomnessGivesTheSameRoot(@ForAll("snapshots") LiabilitySnapshot snapshot,
            @ForAll long seed) {
        assertThat(MerkleSumTree.build(snapshot, new Random(seed)).root())
                .isEqualTo(MerkleSumTree.build(snapshot, new Random(seed)).root());
    }

    @Property(tries = 100)
    void oneMinorUnitMoreForOneClientChangesTheRoot(@ForAll("snapshots") LiabilitySnapshot snapshot,
            @ForAll long seed) {
        List<ClientLiability> changed = new ArrayList<>(snapshot.clients());
        ClientLiability first = changed.get(0);
        List<Long> balances = new ArrayList<>(first.balancesMinor());
        balances.set(0, balances.get(0) + 1);
        changed.set(0, new ClientLiability(first.accountId(), balances));
        LiabilitySnapshot other = new LiabilitySnapshot(snapshot.sequence(), snapshot.takenAt(), ASSETS, changed);

        assertThat(MerkleSumTree.build(other, new Random(seed)).root().rootHash())
                .isNotEqualTo(MerkleSumTree.build(snapshot, new Random(seed)).root().rootHash());
    }

    @Example
    void heightIsTheCeilingOfTheLogarithmOfTheLeafCount() {
        assertThat(MerkleSumTree.heightFor(1)).isZero();
        assertThat(MerkleSumTree.heightFor(2)).isEqualTo(1);
        assertThat(MerkleSumTree.heightFor(3)).isEqualTo(2);
        assertThat(MerkleSumTree.heightFor(4)).isEqualTo(2);
        assertThat(MerkleSumTree.heightFor(5)).isEqualTo(3);
        assertThat(MerkleSumTree.heightFor(1025)).isEqualTo(11);
    }
}
