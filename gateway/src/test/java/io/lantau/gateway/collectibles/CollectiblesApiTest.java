package io.lantau.gateway.collectibles;

import static io.lantau.gateway.collectibles.CollectiblesApiServer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.collectibles.DrawVerifier;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.collectibles.CollectiblesApiServer.Answer;
import io.lantau.gateway.collectibles.CollectiblesApiServer.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collectibles API through a real server: the whole path of an item, bad input and two-user isolation. */
class CollectiblesApiTest {
    @TempDir
    Path dir;
    CollectiblesApiServer server;

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String media(User u, String text, String type) {
        return expect(u.send("POST", "/collectibles/media", text.getBytes(StandardCharsets.UTF_8), type), 201)
                .json().getString("sha256");
    }

    /** An issuer verified by staff with an approved IP authorisation and a collection of two items. */
    private long collection(User staff, User issuer, int royaltyBps) {
        server.verified.add(issuer.id);
        expect(issuer.post("/collectibles/issuers", new JsonObject().put("displayName", "Harbour Studio")), 201);
        expect(staff.post("/collectibles/staff/issuers/" + issuer.id + "/decision",
                new JsonObject().put("approve", true)), 200);
        String evidence = media(issuer, "licence document", "application/pdf");
        long auth = expect(issuer.post("/collectibles/ip-authorisations", new JsonObject()
                .put("workTitle", "Harbour at dawn").put("rightsHolder", "Harbour Studio")
                .put("licenceTerms", "exclusive").put("evidenceSha256", evidence)), 201).json().getLong("id");
        expect(staff.post("/collectibles/staff/ip-authorisations/" + auth + "/decision",
                new JsonObject().put("approve", true)), 200);
        long collection = expect(issuer.post("/collectibles/collections", new JsonObject().put("name", "Harbour")
                .put("description", "Views").put("category", "ART").put("ipAuthorisationId", auth)
                .put("royaltyBps", royaltyBps)), 201).json().getLong("id");
        for (int e = 1; e <= 2; e++) {
            String sha = media(issuer, "harbour picture " + e, "image/png");
            expect(issuer.post("/collectibles/collections/" + collection + "/items", new JsonObject()
                    .put("edition", e).put("title", "Harbour #" + e).put("mediaSha256", sha)
                    .put("aiGenerated", e == 2).put("aiTool", e == 2 ? "Diffusion 3" : null)
                    .put("aiCreator", e == 2 ? "Harbour Studio" : null)), 201);
        }
        return collection;
    }

    private void deposit(long account, long amountMinor) {
        assertThat(server.core.apply(new Deposit(account * 1000 + amountMinor % 1000, account,
                StandardMarkets.HKD.assetId(), amountMinor))).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldIssueDropDrawResellAndShowProvenanceUnderHkVatp() {
        server = new CollectiblesApiServer(dir, "HK_VATP");
        User staff = server.new User("officer@example.com").staff(StaffRole.COMPLIANCE_OFFICER);
        User issuer = server.new User("issuer@example.com");
        User alice = server.new User("alice@example.com");
        User bob = server.new User("bob@example.com");
        server.verified.add(alice.id);
        server.verified.add(bob.id);
        long collection = collection(staff, issuer, 500);
        deposit(alice.id, 40_000); // enough to win both items and still buy one back
        deposit(bob.id, 50_000);

        JsonObject drop = expect(issuer.post("/collectibles/drops", new JsonObject().put("collectionId", collection)
                .put("currency", "HKD").put("price", "100.00").put("supply", 2).put("perBuyerCap", 2)
                .put("startsAt", server.clock.instant().toString())
                .put("endsAt", server.clock.instant().plus(Duration.ofMinutes(5)).toString())), 201).json();
        String commitment = drop.getString("seedCommitment");
        assertThat(drop.getString("seed")).isNull();
        long dropId = drop.getLong("id");
        expect(alice.post("/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 2)), 201);
        expect(bob.post("/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 1)), 201);
        server.clock.advance(Duration.ofMinutes(6));
        expect(alice.post("/collectibles/drops/" + dropId + "/draw", null), 403);
        expect(issuer.post("/collectibles/drops/" + dropId + "/draw", null), 200);

        // Anyone recomputes the draw from the published result.
        JsonObject result = expect(alice.get("/collectibles/drops/" + dropId + "/result"), 200).json();
        byte[] seed = HexFormat.of().parseHex(result.getJsonObject("drop").getString("seed"));
        assertThat(DrawVerifier.commitmentMatches(commitment, seed)).isTrue();
        List<DrawVerifier.Entry> entries = new ArrayList<>();
        for (Object e : result.getJsonArray("entries")) {
            JsonObject o = (JsonObject) e;
            entries.add(new DrawVerifier.Entry(o.getLong("accountId"), o.getInteger("quantity")));
        }
        List<Long> winners = DrawVerifier.winners(seed, entries, 2);
        JsonArray positions = result.getJsonArray("positions");
        for (int k = 0; k < 2; k++) {
            JsonObject p = positions.getJsonObject(k);
            assertThat(p.getLong("accountId")).isEqualTo(winners.get(k));
            assertThat(server.core.ownerOf(p.getLong("itemId"))).isEqualTo(winners.get(k));
        }

        // A winner resells one item to the other entrant (or to a third user if one won both).
        JsonObject first = positions.getJsonObject(0);
        long item = first.getLong("itemId");
        User seller = first.getLong("accountId") == alice.id ? alice : bob;
        User buyer = seller == alice ? bob : alice;
        long listing = expect(seller.post("/collectibles/listings", new JsonObject().put("itemId", item)
                .put("currency", "HKD").put("price", "150.00")), 201).json().getLong("id");
        expect(buyer.delete("/collectibles/listings/" + listing), 404); // not the buyer's listing
        expect(buyer.post("/collectibles/listings/" + listing + "/buy", null), 200);
        assertThat(server.core.ownerOf(item)).isEqualTo(buyer.id);

        JsonArray provenance = expect(staff.get("/collectibles/items/" + item + "/provenance"), 200).array();
        assertThat(provenance).hasSize(2);
        assertThat(provenance.getJsonObject(0).getString("kind")).isEqualTo("MINT");
        assertThat(provenance.getJsonObject(0).getLong("to")).isEqualTo(seller.id);
        assertThat(provenance.getJsonObject(1).getString("kind")).isEqualTo("SALE");
        assertThat(provenance.getJsonObject(1).getString("price")).isEqualTo("150");
        assertThat(provenance.getJsonObject(1).getLong("to")).isEqualTo(buyer.id);

        JsonObject metadata = expect(alice.get("/collectibles/items/" + positions.getJsonObject(1)
                .getLong("itemId") + "/metadata"), 200).json();
        assertThat(metadata.getString("image")).startsWith("ipfs://bafkrei");
    }

    @Test
    void shouldRefuseBadInputAndOtherUsersIdsWithStableCodesAndNoChange() {
        server = new CollectiblesApiServer(dir, "HK_VATP");
        User staff = server.new User("officer@example.com").staff(StaffRole.COMPLIANCE_OFFICER);
        User issuer = server.new User("issuer@example.com");
        User mallory = server.new User("mallory@example.com");
        server.verified.add(mallory.id);
        long collection = collection(staff, issuer, 0);
        String sha = media(issuer, "third picture", "image/png");
        String core = server.core.stateHash();

        assertRefused(issuer.post("/collectibles/collections", new JsonObject().put("name", "X")
                .put("category", "ART").put("ipAuthorisationId", 1).put("colour", "red")), 400, "UNKNOWN_FIELD");
        assertRefused(issuer.post("/collectibles/collections", new JsonObject().put("name", "X")
                .put("category", "ART").put("ipAuthorisationId", "one")), 400, "WRONG_TYPE");
        assertRefused(issuer.post("/collectibles/collections/" + collection + "/items", new JsonObject()
                .put("edition", 3).put("title", "x".repeat(129)).put("mediaSha256", sha)), 400, "VALUE_TOO_LONG");
        assertRefused(issuer.post("/collectibles/collections/" + collection + "/items", new JsonObject()
                .put("edition", 3).put("title", "Half").put("mediaSha256", sha).put("quantity", 2)), 400,
                "FRACTIONAL_NOT_ALLOWED");
        assertRefused(issuer.send("POST", "/collectibles/media", new byte[] {1, 2, 3}, "text/html"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(issuer.post("/collectibles/collections", new JsonObject().put("name", "y".repeat(70_000))),
                413, "BODY_TOO_LARGE");
        // Another user's ids.
        assertRefused(mallory.post("/collectibles/collections/" + collection + "/items", new JsonObject()
                .put("edition", 3).put("title", "Mine").put("mediaSha256", sha)), 403, "NOT_YOUR_COLLECTION");
        assertRefused(mallory.get("/collectibles/ip-authorisations/1"), 404, "UNKNOWN_AUTHORISATION");
        long item = expect(issuer.get("/collectibles/collections/" + collection), 200).json().getJsonArray("items")
                .getJsonObject(0).getLong("id");
        assertRefused(mallory.post("/collectibles/items/" + item + "/gift", new JsonObject()
                .put("recipientAccountId", mallory.id)), 403, "NOT_OWNER");
        assertRefused(mallory.post("/collectibles/listings", new JsonObject().put("itemId", item)
                .put("currency", "HKD").put("price", "1")), 403, "NOT_OWNER");
        assertRefused(mallory.post("/collectibles/items/" + item + "/gift", new JsonObject()
                .put("recipientAccountId", issuer.id).put("price", "1")), 400, "UNKNOWN_FIELD");
        assertRefused(mallory.post("/collectibles/staff/wind-down", null), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(mallory.get("/collectibles/items/abc"), 400, "INVALID_VALUE");

        assertThat(server.core.stateHash()).isEqualTo(core);
        assertThat(expect(issuer.get("/collectibles/collections/" + collection), 200).json()
                .getJsonArray("items")).hasSize(2);
    }

    @Test
    void shouldRefuseTheMarketAndCryptoPricesUnderTheMainlandProfile() {
        server = new CollectiblesApiServer(dir, "CN_DIGITAL_COLLECTIBLES");
        User staff = server.new User("officer@example.com").staff(StaffRole.COMPLIANCE_OFFICER);
        User issuer = server.new User("issuer@example.com");
        long collection = collection(staff, issuer, 0);
        JsonObject rules = expect(issuer.get("/collectibles/rules"), 200).json();
        assertThat(rules.getBoolean("secondaryMarket")).isFalse();

        assertRefused(issuer.post("/collectibles/drops", new JsonObject().put("collectionId", collection)
                .put("currency", "ETH").put("price", "0.1").put("supply", 1).put("perBuyerCap", 1)
                .put("startsAt", server.clock.instant().toString())
                .put("endsAt", server.clock.instant().plus(Duration.ofDays(1)).toString())), 403,
                "CURRENCY_NOT_ALLOWED");
        assertRefused(issuer.post("/collectibles/listings", new JsonObject().put("itemId", 1)
                .put("currency", "CNY").put("price", "1")), 403, "FEATURE_DISABLED_IN_JURISDICTION");
        assertRefused(issuer.post("/collectibles/collections", new JsonObject().put("name", "Gold")
                .put("category", "PRECIOUS_METAL").put("ipAuthorisationId", 1)), 403, "CATEGORY_FORBIDDEN");
        assertThat(server.collectibles.drops().entries(1)).isEmpty();
    }

    private static void assertRefused(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.code()).isEqualTo(code);
    }
}
