package io.lantau.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.lantau.app.web.WebUiFixture.screenshot;
import static io.lantau.app.web.WebUiFixture.totpCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.reserves.ReservesVerifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onboarding, the compliance console and proof of reserves in a real browser under the Hong Kong profile (HK_VATP):
 * a client goes through KYC with a document upload, the retail classification, the risk disclosures, the knowledge
 * test and the risk profile whose exposure limit then stays in the header (HK-01 .. HK-04, HK-06, HK-08); a compliance
 * officer named through the admin API signs in with TOTP and approves the KYC case in the console, after which the
 * client's gates are all met; a custody officer publishes a reserves root and the client verifies their inclusion
 * proof in the browser, while a tampered proof fails (PoR-2, PoR-4).
 */
class WebUiOnboardingTest {
    /** A 1×1 PNG: the identity document's "scan". */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Chromium chromium;
    /** The platform's one compliance officer (the admin API names only the first holder of a role). */
    private static Page complianceOfficer;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir, PlatformConfig.defaults());
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

    /** A user signed up through the UI under HK_VATP (residency, TOTP enrolment with the QR code). */
    record User(String email, long accountId, String totpSecret) {
    }

    static User signUp(Page page) {
        String email = WebUiFixture.newEmail();
        page.navigate(harness.baseUrl() + "/#/signup");
        page.locator("#signup-email").fill(email);
        page.locator("#signup-password").fill(WebUiFixture.PASSWORD);
        page.locator("#signup-residency").selectOption("HK");
        page.locator("#signup-submit").click();
        String secret = page.locator("#totp-secret").textContent().trim();
        page.locator("#totp-code").fill(totpCode(secret, 0));
        page.locator(".totp button[type=submit]").click();
        assertThat(page.locator("#account-email")).hasText(email);
        return new User(email, Long.parseLong(page.locator("#account-id").textContent().trim()), secret);
    }

    /** Names the first holder of a staff role through the operator's admin API, then signs in again with TOTP. */
    static void becomeStaff(Page page, User user, String role) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(harness.baseUrl() + "/api/lantau/v1/admin/staff"))
                .header("Content-Type", "application/json")
                .header("X-Lantau-Admin-Token", harness.platform().parts().adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", user.email())
                        .put("role", role).encode()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        page.locator("#session-area button").click();
        assertThat(page.locator("#session-area a[href='#/login']")).isVisible();
        page.navigate(harness.baseUrl() + "/#/login");
        page.locator("#login-email").fill(user.email());
        page.locator("#login-password").fill(WebUiFixture.PASSWORD);
        page.locator("#login-submit").click();
        // The enrolment used this step's code; the next one is as valid (one step of drift) and not a replay.
        page.locator("#totp-code").fill(totpCode(user.totpSecret(), 1));
        page.locator(".totp button[type=submit]").click();
        assertThat(page.locator("#session-area .who")).hasText(user.email());
        assertThat(page.locator("#nav a[href='#/console']")).isVisible();
        // The sign-in is in the user's security log (HK-23), with the address it came from.
        page.navigate(harness.baseUrl() + "/#/account");
        assertThat(page.locator("#access-log tr[data-action=LOGIN]").first()).containsText("127.0.0.1");
    }

    static synchronized Page complianceOfficer() {
        if (complianceOfficer == null) {
            Page page = chromium.page(false);
            becomeStaff(page, signUp(page), "COMPLIANCE_OFFICER");
            complianceOfficer = page;
        }
        return complianceOfficer;
    }

    /** A native API call made by the page itself (its session cookie and CSRF token); the answer's JSON text. */
    static String call(Page page, String method, String path, String jsonBody) {
        return (String) page.evaluate("async ([method, path, body]) => {"
                + " const headers = { 'X-CSRF-Token': sessionStorage.getItem('lantau.csrf') };"
                + " if (body !== null) headers['Content-Type'] = 'application/json';"
                + " const r = await fetch('/api/lantau/v1' + path, { method, headers, body: body ?? undefined });"
                + " const text = await r.text();"
                + " if (!r.ok) throw new Error(method + ' ' + path + ': ' + r.status + ' ' + text);"
                + " return text; }", java.util.Arrays.asList(method, path, jsonBody));
    }

    private static Locator gate(Page page, String gate) {
        return page.locator("#onboarding-gates li[data-gate=" + gate + "]");
    }

    private static JsonObject resource(String name) {
        try (InputStream in = WebUiOnboardingTest.class.getResourceAsStream("/io/lantau/compliance/suitability/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClientOnboardsThroughTheUiAndAComplianceOfficerApprovesTheKycCaseInTheConsole() {
        Page client = chromium.page(false);
        User user = signUp(client);
        assertThat(client.locator("#nav a[href='#/console']")).hasCount(0);   // a client has no console
        client.navigate(harness.baseUrl() + "/#/onboarding");
        assertThat(gate(client, "KYC_PENDING")).hasAttribute("data-done", "false");
        assertThat(client.locator("#onboarding-ready")).hasAttribute("data-ready", "false");

        // KYC: identity and a document, uploaded as base64 in the JSON body.
        client.locator("#kyc-name").fill("Chan Tai Man");
        client.locator("#kyc-dob").fill("1990-04-01");
        client.locator("#kyc-id-type").selectOption("HKID");
        client.locator("#kyc-id-number").fill("A1234563");
        client.locator("#kyc-nationality").selectOption("HK");
        client.locator("#kyc-residency").selectOption("HK");
        client.locator("#kyc-address").fill("1 Harbour Road, Wan Chai, Hong Kong");
        client.locator("#kyc-doc-kind").selectOption("ID_DOCUMENT_FRONT");
        client.locator("#kyc-file").setInputFiles(new FilePayload("hkid.png", "image/png", PNG));
        client.locator("#kyc-submit").click();
        assertThat(client.locator("#kyc-state")).hasAttribute("data-state", "PENDING");

        // Retail classification, then the disclosures in force (acknowledged only once read).
        client.locator("#declare-retail").click();
        assertThat(gate(client, "CLASSIFICATION_REQUIRED")).hasAttribute("data-done", "true");
        assertThat(client.locator("#disclosure-text li").first()).containsText("Virtual assets are highly risky");
        assertThat(client.locator("#disclosure-ack")).isDisabled();
        client.locator("#disclosure-read").check();
        client.locator("#disclosure-ack").click();
        assertThat(gate(client, "DISCLOSURE_ACK_REQUIRED")).hasAttribute("data-done", "true");
        assertThat(client.locator("#disclosure-acknowledged")).isVisible();

        // The knowledge test: the right answers are the question bank's (the page never sees them).
        JsonObject bank = resource("knowledge-2023-06-v1.json");
        for (Object q : bank.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            client.locator("#knowledge-form fieldset[data-question=" + question.getString("id") + "] input[value="
                    + question.getString("answer") + "]").check();
        }
        // The score alone is not enough (HK-02): past trading is the other half.
        client.locator("#exp-trading").check();
        client.locator("#exp-trading-assets").fill("BTC, ETH");
        client.locator("#exp-trading-volume").fill("200000");
        client.locator("#exp-trading-frequency").selectOption("MONTHLY");
        client.locator("#exp-trading-months").fill("24");
        client.locator("#knowledge-submit").click();
        assertThat(client.locator("#knowledge-outcome")).hasAttribute("data-outcome", "HAS");
        assertThat(gate(client, "KNOWLEDGE_ASSESSMENT_REQUIRED")).hasAttribute("data-done", "true");

        // The risk profile: the resulting exposure limit is shown, and from now on in the header.
        JsonArray riskQuestions = resource("risk-2023-06-v1.json").getJsonArray("questions");
        for (Object q : riskQuestions) {
            JsonObject question = (JsonObject) q;
            client.locator("#risk-form fieldset[data-question=" + question.getString("id") + "] input").nth(1).check();
        }
        client.locator("#risk-net-worth").fill("1000000");
        client.locator("#risk-other-va").fill("50000.50");
        client.locator("#risk-submit").click();
        assertThat(gate(client, "RISK_PROFILE_REQUIRED")).hasAttribute("data-done", "true");
        JsonObject suitability = new JsonObject((String) client.evaluate(
                "fetch('/api/lantau/v1/suitability').then(r => r.text())"));
        JsonObject risk = suitability.getJsonObject("riskProfile");
        assertThat(risk.getString("netWorthMinor")).isEqualTo("100000000");
        assertThat(risk.getString("otherVirtualAssetsMinor")).isEqualTo("5000050");
        String limit = "HKD " + new DecimalFormat("#,##0.00").format(
                new BigDecimal(risk.getString("exposureLimitMinor")).movePointLeft(2));
        assertThat(client.locator("#risk-limit")).hasText(limit);
        // The exposure the core counts now (nothing held, no resting buy) beside the limit.
        assertThat(client.locator("#exposure")).containsText("Exposure HKD 0.00 of " + limit);
        assertThat(client.locator("#exposure")).isVisible();
        // Everything the client can do is done; KYC waits for the officer.
        assertThat(gate(client, "KYC_PENDING")).hasAttribute("data-done", "false");
        assertThat(client.locator("#onboarding-ready")).hasAttribute("data-ready", "false");
        screenshot(client, "onboarding");

        // A client sent to the console goes back to the markets: the page is for staff.
        client.navigate(harness.baseUrl() + "/#/console");
        client.waitForURL("**/#/markets");

        // The compliance officer reviews the case, sees the uploaded document, approves.
        Page officer = complianceOfficer();
        officer.locator("#nav a[href='#/console']").click();
        Locator row = officer.locator("#kyc-queue tr[data-account-id='" + user.accountId() + "']");
        assertThat(row).isVisible();
        assertThat(officer.locator("#audit-verdict")).hasAttribute("data-ok", "true");
        // Hot/cold and reconciliation are always mounted (no chain node needed): the console shows the real tiers.
        assertThat(officer.locator("#custody-unavailable")).hasCount(0);
        assertThat(officer.locator("tr[data-asset='BTC']")).isVisible();
        assertThat(officer.locator("tr[data-asset='BTC']")).hasAttribute("data-breached", "false");
        row.locator("button.review").click();
        assertThat(officer.locator("#kyc-case")).containsText("Chan Tai Man");
        officer.locator("#kyc-case .doc button").click();
        assertThat(officer.locator("#kyc-case img.kyc-doc")).isVisible();
        officer.locator("#kyc-review-reason").fill("HKID checked against the applicant; address verified");
        screenshot(officer, "compliance-console");
        officer.locator("#kyc-approve").click();
        assertThat(officer.locator("#kyc-queue-status")).containsText("Approved");
        assertThat(row).hasCount(0);

        // The client's gates are all met now.
        client.navigate(harness.baseUrl() + "/#/onboarding");
        assertThat(gate(client, "KYC_PENDING")).hasAttribute("data-done", "true");
        assertThat(client.locator("#kyc-state")).hasAttribute("data-state", "APPROVED");
        assertThat(client.locator("#onboarding-ready")).hasAttribute("data-ready", "true");
        assertThat(client.locator("#onboarding-gates li[data-done=false]")).hasCount(0);

        // Both Chinese locales render the new pages.
        client.locator("#lang-select").selectOption("zh-Hant");
        assertThat(client.locator("h1")).hasText("開戶程序");
        assertThat(gate(client, "KYC_PENDING")).containsText("身份核實（KYC）");
        assertThat(client.locator("#exposure")).containsText("投資額 HKD 0.00 / 限額 " + limit);
        // What the page rendered from the server's answers is translated too, without reloading it.
        assertThat(client.locator("#knowledge-outcome")).containsText("合格：您具備虛擬資產知識");
        assertThat(client.locator("#risk-tier")).hasText(java.util.Map.of("LOW", "低", "MEDIUM", "中", "HIGH", "高")
                .get(risk.getString("tier")));
        assertThat(client.locator("#kyc-step")).containsText("身份證明文件（正面）");
        screenshot(client, "onboarding-zh-Hant");
        officer.locator("#lang-select").selectOption("zh-Hans");
        assertThat(officer.locator("#kyc-queue-h")).hasText("KYC 审核队列");
        assertThat(officer.locator("#audit-verdict")).hasText("审计记录的哈希链验证无误。");
        screenshot(officer, "compliance-console-zh-Hans");
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void aClientVerifiesTheirProofOfReservesInTheBrowserAndATamperedProofFails() {
        Page client = chromium.page(false);
        User user = signUp(client);
        harness.deposit(user.accountId(), StandardMarkets.HKD.assetId(), 1_000_27L);

        // A custody officer publishes a root from the console.
        Page custody = chromium.page(false);
        User officer = signUp(custody);
        becomeStaff(custody, officer, "CUSTODY_OFFICER");
        custody.navigate(harness.baseUrl() + "/#/console");
        custody.locator("#reserves-publish").click();
        assertThat(custody.locator("#reserves-admin-status")).hasText("A new root is published.");
        String rootHash = custody.locator("#console-root-hash").textContent().trim();

        client.navigate(harness.baseUrl() + "/#/reserves");
        assertThat(client.locator("#reserves-root-hash")).hasText(rootHash);
        assertThat(client.locator("#reserves-proof")).not().isEmpty();
        client.locator("#reserves-verify").click();
        assertThat(client.locator("#reserves-result")).hasAttribute("data-outcome", "verified");
        assertThat(client.locator("#reserves-verdict")).hasText("VERIFIED");
        assertThat(client.locator("#reserves-detail")).containsText(rootHash);
        assertThat(client.locator("#reserves-result tr", new Page.LocatorOptions().setHasText("HKD")))
                .containsText("1000.27");
        screenshot(client, "proof-of-reserves");
        // The browser's verdict is the Java verifier's (the one `lantau verify-reserves` runs) on the same file.
        String proof = client.locator("#reserves-proof").inputValue();
        assertThat(ReservesVerifier.verify(proof, OptionalLong.of(user.accountId())).verified()).isTrue();

        // A changed balance no longer hashes to the published root.
        JsonObject tampered = new JsonObject(proof);
        tampered.getJsonObject("leaf").getJsonObject("balances").put("HKD", "1000.28");
        client.locator("#reserves-proof").fill(tampered.encodePrettily());
        client.locator("#reserves-verify").click();
        assertThat(client.locator("#reserves-result")).hasAttribute("data-outcome", "failed");
        assertThat(client.locator("#reserves-verdict")).hasText("NOT VERIFIED");
        assertThat(client.locator("#reserves-detail")).containsText("root hash mismatch");
        assertThat(ReservesVerifier.verify(tampered.encode(), OptionalLong.of(user.accountId())).verified()).isFalse();
        screenshot(client, "proof-of-reserves-tampered");

        // The siblings in another order (where the tree has more than one level) do not climb to the root either.
        JsonObject reordered = new JsonObject(proof);
        JsonArray path = reordered.getJsonArray("path");
        if (path.size() >= 2) {
            Object first = path.getValue(0);
            path.set(0, path.getValue(path.size() - 1));
            path.set(path.size() - 1, first);
            client.locator("#reserves-proof").fill(reordered.encodePrettily());
            client.locator("#reserves-verify").click();
            assertThat(client.locator("#reserves-result")).hasAttribute("data-outcome", "failed");
            assertThat(ReservesVerifier.verify(reordered.encode(), OptionalLong.of(user.accountId())).verified())
                    .isFalse();
        }

        // Another client's leaf is refused as not this client's, and a negative balance as hiding liabilities.
        JsonObject otherLeaf = new JsonObject(proof);
        otherLeaf.getJsonObject("leaf").put("accountIdHash", "00".repeat(32));
        client.locator("#reserves-proof").fill(otherLeaf.encodePrettily());
        client.locator("#reserves-verify").click();
        assertThat(client.locator("#reserves-detail")).containsText("is not account " + user.accountId());
        JsonObject negative = new JsonObject(proof);
        negative.getJsonObject("leaf").getJsonObject("balances").put("HKD", "-1");
        client.locator("#reserves-proof").fill(negative.encodePrettily());
        client.locator("#reserves-verify").click();
        assertThat(client.locator("#reserves-detail")).containsText("negative");

        // The untouched proof verifies again; the Chinese locale renders the page.
        client.locator("#reserves-proof").fill(proof);
        client.locator("#lang-select").selectOption("zh-Hans");
        assertThat(client.locator("h1")).hasText("储备证明");
        client.locator("#reserves-verify").click();
        assertThat(client.locator("#reserves-verdict")).hasText("已验证");
        screenshot(client, "proof-of-reserves-zh-Hans");
        assertThat(chromium.problems()).isEmpty();
    }

    @Test
    void theWalletShowsOnlyWhatThePlatformOffersAndFitsAPhone() {
        Page client = chromium.page(true);
        signUp(client);
        client.navigate(harness.baseUrl() + "/#/wallet");
        // The embedded default has the platform's bank account (fiat through designated accounts, HK-07) but no chain
        // node: the page shows the real deposit instructions and says that on-chain custody is not connected.
        assertThat(client.locator("#wallet-fiat-unavailable")).hasCount(0);
        assertThat(client.locator("#fiat-instructions")).containsText("DEMOHKHHXXX");
        assertThat(client.locator("#wallet-chain-unavailable")).isVisible();
        assertThat(client.locator("#deposit-address")).hasCount(0);
        client.locator("#lang-select").selectOption("zh-Hant");
        assertThat(client.locator("#wallet-chain-unavailable")).hasText("本平台尚未連接鏈上存款及提款。");
        // On a phone-sized screen the new navigation and the page fit the width: nothing scrolls sideways.
        Object overflow = client.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        screenshot(client, "wallet-phone");
    }

    @Test
    void aCollectionShowsItsItemsWithMediaAndTheAiLabelAndAnItemItsProvenance() throws IOException {
        // An issuer: KYC approved, verified as issuer, the work's IP authorisation approved (CN-05, CN-08 rules).
        Page issuer = chromium.page(false);
        User user = signUp(issuer);
        Page officer = complianceOfficer();
        JsonObject kyc = new JsonObject(call(issuer, "POST", "/kyc", new JsonObject()
                .put("identity", new JsonObject().put("legalName", "Lantau Art Studio Ltd").put("dateOfBirth", "1985-02-03")
                        .put("idDocumentType", "PASSPORT").put("idDocumentNumber", "K0000001").put("nationality", "HK")
                        .put("residency", "HK").put("address", "2 Sai Yeung Choi Street, Mong Kok"))
                .put("documents", new JsonArray().add(new JsonObject().put("kind", "PASSPORT")
                        .put("contentType", "image/png").put("contentBase64", Base64.getEncoder().encodeToString(PNG))))
                .encode()));
        call(officer, "POST", "/staff/kyc/cases/" + kyc.getLong("caseId") + "/approve",
                new JsonObject().put("reason", "passport checked").encode());
        call(issuer, "POST", "/collectibles/issuers", new JsonObject().put("displayName", "Lantau Art Studio").encode());
        call(officer, "POST", "/collectibles/staff/issuers/" + user.accountId() + "/decision",
                new JsonObject().put("approve", true).encode());
        JsonObject ip = new JsonObject(call(issuer, "POST", "/collectibles/ip-authorisations", new JsonObject()
                .put("workTitle", "Harbour Lights").put("rightsHolder", "Lantau Art Studio Ltd")
                .put("licenceTerms", "Exclusive digital edition licence").put("evidenceSha256", upload(issuer, PNG))
                .encode()));
        call(officer, "POST", "/collectibles/staff/ip-authorisations/" + ip.getLong("id") + "/decision",
                new JsonObject().put("approve", true).encode());
        // The media: a real picture uploaded as raw bytes, addressed by its SHA-256.
        String sha256 = upload(issuer, picture());
        JsonObject collection = new JsonObject(call(issuer, "POST", "/collectibles/collections", new JsonObject()
                .put("name", "Harbour Lights").put("description", "Victoria Harbour after dark, in three editions.")
                .put("category", "ART").put("ipAuthorisationId", ip.getLong("id")).put("royaltyBps", 500).encode()));
        JsonObject item = new JsonObject(call(issuer, "POST", "/collectibles/collections/" + collection.getLong("id")
                + "/items", new JsonObject().put("edition", 1).put("title", "Harbour Lights").put("mediaSha256", sha256)
                .put("aiGenerated", true).put("aiTool", "Stable Diffusion XL").put("aiCreator", "Lantau Art Studio")
                .encode()));

        issuer.navigate(harness.baseUrl() + "/#/collectibles/collection/" + collection.getLong("id"));
        assertThat(issuer.locator("#collection-name")).hasText("Harbour Lights");
        Locator tile = issuer.locator("#collection-items li[data-item-id='" + item.getLong("id") + "']");
        assertThat(tile.locator("img.collectible")).isVisible();
        assertThat(tile.locator(".tag")).hasText("AI-generated");
        Object width = tile.locator("img.collectible").evaluate("img => img.naturalWidth");
        assertThat(((Number) width).intValue()).isEqualTo(96);   // the uploaded picture's own bytes
        screenshot(issuer, "collectibles-collection");
        tile.locator("a").click();
        assertThat(issuer.locator("#item-title")).hasText("Harbour Lights · #1");
        assertThat(issuer.locator("#item-ai-label")).containsText(item.getString("aiLabel"));
        assertThat(issuer.locator("#item-ai-label")).containsText("Stable Diffusion XL");
        assertThat(issuer.locator("#item-owner")).hasText("Not minted yet");
        // Not minted yet (items are minted by a drop): the provenance is empty, and says so.
        assertThat(issuer.locator("#item-provenance td.empty")).isVisible();
        screenshot(issuer, "collectibles-item");
        issuer.locator("#lang-select").selectOption("zh-Hant");
        assertThat(issuer.locator("#prov-h")).hasText("來源紀錄");
        assertThat(issuer.locator("#item-ai-label .tag")).hasText("AI 生成");
        issuer.navigate(harness.baseUrl() + "/#/collectibles");
        assertThat(issuer.locator("#rule-resale")).hasText("是");   // HK_VATP allows resale
        assertThat(chromium.problems()).isEmpty();
    }

    /** Uploads a PNG as collectibles media (raw bytes with their type); @return its SHA-256. */
    private static String upload(Page page, byte[] png) {
        String answer = (String) page.evaluate("async (b64) => {"
                + " const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));"
                + " const r = await fetch('/api/lantau/v1/collectibles/media', { method: 'POST', body: bytes,"
                + "   headers: { 'Content-Type': 'image/png', 'X-CSRF-Token': sessionStorage.getItem('lantau.csrf') } });"
                + " return r.text(); }", Base64.getEncoder().encodeToString(png));
        return new JsonObject(answer).getString("sha256");
    }

    /** A 96×96 PNG drawn here: the collectible's artwork. */
    private static byte[] picture() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(96, 96,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                int lights = (x * 7 + y * 3) % 23 == 0 && y < 60 ? 0xffd54f : 0;
                image.setRGB(x, y, lights != 0 ? lights : (y < 60 ? (10 << 16) | (20 + y) << 8 | (60 + y * 2)
                        : (0 << 16) | (40 << 8) | (80 + (x + y) % 40)));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
