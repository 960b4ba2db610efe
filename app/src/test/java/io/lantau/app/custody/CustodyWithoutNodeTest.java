package io.lantau.app.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.CustodyConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded defaults with no Ethereum node: the platform starts, and custody's fiat (HK-07), hot/cold (HK-16),
 * reconciliation (HK-33) and travel-rule (HK-22) endpoints are served; the on-chain routes are not.
 */
class CustodyWithoutNodeTest {
    @TempDir
    Path dir;
    PlatformHarness harness;

    @BeforeEach
    void start() {
        harness = new PlatformHarness(dir, PlatformHarness.openDefaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shouldGiveFiatDepositInstructionsNamingThePlatformsBankAccountAndNoChainRoutes() {
        CustodyClient client = CustodyClient.register(harness.baseUrl());

        Answer instructions = client.get("/fiat/deposit-instructions");

        assertThat(instructions.status()).as(instructions.body()).isEqualTo(200);
        assertThat(instructions.json().getString("beneficiaryName"))
                .isEqualTo(CustodyConfig.DEMO_BANK_ACCOUNT.holderName());
        assertThat(instructions.json().getString("accountNumber"))
                .isEqualTo(CustodyConfig.DEMO_BANK_ACCOUNT.accountNumber());
        assertThat(instructions.json().getJsonArray("currencies")).contains("HKD", "USD");
        assertThat(client.get("/custody/deposit-address/ETH").status()).isEqualTo(404);
        assertThat(harness.platform().parts().custody.hotWalletAddress()).isNull();
    }

    @Test
    void shouldServeTheCustodyStaffEndpointsToStaffOnlyAndReconcileTheCoreAgainstFiatCustody() throws Exception {
        CustodyClient officer = CustodyClient.register(harness.baseUrl());
        officer.enrolTotp();
        HttpResponse<String> named = admin("/staff", new JsonObject().put("email", officer.email)
                .put("role", "CUSTODY_OFFICER"));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        CustodyClient client = CustodyClient.register(harness.baseUrl());

        Answer refused = client.get("/staff/custody/hot-cold");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("code")).isEqualTo("STAFF_ROLE_REQUIRED");

        Answer hotCold = officer.get("/staff/custody/hot-cold");
        assertThat(hotCold.status()).as(hotCold.body()).isEqualTo(200);
        assertThat(hotCold.json().getInteger("minColdPercent")).isZero(); // OPEN's figure, from the profile
        assertThat(hotCold.json().getJsonArray("assets").stream().map(a -> ((JsonObject) a).getString("asset")))
                .containsExactly("BTC", "ETH");
        Answer held = officer.get("/staff/fiat/held-payments");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(officer.get("/staff/custody/travel-rule/records").status()).isEqualTo(200);

        Answer clean = officer.post("/staff/custody/reconciliations", new JsonObject());
        assertThat(clean.status()).as(clean.body()).isEqualTo(200);
        assertThat(clean.json().getJsonArray("assets").stream().allMatch(r -> ((JsonObject) r).getBoolean("matched")))
                .as(clean.body()).isTrue();

        // HKD put into the core without a bank payment behind it: the core owes what fiat custody never received.
        harness.deposit(client.userId, StandardMarkets.HKD.assetId(), 10_000);
        Answer mismatch = officer.post("/staff/custody/reconciliations", new JsonObject());
        JsonObject hkd = mismatch.json().getJsonArray("assets").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("asset").equals("HKD")).findFirst().orElseThrow();
        assertThat(hkd.getBoolean("matched")).isFalse();
        assertThat(hkd.getString("core")).isEqualTo("10000");
        assertThat(hkd.getString("custody")).isEqualTo("0");
        assertThat(hkd.getLong("incidentId")).isPositive();
        Answer incidents = officer.get("/staff/custody/incidents");
        assertThat(incidents.status()).as(incidents.body()).isEqualTo(200);
        assertThat(incidents.body()).contains("HKD");
    }

    private HttpResponse<String> admin(String path, JsonObject body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(harness.baseUrl() + "/api/lantau/v1/admin" + path))
                .header("Content-Type", "application/json")
                .header("X-Lantau-Admin-Token", harness.platform().parts().adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
