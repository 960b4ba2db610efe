package io.lantau.app.collectibles;

import static io.lantau.app.licensing.LicensingScenario.assertRefused;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.licensing.LicensedClient;
import io.lantau.app.platform.PlatformConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 under {@code CN_DIGITAL_COLLECTIBLES} on a real platform, through the public API only: a drop priced in CNY
 * sells out by a fair draw; a listing (CN-03), an ETH price (CN-04), a fractional and a duplicate item (CN-02), a
 * financial category (CN-01), a gift to an unverified recipient (CN-05) and an early gift (CN-06) are each refused with
 * their code and change nothing; a gift once the holding period has passed succeeds.
 *
 * <p>Holding periods are whole days and the platform's clock is real, so the platform runs the mainland profile from
 * a profile file identical to the shipped one except that a buyer's holding period is zero days: the buyer's gift is
 * "after the holding period", and the recipient's own gift, inside the recipient's 730 days, is the early one.
 */
class CnCollectiblesScenarioTest {
    private static final String PROFILE = "/io/lantau/compliance/profiles/CN_DIGITAL_COLLECTIBLES.json";

    @TempDir
    Path dataDir;
    @TempDir
    Path profileDir;

    /** The shipped mainland profile with {@code collectibles.giftHoldingDays} set to 0; @return its file. */
    private Path mainlandProfileWithoutBuyerHolding() throws IOException {
        JsonObject profile;
        try (InputStream in = CnCollectiblesScenarioTest.class.getResourceAsStream(PROFILE)) {
            profile = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonObject collectibles = profile.getJsonObject("collectibles");
        assertThat(collectibles.getInteger("recipientHoldingDays")).isPositive();
        collectibles.put("giftHoldingDays", 0);
        Path file = profileDir.resolve("CN_DIGITAL_COLLECTIBLES.json");
        Files.writeString(file, profile.encodePrettily(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldRefuseWhatMainlandRulesForbidWithoutChangeAndGiftAfterTheHoldingPeriod() throws Exception {
        // The embedded defaults (with their HKD demo reference prices, which nothing prices in CNY) under the mainland
        // profile: the platform starts and skips those seeds.
        PlatformConfig config = PlatformConfig.defaults().withProfile(mainlandProfileWithoutBuyerHolding().toString());
        try (CollectiblesScenario s = new CollectiblesScenario(dataDir, config)) {
            LicensedClient issuer = s.verifiedClient("Harbour Studio Limited");
            LicensedClient holder = s.verifiedClient("Li Hua");
            LicensedClient friend = s.verifiedClient("Wang Fang");
            LicensedClient stranger = s.unverifiedClient();
            JsonObject rules = expect(holder.get("/collectibles/rules"), 200).json();
            assertThat(rules.getBoolean("secondaryMarket")).isFalse();

            long authorisation = s.verifiedIssuer(issuer);
            long collection = s.collectionWithItems(issuer, authorisation, 0, 2);
            s.platform.credit(holder, "CNY", "99.00");
            JsonObject drop = expect(issuer.post("/collectibles/drops", CollectiblesScenario.drop(collection, "CNY",
                    "99.00", 1, 1)), 201).json();
            long dropId = drop.getLong("id");
            expect(holder.post("/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 1)), 201);
            JsonObject result = CollectiblesScenario.drawWhenClosed(issuer, dropId);
            assertThat(CollectiblesScenario.verifyDraw(drop.getString("seedCommitment"), result))
                    .containsExactly(holder.userId);
            long item = result.getJsonArray("positions").getJsonObject(0).getLong("itemId");
            assertThat(CollectiblesScenario.free(holder, "CNY")).isEqualTo("0.00");
            assertThat(CollectiblesScenario.free(issuer, "CNY")).isEqualTo("99.00");

            List<LicensedClient> everyone = List.of(issuer, holder, friend);
            JsonObject before = state(s, issuer, collection, item, everyone);

            // CN-03: no secondary market of any kind.
            assertRefused(holder.post("/collectibles/listings", new JsonObject().put("itemId", item)
                    .put("currency", "CNY").put("price", "199.00")), 403, "FEATURE_DISABLED_IN_JURISDICTION");
            assertRefused(friend.post("/collectibles/offers", new JsonObject().put("itemId", item)
                    .put("currency", "CNY").put("price", "199.00")), 403, "FEATURE_DISABLED_IN_JURISDICTION");
            // CN-04: prices in CNY only.
            assertRefused(issuer.post("/collectibles/drops", CollectiblesScenario.drop(collection, "ETH", "0.05", 1,
                    1)), 403, "CURRENCY_NOT_ALLOWED");
            // CN-02: every item unique: no fractions, no second item with the same content.
            String fresh = CollectiblesScenario.media(issuer, "harbour picture 3", "image/png");
            assertRefused(issuer.post("/collectibles/collections/" + collection + "/items",
                    CollectiblesScenario.item(3, fresh).put("quantity", 100)), 400, "FRACTIONAL_NOT_ALLOWED");
            String firstPicture = CollectiblesScenario.media(issuer, "harbour picture 1", "image/png");
            assertRefused(issuer.post("/collectibles/collections/" + collection + "/items",
                    CollectiblesScenario.item(3, firstPicture)), 409, "DUPLICATE_CONTENT");
            // CN-01: no financial-asset categories.
            assertRefused(issuer.post("/collectibles/collections", CollectiblesScenario.collection(
                    "FINANCIAL_INSTRUMENT", authorisation, 0)), 403, "CATEGORY_FORBIDDEN");
            // CN-05 / CN-06: a recipient must be real-name verified.
            assertRefused(holder.post("/collectibles/items/" + item + "/gift", new JsonObject()
                    .put("recipientAccountId", stranger.userId)), 403, "RECIPIENT_NOT_ELIGIBLE");

            assertThat(state(s, issuer, collection, item, everyone)).isEqualTo(before);

            // CN-06: the buyer's holding period (zero days in this profile file) has passed: the gift goes through.
            expect(holder.post("/collectibles/items/" + item + "/gift", new JsonObject()
                    .put("recipientAccountId", friend.userId)), 200);
            assertThat(expect(friend.get("/collectibles/items/" + item), 200).json().getLong("ownerId"))
                    .isEqualTo(friend.userId);
            assertThat(CollectiblesScenario.owners(friend, item)).containsExactly(holder.userId, friend.userId);

            // CN-06: the recipient holds for 730 days before gifting on: an early gift is refused.
            JsonObject afterGift = state(s, issuer, collection, item, everyone);
            assertRefused(friend.post("/collectibles/items/" + item + "/gift", new JsonObject()
                    .put("recipientAccountId", holder.userId)), 409, "HOLDING_PERIOD");
            assertThat(state(s, issuer, collection, item, everyone)).isEqualTo(afterGift);
        }
    }

    /**
     * What a refusal must not change, as the public API shows it: the item (owner, lock), its provenance, the
     * collection's items, every client's balances and collectibles, the issuer's collections' drops and the listings.
     */
    private static JsonObject state(CollectiblesScenario s, LicensedClient issuer, long collection, long item,
            List<LicensedClient> clients) {
        JsonObject state = new JsonObject()
                .put("item", expect(issuer.get("/collectibles/items/" + item), 200).json())
                .put("provenance", new JsonArray(expect(issuer.get("/collectibles/items/" + item + "/provenance"),
                        200).body()))
                .put("collection", expect(issuer.get("/collectibles/collections/" + collection), 200).json())
                .put("listings", expect(issuer.get("/collectibles/listings"), 200).body());
        for (LicensedClient c : clients) {
            state.put("balances-" + c.userId, c.account().balances())
                    .put("holdings-" + c.userId, expect(c.get("/collectibles/holdings"), 200).body());
        }
        return state;
    }
}
