package io.lantau.app.collectibles;

import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.licensing.LicensedClient;
import io.lantau.app.platform.PlatformConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 under {@code HK_VATP} on a real platform, through the public API only: a verified issuer issues, a drop sells
 * out by a fair draw anyone can recompute, and the open secondary market settles a resale with the creator's royalty
 * and the platform's fee, the provenance naming every owner.
 */
class HkCollectiblesScenarioTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldSellOutADropFairlyThenResellWithRoyaltyAndFeeAndShowEveryOwner() throws Exception {
        try (CollectiblesScenario s = new CollectiblesScenario(dataDir, PlatformConfig.defaults())) {
            LicensedClient issuer = s.retailClient("Harbour Studio Limited");
            LicensedClient alice = s.retailClient("Alice Chan");
            LicensedClient bob = s.retailClient("Bob Wong");
            long authorisation = s.verifiedIssuer(issuer);
            long collection = s.collectionWithItems(issuer, authorisation, 500, 2); // 5% royalty
            s.platform.credit(alice, "HKD", "400.00");
            s.platform.credit(bob, "HKD", "500.00");

            // Demand (3) exceeds supply (2): a draw whose seed was committed before anyone entered.
            JsonObject drop = expect(issuer.post("/collectibles/drops", CollectiblesScenario.drop(collection, "HKD",
                    "100.00", 2, 2)), 201).json();
            String commitment = drop.getString("seedCommitment");
            assertThat(commitment).isNotBlank();
            assertThat(drop.getString("seed")).isNull();
            long dropId = drop.getLong("id");
            expect(alice.post("/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 2)), 201);
            expect(bob.post("/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 1)), 201);
            JsonObject result = CollectiblesScenario.drawWhenClosed(issuer, dropId);
            List<Long> winners = CollectiblesScenario.verifyDraw(commitment, result);
            JsonArray positions = result.getJsonArray("positions");
            assertThat(positions).hasSize(2); // sold out
            for (int k = 0; k < 2; k++) {
                long itemId = positions.getJsonObject(k).getLong("itemId");
                assertThat(expect(bob.get("/collectibles/items/" + itemId), 200).json().getLong("ownerId"))
                        .as(result.encode()).isEqualTo(winners.get(k));
            }
            long aliceWon = winners.stream().filter(w -> w == alice.userId).count();
            long bobWon = winners.size() - aliceWon;
            // Each winner paid the price for each item, atomically with its mint; losers paid nothing.
            assertThat(new BigDecimal(CollectiblesScenario.free(alice, "HKD")))
                    .isEqualByComparingTo(new BigDecimal("400.00").subtract(new BigDecimal(100 * aliceWon)));
            assertThat(new BigDecimal(CollectiblesScenario.free(bob, "HKD")))
                    .isEqualByComparingTo(new BigDecimal("500.00").subtract(new BigDecimal(100 * bobWon)));

            // The first winner lists its item and the other entrant buys it.
            long item = positions.getJsonObject(0).getLong("itemId");
            LicensedClient seller = winners.get(0) == alice.userId ? alice : bob;
            LicensedClient buyer = seller == alice ? bob : alice;
            BigDecimal sellerBefore = new BigDecimal(CollectiblesScenario.free(seller, "HKD"));
            BigDecimal buyerBefore = new BigDecimal(CollectiblesScenario.free(buyer, "HKD"));
            BigDecimal issuerBefore = new BigDecimal(CollectiblesScenario.free(issuer, "HKD"));
            long listing = expect(seller.post("/collectibles/listings", new JsonObject().put("itemId", item)
                    .put("currency", "HKD").put("price", "150.00")), 201).json().getLong("id");
            expect(buyer.post("/collectibles/listings/" + listing + "/buy", null), 200);

            assertThat(expect(buyer.get("/collectibles/items/" + item), 200).json().getLong("ownerId"))
                    .isEqualTo(buyer.userId);
            // HK$150.00: 5% royalty (HK$7.50) to the creator, the profile's 2.5% fee (HK$3.75) to the platform,
            // HK$138.75 to the seller; nothing created or lost.
            assertThat(new BigDecimal(CollectiblesScenario.free(buyer, "HKD")))
                    .isEqualByComparingTo(buyerBefore.subtract(new BigDecimal("150.00")));
            assertThat(new BigDecimal(CollectiblesScenario.free(seller, "HKD")))
                    .isEqualByComparingTo(sellerBefore.add(new BigDecimal("138.75")));
            assertThat(new BigDecimal(CollectiblesScenario.free(issuer, "HKD")))
                    .isEqualByComparingTo(issuerBefore.add(new BigDecimal("7.50")));

            assertThat(CollectiblesScenario.owners(alice, item)).containsExactly(seller.userId, buyer.userId);
            JsonArray provenance = new JsonArray(expect(alice.get("/collectibles/items/" + item + "/provenance"),
                    200).body());
            assertThat(provenance.getJsonObject(0).getString("kind")).isEqualTo("MINT");
            assertThat(provenance.getJsonObject(1).getString("kind")).isEqualTo("SALE");

            JsonObject metadata = expect(alice.get("/collectibles/items/" + item + "/metadata"), 200).json();
            assertThat(metadata.getString("image")).startsWith("ipfs://bafkrei");
        }
    }
}
