package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under CN_DIGITAL_COLLECTIBLES (REGULATORY.md §B): each forbidden act is refused with its code and changes neither
 * the core nor the store; a gift after the holding period goes through.
 */
class CnScenarioTest {
    static final long ISSUER = 10;
    static final long HOLDER = 20;
    static final long FRIEND = 30;
    static final long STRANGER = 40;
    static final long THIRD = 50;
    static final List<String> TABLES = List.of("coll_collections", "coll_items", "coll_listings", "coll_offers",
            "coll_drops", "coll_provenance", "coll_holdings", "coll_wind_down_choices");

    @TempDir
    Path dir;
    World w;
    long auth;
    Collection collection;
    long item;

    @BeforeEach
    void setUp() {
        w = new World("CN_DIGITAL_COLLECTIBLES", dir);
        auth = w.verifiedIssuer(ISSUER);
        collection = w.collectionWithItems(ISSUER, auth, Category.HERITAGE, 0, 1);
        w.verifiedClient(HOLDER);
        w.verifiedClient(FRIEND, LocalDate.of(2000, 6, 1));
        w.verifiedClient(THIRD);
        w.client(STRANGER); // never verified
        w.deposit(HOLDER, ClockedCoreSubmitter.CNY, 9_900);
        item = w.sellAll(ISSUER, collection, "CNY", 9_900, HOLDER).positions().get(0).itemId();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void shouldRefuseAResaleListingAndAnOffer() { // CN-03
        refusedWithoutChange(() -> w.market.list(HOLDER, item, "CNY", 20_000),
                CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION);
        refusedWithoutChange(() -> w.market.offer(FRIEND, item, "CNY", 20_000),
                CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION);
    }

    @Test
    void shouldRefuseAnEthPrice() { // CN-04
        Collection more = w.collectionWithItems(ISSUER, auth, Category.ART, 0, 1);
        refusedWithoutChange(() -> w.openDrop(ISSUER, more, "ETH", 1_000_000, 1, 1),
                CollectiblesRefusal.CURRENCY_NOT_ALLOWED);
    }

    @Test
    void shouldRefuseAFractionalAndADuplicateItem() { // CN-02
        Collection more = w.collectionWithItems(ISSUER, auth, Category.ART, 0, 1);
        String existing = w.catalogue.items(more.id()).get(0).mediaSha256();
        ContentId fresh = w.catalogue.uploadMedia(ISSUER, "image/png", "new work".getBytes(StandardCharsets.UTF_8));

        refusedWithoutChange(() -> w.catalogue.createItem(ISSUER, more.id(), new Catalogue.NewItem(2, "Half",
                fresh.sha256Hex(), 2, false, null, null, null)), CollectiblesRefusal.FRACTIONAL_NOT_ALLOWED);
        refusedWithoutChange(() -> w.catalogue.createItem(ISSUER, more.id(), new Catalogue.NewItem(2, "Copy",
                existing, 1, false, null, null, null)), CollectiblesRefusal.DUPLICATE_CONTENT);
    }

    @Test
    void shouldRefuseAFinancialCategory() { // CN-01
        for (Category financial : List.of(Category.FINANCIAL_INSTRUMENT, Category.REVENUE_SHARE,
                Category.PRECIOUS_METAL)) {
            refusedWithoutChange(() -> w.catalogue.createCollection(ISSUER, "Gold", "", financial, auth, 0),
                    CollectiblesRefusal.CATEGORY_FORBIDDEN);
        }
    }

    @Test
    void shouldRefuseAnEarlyGiftAndAGiftToAnUnverifiedRecipientAndAcceptOneAfterTheHoldingPeriod() { // CN-05, CN-06
        w.clock.advance(Duration.ofDays(179));
        refusedWithoutChange(() -> w.gifts.gift(HOLDER, item, FRIEND), CollectiblesRefusal.HOLDING_PERIOD);

        w.clock.advance(Duration.ofDays(1));
        refusedWithoutChange(() -> w.gifts.gift(HOLDER, item, STRANGER), CollectiblesRefusal.RECIPIENT_NOT_ELIGIBLE);

        Holding given = w.gifts.gift(HOLDER, item, FRIEND);
        assertThat(given.ownerId()).isEqualTo(FRIEND);
        assertThat(w.coreOwner(item)).isEqualTo(FRIEND);

        // The recipient holds for 730 days before gifting on: day 400 is too early.
        w.clock.advance(Duration.ofDays(400));
        refusedWithoutChange(() -> w.gifts.gift(FRIEND, item, THIRD), CollectiblesRefusal.HOLDING_PERIOD);
        w.clock.advance(Duration.ofDays(330));
        w.gifts.gift(FRIEND, item, THIRD);
        assertThat(w.holdings.provenance(item)).extracting(ProvenanceEntry::kind)
                .containsExactly("MINT", "GIFT", "GIFT");
    }

    @Test
    void shouldRefuseEveryGiftUnderANoGiftConfigAndAGiftPastTheLimit() { // CN-06: Huanhe; maxTransfersPerToken
        CollectiblesSettings s = w.settings;
        CollectiblesSettings huanhe = new CollectiblesSettings(false, false, s.allowedCurrencies(),
                s.forbiddenCategories(), true, 18, false, 0, 0, 14, 0, 0, 0);
        CollectiblesSettings oneGift = new CollectiblesSettings(false, false, s.allowedCurrencies(),
                s.forbiddenCategories(), true, 18, true, 0, 0, 14, 1, 0, 0);
        GiftService none = new GiftService(huanhe, w.holdings, w.identities, w.windDown, w.core, w.clock);
        GiftService once = new GiftService(oneGift, w.holdings, w.identities, w.windDown, w.core, w.clock);

        refusedWithoutChange(() -> none.gift(HOLDER, item, FRIEND),
                CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION);
        once.gift(HOLDER, item, FRIEND);
        refusedWithoutChange(() -> once.gift(FRIEND, item, THIRD), CollectiblesRefusal.GIFT_LIMIT_REACHED);
    }

    @Test
    void shouldRefuseCollectionsWithoutAVerifiedIssuerAndItsAuthorisation() { // CN-05, CN-08
        w.verifiedClient(60);
        refusedWithoutChange(() -> w.catalogue.createCollection(60, "Mine", "", Category.ART, auth, 0),
                CollectiblesRefusal.ISSUER_NOT_VERIFIED);
        w.issuers.apply(60, "Newcomer");
        w.issuers.decideIssuer(60, World.STAFF, true);
        refusedWithoutChange(() -> w.catalogue.createCollection(60, "Mine", "", Category.ART, auth, 0),
                CollectiblesRefusal.IP_AUTHORISATION_MISSING);
    }

    @Test
    void shouldWindDownRefundingAtCostAndBurning() { // CN-10
        w.windDown.start(World.STAFF);
        refusedWithoutChange(() -> w.catalogue.createCollection(ISSUER, "Late", "", Category.ART, auth, 0),
                CollectiblesRefusal.WOUND_DOWN);
        long issuerBefore = w.available(ISSUER, ClockedCoreSubmitter.CNY);

        long refunded = w.windDownChoices.choose(HOLDER, item, WindDownChoices.Choice.REFUND_AT_COST);

        assertThat(refunded).isEqualTo(9_900);
        assertThat(w.available(HOLDER, ClockedCoreSubmitter.CNY)).isEqualTo(9_900);
        assertThat(w.available(ISSUER, ClockedCoreSubmitter.CNY)).isEqualTo(issuerBefore - 9_900);
        assertThat(w.holdings.holding(item)).isEmpty();
        synchronized (w.submitter) {
            assertThat(w.submitter.core().item(item).burned()).isTrue();
        }
    }

    private void refusedWithoutChange(ThrowingCallable call, CollectiblesRefusal expected) {
        String core = w.coreState();
        List<Long> rows = counts();
        assertThatThrownBy(call).isInstanceOf(CollectiblesException.class)
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(expected);
        assertThat(w.coreState()).isEqualTo(core);
        assertThat(counts()).isEqualTo(rows);
    }

    private List<Long> counts() {
        return TABLES.stream().map(t -> Jdbc.inTransaction(w.database.dataSource(), "count", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + t);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        })).toList();
    }
}
