package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertRejected;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.ResultCode;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
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
    private LicensingScenario scenario;

    @BeforeEach
    void start() {
        scenario = new LicensingScenario(dir);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    private static void assertNotActive(BinanceTestClient.Response order) {
        assertRejected(order, ResultCode.ACCOUNT_NOT_ACTIVE);
    }

    @Test
    void shouldLetANewRetailClientTradeBtcHkdOnlyOnceEveryGateHolds() {
        LicensedClient officer = scenario.officer();
        scenario.admitForRetail("BTC");
        assertThat(expect(officer.get("/profile"), 200).json().getJsonObject("retail")
                .getJsonArray("eligibleAssets").getList()).containsExactly("BTC");

        LicensedClient client = LicensedClient.register(scenario.baseUrl(), "HK");
        scenario.credit(client, "HKD", "1000000");
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));

        long caseId = expect(client.post("/kyc", LicensingScenario.kyc("Ka Ho Leung")), 201).json().getLong("caseId");
        expect(officer.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "HKID verified against the applicant")), 200);
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));

        expect(client.post("/suitability/retail-declaration", null), 201);
        String version = expect(client.get("/suitability/knowledge-test"), 200).json().getString("version");
        assertThat(expect(client.post("/suitability/knowledge-test", LicensingScenario.knowledgeAnswers(version)), 201)
                .json().getString("outcome")).isEqualTo("HAS");
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));
        expect(client.post("/suitability/risk-profile", LicensingScenario.riskAnswers(
                expect(client.get("/suitability/risk-questionnaire"), 200).json(),
                LicensingScenario.NET_WORTH_MINOR, "0")), 201);
        assertNotActive(client.limit("BTCHKD", "BUY", "0.01", "500000"));
        JsonObject disclosure = expect(client.get("/suitability/disclosure?lang=en"), 200).json();
        expect(client.post("/suitability/disclosure", new JsonObject().put("version", disclosure.getString("version"))
                .put("language", "en").put("textSha256", disclosure.getString("sha256"))), 201);

        JsonObject readiness = expect(client.get("/suitability"), 200).json();
        assertThat(readiness.getBoolean("ready")).as(readiness.encode()).isTrue();
        assertThat(readiness.getString("status")).isEqualTo("ACTIVE");
        LicensingScenario.assertAccepted(client.limit("BTCHKD", "BUY", "0.01", "500000"), "NEW");
    }
}
