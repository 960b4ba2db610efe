package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.config.StandardMarkets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drop that sells out: the draw is fair, recomputable from the revealed seed, and item and payment move together. */
class DropScenarioTest {
    static final long ISSUER = 10;
    static final List<Long> ENTRANTS = List.of(21L, 22L, 23L, 24L, 25L);
    static final long PRICE = 5_000;

    @TempDir
    Path dir;
    World w;
    Collection collection;

    @BeforeEach
    void setUp() {
        w = new World("HK_VATP", dir);
        long auth = w.verifiedIssuer(ISSUER);
        collection = w.collectionWithItems(ISSUER, auth, Category.TICKET, 0, 3);
        for (long a : ENTRANTS) {
            w.verifiedClient(a);
            w.deposit(a, StandardMarkets.HKD, 2 * PRICE);
        }
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void shouldSellOutFairlyAndLetAnyoneRecomputeTheDrawFromTheRevealedSeed() {
        Drop drop = w.openDrop(ISSUER, collection, "HKD", PRICE, 3, 2);
        assertThat(drop.revealedSeedHex()).isNull();
        String commitment = drop.seedCommitment();
        for (long a : ENTRANTS) {
            w.drops.enter(a, drop.id(), a == 21L ? 2 : 1); // demand 6 > supply 3
        }
        assertThat(w.locked(21L, StandardMarkets.HKD)).isEqualTo(2 * PRICE);
        assertThatThrownBy(() -> w.drops.draw(ISSUER, false, drop.id()))
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(CollectiblesRefusal.DROP_NOT_CLOSED);

        w.clock.advance(Duration.ofDays(1));
        DropResult result = w.drops.draw(ISSUER, false, drop.id());

        // Anyone: the seed matches the commitment published before, and the winners recompute.
        byte[] seed = HexFormat.of().parseHex(result.drop().revealedSeedHex());
        assertThat(result.drop().seedCommitment()).isEqualTo(commitment);
        assertThat(DrawVerifier.commitmentMatches(commitment, seed)).isTrue();
        List<Long> recomputed = DrawVerifier.winners(seed, result.entries(), result.drop().supply());
        assertThat(result.positions()).extracting(DropResult.Position::accountId).containsExactlyElementsOf(
                recomputed);
        assertThat(result.positions()).extracting(DropResult.Position::outcome).containsOnly("SETTLED");

        // Each winner owns its item in the core and paid once per item; everyone else got every unit back.
        Map<Long, Long> won = recomputed.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        for (DropResult.Position p : result.positions()) {
            assertThat(w.coreOwner(p.itemId())).isEqualTo(p.accountId());
        }
        for (long a : ENTRANTS) {
            long items = won.getOrDefault(a, 0L);
            assertThat(w.available(a, StandardMarkets.HKD)).isEqualTo(2 * PRICE - items * PRICE);
            assertThat(w.locked(a, StandardMarkets.HKD)).isZero();
        }
        long fee = 3 * 125; // 2.5% of 50.00, per item
        assertThat(w.available(ISSUER, StandardMarkets.HKD)).isEqualTo(3 * PRICE - fee);
        assertThat(w.available(World.FEE_ACCOUNT, StandardMarkets.HKD)).isEqualTo(fee);
        assertThatThrownBy(() -> w.drops.draw(ISSUER, false, drop.id()))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.DROP_ALREADY_DRAWN);
    }

    @Test
    void shouldCompleteADrawThatStoppedPartWayWithoutChargingAnyoneTwice() {
        Drop drop = w.openDrop(ISSUER, collection, "HKD", PRICE, 3, 2);
        for (long a : ENTRANTS) {
            w.drops.enter(a, drop.id(), 1);
        }
        w.clock.advance(Duration.ofDays(1));
        DropResult first = w.drops.draw(ISSUER, false, drop.id());
        String core = w.coreState();
        // As if the service died after the core settled every mint but before it recorded the positions.
        io.lantau.store.Jdbc.inTransaction(w.database.dataSource(), "forget", c -> {
            try (var s = c.prepareStatement("DELETE FROM coll_drop_results WHERE drop_id = ?")) {
                s.setLong(1, drop.id());
                return s.executeUpdate();
            }
        });

        DropResult again = w.drops.draw(ISSUER, false, drop.id());

        assertThat(again.positions()).isEqualTo(first.positions());
        assertThat(w.coreState()).isEqualTo(core);
    }

    @Test
    void shouldRefuseEntriesPastTheCapOutsideTheWindowOrOffTheAllowlist() {
        Drop drop = w.drops.create(ISSUER, new DropService.NewDrop(collection.id(), "HKD", PRICE, 3, 1,
                List.of(21L, 22L), w.clock.instant().plus(Duration.ofHours(1)),
                w.clock.instant().plus(Duration.ofHours(2))));

        assertRefused(() -> w.drops.enter(21L, drop.id(), 1), CollectiblesRefusal.DROP_NOT_OPEN);
        w.clock.advance(Duration.ofMinutes(90));
        assertRefused(() -> w.drops.enter(23L, drop.id(), 1), CollectiblesRefusal.NOT_ALLOWLISTED);
        assertRefused(() -> w.drops.enter(21L, drop.id(), 2), CollectiblesRefusal.BUYER_CAP_EXCEEDED);
        w.drops.enter(21L, drop.id(), 1);
        assertRefused(() -> w.drops.enter(21L, drop.id(), 1), CollectiblesRefusal.ALREADY_DECIDED);
        w.clock.advance(Duration.ofHours(1));
        assertRefused(() -> w.drops.enter(22L, drop.id(), 1), CollectiblesRefusal.DROP_NOT_OPEN);
        assertThat(w.locked(21L, StandardMarkets.HKD)).isEqualTo(PRICE);
        assertThat(w.locked(22L, StandardMarkets.HKD)).isZero();
    }

    @Test
    void shouldRefuseAnEntryWithoutFundsAndHoldNothing() {
        w.verifiedClient(26L);
        w.deposit(26L, StandardMarkets.HKD, PRICE + PRICE / 2);
        Drop drop = w.openDrop(ISSUER, collection, "HKD", PRICE, 3, 2);

        assertRefused(() -> w.drops.enter(26L, drop.id(), 2), CollectiblesRefusal.INSUFFICIENT_BALANCE);

        assertThat(w.locked(26L, StandardMarkets.HKD)).isZero();
        assertThat(w.drops.entries(drop.id())).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            CollectiblesRefusal expected) {
        assertThatThrownBy(call).isInstanceOf(CollectiblesException.class)
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(expected);
    }
}
