package io.lantau.app.collectibles;

import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.licensing.LicensedClient;
import io.lantau.app.licensing.LicensingScenario;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.collectibles.DrawVerifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The steps the collectibles scenarios of issue 6 share, on a real platform and through its public API only: clients
 * onboarded and staff named as the licensing scenarios do ({@link LicensingScenario}), an issuer verified by the
 * compliance officer with an approved IP authorisation for its work (CN-05, CN-08), collections and items with their
 * media uploaded, drops entered and drawn, and the draw recomputed from the revealed seed with {@link DrawVerifier}.
 */
final class CollectiblesScenario implements AutoCloseable {
    /** Drops close this long after they are created: long enough to enter, short enough to wait for. */
    private static final Duration DROP_OPEN_FOR = Duration.ofSeconds(4);

    final LicensingScenario platform;

    CollectiblesScenario(Path dataDir, PlatformConfig config) {
        this.platform = new LicensingScenario(dataDir, config);
    }

    /** A client registered, signed in and KYC-approved by the compliance officer (real name, CN-05). */
    LicensedClient verifiedClient(String legalName) {
        LicensedClient client = LicensedClient.register(platform.baseUrl(), "HK");
        platform.approveKyc(client, legalName);
        return client;
    }

    /**
     * A client the core will let trade under {@code HK_VATP}: KYC approved and past every retail gate (HK-01 to
     * HK-04, HK-08), ACTIVE.
     */
    LicensedClient retailClient(String legalName) {
        return platform.onboardRetail(legalName);
    }

    /** A client registered and signed in, without KYC. */
    LicensedClient unverifiedClient() {
        return LicensedClient.register(platform.baseUrl(), "HK");
    }

    /** Uploads media; @return its SHA-256. */
    static String media(LicensedClient client, String content, String contentType) {
        JsonObject stored = expect(client.post("/collectibles/media", content, contentType), 201).json();
        assertThat(stored.getString("cid")).startsWith("bafkrei"); // CIDv1, raw codec, SHA-256
        return stored.getString("sha256");
    }

    /**
     * The issuer applies, the compliance officer verifies it, it files the IP authorisation for "Harbour at dawn"
     * with its evidence and the officer approves it (CN-08). @return the authorisation's id.
     */
    long verifiedIssuer(LicensedClient issuer) {
        expect(issuer.post("/collectibles/issuers", new JsonObject().put("displayName", "Harbour Studio")), 201);
        expect(platform.officer().post("/collectibles/staff/issuers/" + issuer.userId + "/decision",
                new JsonObject().put("approve", true)), 200);
        String evidence = media(issuer, "exclusive licence, Harbour Studio to Lantau, 2026", "application/pdf");
        long authorisation = expect(issuer.post("/collectibles/ip-authorisations", new JsonObject()
                .put("workTitle", "Harbour at dawn").put("rightsHolder", "Harbour Studio")
                .put("licenceTerms", "exclusive").put("evidenceSha256", evidence)), 201).json().getLong("id");
        expect(platform.officer().post("/collectibles/staff/ip-authorisations/" + authorisation + "/decision",
                new JsonObject().put("approve", true)), 200);
        return authorisation;
    }

    /** @return the body of a collection of this category under the authorisation. */
    static JsonObject collection(String category, long authorisation, int royaltyBps) {
        return new JsonObject().put("name", "Harbour").put("description", "Views of Victoria Harbour")
                .put("category", category).put("ipAuthorisationId", authorisation).put("royaltyBps", royaltyBps);
    }

    /** Creates a collection of {@code editions} items, each with its own uploaded picture. @return its id. */
    long collectionWithItems(LicensedClient issuer, long authorisation, int royaltyBps, int editions) {
        long collection = expect(issuer.post("/collectibles/collections", collection("ART", authorisation,
                royaltyBps)), 201).json().getLong("id");
        for (int edition = 1; edition <= editions; edition++) {
            String sha = media(issuer, "harbour picture " + edition, "image/png");
            expect(issuer.post("/collectibles/collections/" + collection + "/items", item(edition, sha)), 201);
        }
        return collection;
    }

    static JsonObject item(int edition, String mediaSha256) {
        return new JsonObject().put("edition", edition).put("title", "Harbour #" + edition)
                .put("mediaSha256", mediaSha256);
    }

    /** The drop's body: open from a minute ago until {@link #DROP_OPEN_FOR} from now. */
    static JsonObject drop(long collection, String currency, String price, int supply, int perBuyerCap) {
        Instant now = Instant.now();
        return new JsonObject().put("collectionId", collection).put("currency", currency).put("price", price)
                .put("supply", supply).put("perBuyerCap", perBuyerCap)
                .put("startsAt", now.minus(Duration.ofMinutes(1)).toString())
                .put("endsAt", now.plus(DROP_OPEN_FOR).toString());
    }

    /**
     * The issuer draws the drop once it has closed (the service refuses earlier with DROP_NOT_CLOSED, which is waited
     * out); @return the published result.
     */
    static JsonObject drawWhenClosed(LicensedClient issuer, long dropId) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            Answer draw = issuer.post("/collectibles/drops/" + dropId + "/draw", null);
            if (draw.status() == 200) {
                return expect(issuer.get("/collectibles/drops/" + dropId + "/result"), 200).json();
            }
            assertThat(draw.json().getString("code")).as(draw.body()).isEqualTo("DROP_NOT_CLOSED");
            Thread.sleep(50);
        }
        throw new AssertionError("drop " + dropId + " never closed");
    }

    /**
     * Recomputes the draw from the published result as anyone can: the revealed seed matches the commitment published
     * before the drop, and the winners recomputed from seed and entries are the published positions, in order.
     *
     * @return the winning account of each position.
     */
    static List<Long> verifyDraw(String commitment, JsonObject result) {
        byte[] seed = HexFormat.of().parseHex(result.getJsonObject("drop").getString("seed"));
        assertThat(DrawVerifier.commitmentMatches(commitment, seed)).isTrue();
        List<DrawVerifier.Entry> entries = new ArrayList<>();
        for (Object e : result.getJsonArray("entries")) {
            JsonObject entry = (JsonObject) e;
            entries.add(new DrawVerifier.Entry(entry.getLong("accountId"), entry.getInteger("quantity")));
        }
        JsonArray positions = result.getJsonArray("positions");
        List<Long> winners = DrawVerifier.winners(seed, entries, positions.size());
        List<Long> published = new ArrayList<>();
        for (Object p : positions) {
            published.add(((JsonObject) p).getLong("accountId"));
        }
        assertThat(published).isEqualTo(winners);
        return published;
    }

    /** @return the owners recorded in the item's provenance, oldest first. */
    static List<Long> owners(LicensedClient reader, long item) {
        List<Long> owners = new ArrayList<>();
        for (Object e : new JsonArray(expect(reader.get("/collectibles/items/" + item + "/provenance"), 200).body())) {
            owners.add(((JsonObject) e).getLong("to"));
        }
        return owners;
    }

    /** @return the client's free balance of {@code asset} through {@code /api/v3/account}. */
    static String free(LicensedClient client, String asset) {
        return client.account().free(asset);
    }

    @Override
    public void close() {
        platform.close();
    }
}
