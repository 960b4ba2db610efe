package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.collectibles.Collectibles;
import io.lantau.collectibles.DrawVerifier;
import io.lantau.core.config.StandardMarkets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collectibles drop and the secondary market in a real browser under the OPEN profile (resale and gifting allowed
 * as under HK_VATP, without the HK onboarding gates that WebUiOnboardingTest covers): a drop is run through the API (an
 * issuer verified with an approved IP authorisation, three verified and funded entrants, one of them entering on the
 * drop page itself), and after the draw a collector's browser recomputes the winners from the revealed seed with
 * DrawVerifier's algorithm and finds them equal to the published result, while a changed seed gives a mismatch
 * (fair draw: commitment before, seed after). Then the winner lists the item for sale on its page, another collector
 * buys it there (resale allowed: CN-03 does not apply), and the new owner gives it away with the gift form (no price).
 * The wallet's fiat withdrawal form pays out only to the client's designated bank account (HK-07) and shows the
 * ledger's refusal when the balance is short.
 */
class WebUiDropAndWalletTest {
    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);   // OPEN: accounts trade without the HK onboarding gates
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    record User(Page page, long accountId) {
    }

    /** Signs up through the UI, KYC submitted and approved (issuers need it), HKD 1,000.00 deposited. */
    private static User verifiedUser(String legalName) {
        Page page = chromium.page(false);
        long id = WebUiFixture.signUp(page, harness, WebUiFixture.newEmail());
        JsonObject kyc = new JsonObject(WebUiOnboardingTest.call(page, "POST", "/kyc", new JsonObject()
                .put("identity", new JsonObject().put("legalName", legalName).put("dateOfBirth", "1988-05-06")
                        .put("idDocumentType", "PASSPORT").put("idDocumentNumber", "K" + (1_000_000 + id))
                        .put("nationality", "HK").put("residency", "HK").put("address", "8 Finance Street, Central"))
                .put("documents", new JsonArray().add(new JsonObject().put("kind", "PASSPORT")
                        .put("contentType", "image/png").put("contentBase64", Base64.getEncoder().encodeToString(
                                png(0x336699)))))
                .encode()));
        // The officer's decision is the console's (tested in WebUiOnboardingTest); here it is set-up.
        harness.platform().parts().licensing.onboarding.approve(kyc.getLong("caseId"), OFFICER, "passport checked");
        harness.deposit(id, StandardMarkets.HKD.assetId(), 1_000_00L);
        return new User(page, id);
    }

    /** The staff member named on decisions taken in set-up (not any client of the test). */
    private static final long OFFICER = 9_999_999L;

    private static Collectibles collectibles() {
        return harness.platform().parts().collectibles;
    }

    private static String call(User user, String method, String path, JsonObject body) {
        return WebUiOnboardingTest.call(user.page(), method, path, body == null ? null : body.encode());
    }

    @Test
    void theDropPageRecomputesTheDrawInTheBrowserAndTheItemPageSellsAndGifts() throws Exception {
        User issuer = verifiedUser("Lantau Art Studio Ltd");
        List<User> entrants = new ArrayList<>();
        for (String name : List.of("Chan Tai Man", "Wong Siu Ming", "Lee Ka Yan")) {
            entrants.add(verifiedUser(name));
        }
        call(issuer, "POST", "/collectibles/issuers", new JsonObject().put("displayName", "Lantau Art Studio"));
        collectibles().issuers().decideIssuer(issuer.accountId(), OFFICER, true);
        JsonObject ip = new JsonObject(call(issuer, "POST", "/collectibles/ip-authorisations", new JsonObject()
                .put("workTitle", "Peak Tram").put("rightsHolder", "Lantau Art Studio Ltd")
                .put("licenceTerms", "Exclusive digital edition licence").put("evidenceSha256", upload(issuer,
                        png(0x101010)))));
        collectibles().issuers().decideAuthorisation(ip.getLong("id"), OFFICER, true);
        JsonObject collection = new JsonObject(call(issuer, "POST", "/collectibles/collections", new JsonObject()
                .put("name", "Peak Tram").put("description", "The tram up the Peak, in two editions.")
                .put("category", "ART").put("ipAuthorisationId", ip.getLong("id")).put("royaltyBps", 500)));
        for (int edition = 1; edition <= 2; edition++) {
            call(issuer, "POST", "/collectibles/collections/" + collection.getLong("id") + "/items", new JsonObject()
                    .put("edition", edition).put("title", "Peak Tram").put("mediaSha256",
                            upload(issuer, png(0x225500 + edition * 0x30))));
        }
        // Supply 2, three entrants: the draw decides.
        Instant endsAt = Instant.now().plus(Duration.ofSeconds(20));
        JsonObject drop = new JsonObject(call(issuer, "POST", "/collectibles/drops", new JsonObject()
                .put("collectionId", collection.getLong("id")).put("currency", "HKD").put("price", "100.00")
                .put("supply", 2).put("perBuyerCap", 1).put("startsAt", Instant.now().minusSeconds(60).toString())
                .put("endsAt", endsAt.toString())));
        long dropId = drop.getLong("id");
        // Without a session the drop page sends the visitor to sign in (and back here after).
        Page visitor = chromium.page(false);
        visitor.navigate(harness.baseUrl() + "/#/collectibles/drop/" + dropId);
        visitor.waitForURL("**/#/login/**");
        assertThat(visitor.locator("#drop-recompute")).hasCount(0);
        visitor.close();

        // The first entrant enters on the drop page: supply, price, the countdown to the close, the commitment.
        Page first = entrants.get(0).page();
        first.navigate(harness.baseUrl() + "/#/collectibles/drop/" + dropId);
        assertThat(first.locator("#drop-supply")).hasText("2");
        assertThat(first.locator("#drop-price")).hasText(drop.getString("price") + " HKD");
        assertThat(new java.math.BigDecimal(drop.getString("price"))).isEqualByComparingTo("100.00");
        assertThat(first.locator("#drop-phase")).hasAttribute("data-phase", "open");
        assertThat(first.locator("#drop-countdown")).containsText("closes in");
        assertThat(first.locator("#drop-commitment")).hasText(drop.getString("seedCommitment"));
        first.locator("#drop-quantity").fill("1");
        first.locator("#drop-enter").click();
        assertThat(first.locator("#drop-entry-status")).hasText("You are entered for 1.");
        screenshot(first, "collectibles-drop-open");
        for (User u : entrants.subList(1, 3)) {
            call(u, "POST", "/collectibles/drops/" + dropId + "/entries", new JsonObject().put("quantity", 1));
        }
        // The draw needs the window closed: wait for the platform's clock to pass the end, then the issuer draws.
        while (!Instant.now().isAfter(endsAt.plusMillis(200))) {
            Thread.sleep(200);
        }
        call(issuer, "POST", "/collectibles/drops/" + dropId + "/draw", new JsonObject());
        JsonObject result = new JsonObject(call(issuer, "GET", "/collectibles/drops/" + dropId + "/result", null));
        JsonArray positions = result.getJsonArray("positions");
        assertThat(positions).hasSize(2);

        // A collector's browser recomputes the draw from the revealed seed: it matches the published winners.
        first.reload();   // the same address: load the page again for the drawn drop
        assertThat(first.locator("#drop-phase")).hasAttribute("data-phase", "drawn");
        String seed = result.getJsonObject("drop").getString("seed");
        assertThat(first.locator("#drop-seed")).hasValue(seed);
        first.locator("#drop-recompute").click();
        assertThat(first.locator("#drop-verdict")).hasAttribute("data-outcome", "match");
        assertThat(first.locator("#drop-verdict")).containsText("MATCH");
        // The browser's winners are the Java verifier's, position by position.
        List<DrawVerifier.Entry> entries = new ArrayList<>();
        for (Object e : result.getJsonArray("entries")) {
            JsonObject entry = (JsonObject) e;
            entries.add(new DrawVerifier.Entry(entry.getLong("accountId"), entry.getInteger("quantity")));
        }
        List<Long> expected = DrawVerifier.winners(HexFormat.of().parseHex(seed), entries, 2);
        assertThat(first.locator("#drop-recomputed li")).hasText(expected.stream().map(String::valueOf)
                .toArray(String[]::new));
        screenshot(first, "collectibles-drop-drawn");

        // One changed hex digit of the seed: the commitment no longer matches (and the winners may differ).
        char last = seed.charAt(seed.length() - 1);
        String tampered = seed.substring(0, seed.length() - 1) + (last == '0' ? '1' : '0');
        first.locator("#drop-seed").fill(tampered);
        first.locator("#drop-recompute").click();
        assertThat(first.locator("#drop-verdict")).hasAttribute("data-outcome", "mismatch");
        assertThat(first.locator("#drop-verdict")).containsText("MISMATCH");
        screenshot(first, "collectibles-drop-tampered");
        first.locator("#lang-select").selectOption("zh-Hant");
        assertThat(first.locator("#drop-recompute")).hasText("重新計算抽籤");
        assertThat(first.locator("#drop-verdict")).containsText("不相符");
        first.locator("#drop-seed").fill(seed);
        first.locator("#drop-recompute").click();
        assertThat(first.locator("#drop-verdict")).containsText("相符：");
        screenshot(first, "collectibles-drop-zh-Hant");
        first.locator("#lang-select").selectOption("en");

        // The winner of position 0 lists the item on its page; a collector who did not win buys it there.
        JsonObject won = positions.getJsonObject(0);
        assertThat(won.getString("outcome")).isEqualTo("SETTLED");
        long itemId = won.getLong("itemId");
        User seller = entrants.stream().filter(u -> u.accountId() == won.getLong("accountId")).findFirst().orElseThrow();
        seller.page().navigate(harness.baseUrl() + "/#/collectibles/item/" + itemId);
        assertThat(seller.page().locator("#item-owner")).hasText(String.valueOf(seller.accountId()));
        assertThat(seller.page().locator("#item-offer")).hasCount(0);   // no offers on one's own item
        seller.page().locator("#item-list-currency").selectOption("HKD");
        seller.page().locator("#item-list-price").fill("150.00");
        seller.page().locator("#item-list-submit").click();
        assertThat(seller.page().locator("#item-actions .listing .num")).hasText(java.util.regex.Pattern.compile("^150(\\.0+)? HKD$"));
        assertThat(seller.page().locator("#item-actions .cancel-listing")).isVisible();
        screenshot(seller.page(), "collectibles-item-listed");

        User buyer = entrants.stream().filter(u -> u.accountId() != seller.accountId()).findFirst().orElseThrow();
        buyer.page().navigate(harness.baseUrl() + "/#/collectibles/item/" + itemId);
        assertThat(buyer.page().locator("#item-list")).hasCount(0);     // only the owner lists
        assertThat(buyer.page().locator("#item-gift")).hasCount(0);     // only the owner gives
        assertThat(buyer.page().locator("#item-offer")).isVisible();
        buyer.page().locator("#item-actions .buy").click();
        assertThat(buyer.page().locator("#item-owner")).hasText(String.valueOf(buyer.accountId()));
        assertThat(collectibles().holdings().holding(itemId).orElseThrow().ownerId()).isEqualTo(buyer.accountId());

        // The new owner gives it to the seller (no holding period under this profile; a gift has no price, CN-06).
        buyer.page().locator("#item-gift-recipient").fill(String.valueOf(seller.accountId()));
        screenshot(buyer.page(), "collectibles-item-owner");
        buyer.page().locator("#item-gift-submit").click();
        assertThat(buyer.page().locator("#item-gift-status")).hasText("Given: the item now belongs to the recipient.");
        assertThat(collectibles().holdings().holding(itemId).orElseThrow().ownerId()).isEqualTo(seller.accountId());
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void theWalletWithdrawsFiatToTheDesignatedAccountOnlyAndShowsARefusal() {
        Page visitor = chromium.page(false);
        visitor.navigate(harness.baseUrl() + "/#/wallet");
        visitor.waitForURL("**/#/login/**");   // the wallet needs a session
        visitor.close();
        User client = verifiedUser("Cheung Mei Ling");
        Page page = client.page();
        page.navigate(harness.baseUrl() + "/#/wallet");
        assertThat(page.locator("#fiat-withdraw")).hasCount(0);   // no designated account yet: nowhere to pay out
        page.locator("#fiat-holder").fill("Cheung Mei Ling");
        page.locator("#fiat-bank").fill("Hang Seng Bank");
        page.locator("#fiat-number").fill("024-123456-001");
        page.locator("#wallet-fiat form button[type=submit]").click();
        assertThat(page.locator("#fiat-designated")).containsText("024123456001");   // the bank's digits only
        assertThat(page.locator("#fiat-withdraw")).containsText("024123456001");

        // More than the balance (HKD 1,000.00): the ledger refuses, nothing is requested.
        page.locator("#fiat-withdraw-currency").selectOption("HKD");
        page.locator("#fiat-withdraw-amount").fill("1000.01");
        page.locator("#fiat-withdraw-submit").click();
        assertThat(page.locator("#fiat-withdraw-status")).hasAttribute("data-kind", "error");
        assertThat(new JsonArray(call(client, "GET", "/fiat/withdrawals", null))).isEmpty();

        page.locator("#fiat-withdraw-amount").fill("120.50");
        page.locator("#fiat-withdraw-submit").click();
        assertThat(page.locator("#wallet-fiat td.num", new Page.LocatorOptions().setHasText("120.5"))).isVisible();
        JsonArray withdrawals = new JsonArray(call(client, "GET", "/fiat/withdrawals", null));
        assertThat(withdrawals).hasSize(1);
        assertThat(new java.math.BigDecimal(withdrawals.getJsonObject(0).getString("amount")))
                .isEqualByComparingTo("120.50");
        screenshot(page, "wallet-fiat-withdrawal");
        page.locator("#lang-select").selectOption("zh-Hans");
        assertThat(page.locator("#fiat-withdraw h3")).hasText("提款至您的指定账户");
        assertThat(chromium.problems()).isEmpty();
    }

    /** Uploads a PNG as collectibles media; @return its SHA-256. */
    private static String upload(User user, byte[] png) {
        String answer = (String) user.page().evaluate("async (b64) => {"
                + " const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));"
                + " const r = await fetch('/api/lantau/v1/collectibles/media', { method: 'POST', body: bytes,"
                + "   headers: { 'Content-Type': 'image/png', 'X-CSRF-Token': sessionStorage.getItem('lantau.csrf') } });"
                + " return r.text(); }", Base64.getEncoder().encodeToString(png));
        return new JsonObject(answer).getString("sha256");
    }

    /** A 48×48 PNG of one colour with a diagonal: distinct bytes per colour. */
    private static byte[] png(int rgb) {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                image.setRGB(x, y, x == y ? 0xffd54f : rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
