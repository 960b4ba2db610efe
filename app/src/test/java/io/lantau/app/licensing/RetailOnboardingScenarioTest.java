package io.lantau.app.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.compliance.admission.DueDiligenceFactor;
import io.lantau.core.ResultCode;
import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario of issue 4 through the public API of a real server under HK_VATP: the operator admits BTC
 * for retail through the admission register (HK-10 .. HK-13); a new retail client cannot trade BTC-HKD until its KYC
 * is approved by a compliance officer, the knowledge test passed (HK-02), the risk profile done (HK-03, HK-04) and the
 * Schedule 2 disclosures acknowledged (HK-08); then it can.
 */
class RetailOnboardingScenarioTest {
    @TempDir
    Path dir;
    private PlatformHarness harness;

    @BeforeEach
    void start() {
        harness = new PlatformHarness(dir, PlatformConfig.defaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private LicensedClient staff(String role) throws Exception {
        LicensedClient member = LicensedClient.register(harness.baseUrl(), "HK");
        // The operator names the first holder of each staff role through the admin API.
        HttpResponse<String> named = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(harness.baseUrl() + "/api/lantau/v1/admin/staff"))
                .header("Content-Type", "application/json")
                .header("X-Lantau-Admin-Token", harness.platform().parts().adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("email", member.email)
                        .put("role", role).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        return member;
    }

    private static Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    private static void assertNotActive(BinanceTestClient.Response order) {
        assertThat(order.status()).as(order.body()).isEqualTo(400);
        assertThat(new JsonObject(order.body()).getString("msg")).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE.message());
    }

    @Test
    void shouldLetANewRetailClientTradeBtcHkdOnlyOnceEveryGateHolds() throws Exception {
        LicensedClient operator = staff("OPERATOR_ADMIN");
        LicensedClient officer = staff("COMPLIANCE_OFFICER");
        admitBtcForRetail(operator);
        assertThat(expect(operator.get("/profile"), 200).json().getJsonObject("retail")
                .getJsonArray("eligibleAssets").getList()).containsExactly("BTC");

        LicensedClient client = LicensedClient.register(harness.baseUrl(), "HK");
        harness.deposit(client.userId, StandardMarkets.HKD.assetId(), 1_000_000_00L);
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));

        long caseId = expect(client.post("/kyc", new JsonObject()
                .put("identity", new JsonObject().put("legalName", "Ka Ho Leung").put("dateOfBirth", "1988-02-29")
                        .put("idDocumentType", "HKID").put("idDocumentNumber", "Y765432(1)").put("nationality", "HK")
                        .put("residency", "HK").put("address", "8 Finance Street, Central, Hong Kong"))
                .put("documents", new JsonArray().add(new JsonObject().put("kind", "ID_DOCUMENT_FRONT")
                        .put("contentType", "image/jpeg").put("contentBase64", Base64.getEncoder()
                                .encodeToString("hkid front".getBytes(StandardCharsets.UTF_8)))))), 201)
                .json().getLong("caseId");
        expect(officer.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "HKID verified against the applicant")), 200);
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));

        expect(client.post("/suitability/retail-declaration", null), 201);
        String version = expect(client.get("/suitability/knowledge-test"), 200).json().getString("version");
        assertThat(expect(client.post("/suitability/knowledge-test", knowledgeAnswers(version)), 201).json()
                .getString("outcome")).isEqualTo("HAS");
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));
        expect(client.post("/suitability/risk-profile", riskAnswers(
                expect(client.get("/suitability/risk-questionnaire"), 200).json())), 201);
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));
        JsonObject disclosure = expect(client.get("/suitability/disclosure?lang=en"), 200).json();
        expect(client.post("/suitability/disclosure", new JsonObject().put("version", disclosure.getString("version"))
                .put("language", "en").put("textSha256", disclosure.getString("sha256"))), 201);

        JsonObject readiness = expect(client.get("/suitability"), 200).json();
        assertThat(readiness.getBoolean("ready")).as(readiness.encode()).isTrue();
        assertThat(readiness.getString("status")).isEqualTo("ACTIVE");
        BinanceTestClient.Response order = client.limit("BTCHKD", "BUY", "0.01", "500000");
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        assertThat(new JsonObject(order.body()).getString("status")).isEqualTo("NEW");
    }

    /** Every due-diligence factor, two independent indices (one provider with conventional-market experience), 3 votes. */
    private static void admitBtcForRetail(LicensedClient operator) {
        expect(operator.post("/staff/tokens", new JsonObject().put("assetCode", "BTC").put("name", "Bitcoin")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2009-01-03")), 201);
        for (DueDiligenceFactor factor : DueDiligenceFactor.values()) {
            expect(operator.post("/staff/tokens/BTC/due-diligence", new JsonObject().put("factor", factor.name())
                    .put("evidenceLink", "dms://tokens/BTC/" + factor.paragraph()).put("outcome", "SATISFACTORY")),
                    200);
        }
        expect(operator.post("/staff/tokens/BTC/indices", new JsonObject().put("indexId", "FTSE-DAR-LC")
                .put("provider", "FTSE Russell").put("providerIndependent", true)
                .put("providerHasTradFiExperience", true).put("asOfDate", "2026-01-31")), 200);
        expect(operator.post("/staff/tokens/BTC/indices", new JsonObject().put("indexId", "CF-BTC-RR")
                .put("provider", "CF Benchmarks").put("providerIndependent", true)
                .put("providerHasTradFiExperience", false).put("asOfDate", "2026-01-31")), 200);
        JsonArray votes = new JsonArray();
        for (String member : new String[] {"cro", "cco", "cto"}) {
            votes.add(new JsonObject().put("voterId", member).put("inFavour", true));
        }
        assertThat(expect(operator.post("/staff/tokens/BTC/decisions", new JsonObject().put("outcome", "ADMITTED")
                .put("votes", votes).put("reasons", "large-cap, two acceptable indices, due diligence satisfactory")),
                201).json().getString("retailAccess")).isEqualTo("ELIGIBLE");
    }

    /** The bank's correct answers, read from its resource (the API never shows them), and prior BTC trading. */
    private static JsonObject knowledgeAnswers(String version) {
        JsonObject bank;
        try (InputStream in = RetailOnboardingScenarioTest.class.getResourceAsStream(
                "/io/lantau/compliance/suitability/knowledge-" + version + ".json")) {
            bank = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonArray answers = new JsonArray();
        for (Object q : bank.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            answers.add(new JsonObject().put("question", question.getString("id"))
                    .put("option", question.getString("answer")));
        }
        return new JsonObject().put("questionBankVersion", version).put("answers", answers)
                .put("tradingExperience", new JsonArray().add(new JsonObject().put("assets", new JsonArray().add("BTC"))
                        .put("volumeMinor", "5000000").put("frequency", "MONTHLY").put("periodMonths", 12)));
    }

    /** The last option of every question; net worth HK$1,000,000.00. */
    private static JsonObject riskAnswers(JsonObject questionnaire) {
        JsonArray answers = new JsonArray();
        for (Object q : questionnaire.getJsonArray("questions")) {
            JsonObject question = (JsonObject) q;
            JsonArray options = question.getJsonArray("options");
            answers.add(new JsonObject().put("question", question.getString("id"))
                    .put("option", options.getJsonObject(options.size() - 1).getString("id")));
        }
        return new JsonObject().put("questionnaireVersion", questionnaire.getString("version")).put("answers", answers)
                .put("netWorthMinor", "100000000").put("otherVirtualAssetsMinor", "0");
    }
}
