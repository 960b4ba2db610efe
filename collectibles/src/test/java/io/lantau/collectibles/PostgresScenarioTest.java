package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.config.StandardMarkets;
import io.lantau.store.Database;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's side of the collectibles (V20 and every query) on a real PostgreSQL server, not only H2. */
class PostgresScenarioTest {
    @TempDir
    Path dir;

    @AfterAll
    static void stopPostgres() {
        PostgresServer.closeShared();
    }

    private static Database postgres() {
        PostgresServer server = PostgresServer.shared();
        return Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 4);
    }

    @Test
    void shouldRunADropAResaleAndAGiftOnPostgresql() {
        try (World w = new World("HK_VATP", dir, postgres())) {
            long auth = w.verifiedIssuer(10);
            Collection c = w.collectionWithItems(10, auth, Category.SPORT, 300, 2);
            w.verifiedClient(20);
            w.verifiedClient(30);
            w.deposit(20, StandardMarkets.HKD, 20_000);
            w.deposit(30, StandardMarkets.HKD, 20_000);

            DropResult sold = w.sellAll(10, c, "HKD", 5_000, 20);
            assertThat(sold.positions()).extracting(DropResult.Position::outcome).containsOnly("SETTLED");
            long item = sold.positions().get(0).itemId();
            Listing l = w.market.list(20, item, "HKD", 8_000);
            w.market.buy(30, l.id());
            w.clock.advance(Duration.ofDays(1));
            w.gifts.gift(30, item, 20);

            assertThat(w.coreOwner(item)).isEqualTo(20);
            assertThat(w.holdings.provenance(item)).extracting(ProvenanceEntry::kind)
                    .containsExactly("MINT", "SALE", "GIFT");
            assertThat(w.holdings.holding(item).orElseThrow().costMinor()).isEqualTo(8_000);
            assertThatThrownBy(() -> w.catalogue.createItem(10, c.id(), new Catalogue.NewItem(1, "Again",
                    w.catalogue.items(c.id()).get(1).mediaSha256(), 1, false, null, null, null)))
                    .extracting(e -> ((CollectiblesException) e).refusal())
                    .isEqualTo(CollectiblesRefusal.DUPLICATE_CONTENT);
        }
    }
}
