package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.config.StandardMarkets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under HK_VATP: an open secondary market, each sale paying the creator's royalty and the platform fee. */
class HkMarketScenarioTest {
    static final long ISSUER = 10;
    static final long FIRST = 20;
    static final long SECOND = 30;

    @TempDir
    Path dir;
    World w;

    @BeforeEach
    void setUp() {
        w = new World("HK_VATP", dir);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void shouldListAndSellAnItemPayingRoyaltyAndFeeWithEveryOwnerInItsProvenance() {
        long auth = w.verifiedIssuer(ISSUER);
        Collection c = w.collectionWithItems(ISSUER, auth, Category.ART, 500, 1);
        w.verifiedClient(FIRST);
        w.verifiedClient(SECOND);
        w.deposit(FIRST, StandardMarkets.HKD, 10_000);
        w.deposit(SECOND, StandardMarkets.HKD, 50_000);

        DropResult primary = w.sellAll(ISSUER, c, "HKD", 10_000, FIRST);
        long item = primary.positions().get(0).itemId();
        // Primary sale: the buyer paid 100.00, the issuer got it less the 2.5% platform fee.
        assertThat(w.coreOwner(item)).isEqualTo(FIRST);
        assertThat(w.available(FIRST, StandardMarkets.HKD)).isZero();
        assertThat(w.available(ISSUER, StandardMarkets.HKD)).isEqualTo(9_750);
        assertThat(w.available(World.FEE_ACCOUNT, StandardMarkets.HKD)).isEqualTo(250);

        Listing listing = w.market.list(FIRST, item, "HKD", 40_000);
        assertThat(w.holdings.holding(item).orElseThrow().lockReason()).isEqualTo("LISTING");
        w.market.buy(SECOND, listing.id());

        // 400.00: royalty 5% = 20.00 to the issuer, fee 2.5% = 10.00, the seller the rest.
        assertThat(w.coreOwner(item)).isEqualTo(SECOND);
        assertThat(w.available(SECOND, StandardMarkets.HKD)).isEqualTo(10_000);
        assertThat(w.available(FIRST, StandardMarkets.HKD)).isEqualTo(40_000 - 2_000 - 1_000);
        assertThat(w.available(ISSUER, StandardMarkets.HKD)).isEqualTo(9_750 + 2_000);
        assertThat(w.available(World.FEE_ACCOUNT, StandardMarkets.HKD)).isEqualTo(250 + 1_000);
        assertThat(w.market.listing(listing.id()).orElseThrow().status()).isEqualTo("SOLD");
        assertThat(w.holdings.provenance(item)).extracting(ProvenanceEntry::kind, ProvenanceEntry::fromAccount,
                ProvenanceEntry::toAccount, ProvenanceEntry::priceMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MINT", 0L, FIRST, 10_000L),
                org.assertj.core.groups.Tuple.tuple("SALE", FIRST, SECOND, 40_000L));
    }

    @Test
    void shouldSettleAnAcceptedOfferFromItsHoldAndReleaseAWithdrawnOne() {
        long auth = w.verifiedIssuer(ISSUER);
        Collection c = w.collectionWithItems(ISSUER, auth, Category.MUSIC, 0, 1);
        w.verifiedClient(FIRST);
        w.verifiedClient(SECOND);
        w.deposit(FIRST, StandardMarkets.USD, 1_000);
        w.deposit(SECOND, StandardMarkets.USD, 5_000);
        long item = w.sellAll(ISSUER, c, "USD", 1_000, FIRST).positions().get(0).itemId();

        Offer withdrawn = w.market.offer(SECOND, item, "USD", 1_500);
        assertThat(w.locked(SECOND, StandardMarkets.USD)).isEqualTo(1_500);
        w.market.cancelOffer(SECOND, withdrawn.id());
        assertThat(w.available(SECOND, StandardMarkets.USD)).isEqualTo(5_000);

        Offer offer = w.market.offer(SECOND, item, "USD", 2_000);
        assertThatThrownBy(() -> w.market.acceptOffer(SECOND, offer.id()))
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(CollectiblesRefusal.NOT_OWNER);
        w.market.acceptOffer(FIRST, offer.id());

        assertThat(w.coreOwner(item)).isEqualTo(SECOND);
        assertThat(w.available(SECOND, StandardMarkets.USD)).isEqualTo(3_000);
        assertThat(w.locked(SECOND, StandardMarkets.USD)).isZero();
        assertThat(w.available(FIRST, StandardMarkets.USD)).isEqualTo(2_000 - 50); // fee 2.5%, no royalty
    }

    @Test
    void shouldRefuseABuyWithoutFundsAndLeaveTheListingAndTheCoreAsTheyWere() {
        long auth = w.verifiedIssuer(ISSUER);
        Collection c = w.collectionWithItems(ISSUER, auth, Category.ART, 500, 1);
        w.verifiedClient(FIRST);
        w.verifiedClient(SECOND);
        w.deposit(FIRST, StandardMarkets.HKD, 10_000);
        long item = w.sellAll(ISSUER, c, "HKD", 10_000, FIRST).positions().get(0).itemId();
        Listing listing = w.market.list(FIRST, item, "HKD", 40_000);
        String before = w.coreState();

        assertThatThrownBy(() -> w.market.buy(SECOND, listing.id()))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.INSUFFICIENT_BALANCE);

        assertThat(w.coreState()).isEqualTo(before);
        assertThat(w.market.listing(listing.id()).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(w.coreOwner(item)).isEqualTo(FIRST);
    }
}
