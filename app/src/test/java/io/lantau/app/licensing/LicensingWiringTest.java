package io.lantau.app.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.onboarding.AccessAction;
import io.lantau.compliance.onboarding.AccessRecord;
import io.lantau.core.AccountStatus;
import io.lantau.core.ResultCode;
import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hong Kong VATP profile as {@code lantau serve} runs it by default, seen through the public API: who may
 * register, that a new client cannot trade before onboarding, the access log of sign-ins and orders (HK-23), retail
 * access failing closed on a fresh platform (HK-10), the operator naming the first staff, and the profile in force.
 */
class LicensingWiringTest {
    @TempDir
    static Path dir;
    static PlatformHarness harness;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dir, io.lantau.app.platform.PlatformConfig.defaults());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void shouldRefuseAResidentOfABlockedJurisdictionAndStoreNothing() {
        String email = "blocked-" + UUID.randomUUID() + "@example.com";
        Answer refused = LicensedClient.tryRegister(harness.baseUrl(), email, "CN");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("code")).isEqualTo("BLOCKED_JURISDICTION");
        Answer login = NativeSession.send(harness.baseUrl(), "POST", "/login",
                new JsonObject().put("email", email).put("password", LicensedClient.PASSWORD).encode(), null, null);
        assertThat(login.json().getString("code")).as("no user was stored").isEqualTo("INVALID_CREDENTIALS");

        Answer noResidency = LicensedClient.tryRegister(harness.baseUrl(), email, null);
        assertThat(noResidency.status()).isEqualTo(400);
        assertThat(noResidency.json().getString("code")).isEqualTo("MISSING_FIELD");
        Answer notACountry = LicensedClient.tryRegister(harness.baseUrl(), email, "ZZ");
        assertThat(notACountry.json().getString("code")).isEqualTo("INVALID_VALUE");
    }

    @Test
    void shouldKeepANewClientFromTradingUntilOnboarded() {
        LicensedClient client = LicensedClient.register(harness.baseUrl(), "HK");
        assertThat(harness.platform().parts().licensing.onboarding.account(client.userId).orElseThrow().status())
                .isEqualTo(AccountStatus.PENDING_KYC);
        harness.deposit(client.userId, StandardMarkets.HKD.assetId(), 10_000_000_00L);

        BinanceTestClient.Response order = client.limit("BTCHKD", "BUY", "0.01", "500000");

        assertThat(order.status()).as(order.body()).isEqualTo(400);
        assertThat(new JsonObject(order.body()).getString("msg")).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE.message());
        BinanceTestClient.Response account = client.binance().signed("GET", "/api/v3/account", "");
        assertThat(account.body()).contains("{\"asset\":\"HKD\",\"free\":\"10000000.00\",\"locked\":\"0.00\"}");
    }

    @Test
    void shouldRecordEachSignInOrderAndWithdrawalRequestWithIpTimeAndDevice() throws Exception {
        LicensedClient client = LicensedClient.register(harness.baseUrl(), "GB");
        client.limit("BTCHKD", "BUY", "0.01", "500000");
        // Refused (no designated bank account), but requested: the access log keeps every request.
        Answer withdrawal = client.post("/fiat/withdrawals", new JsonObject().put("currency", "HKD")
                .put("amount", "100.00").put("accountNumber", "012-345-678901"));
        assertThat(withdrawal.status()).as(withdrawal.body()).isBetween(400, 499);

        List<AccessRecord> records = List.of();
        for (int i = 0; i < 100 && records.size() < 3; i++) {
            Thread.sleep(50);
            records = harness.platform().parts().licensing.accessLog.byAccount(client.userId, 10);
        }
        assertThat(records).extracting(AccessRecord::action)
                .containsExactlyInAnyOrder(AccessAction.LOGIN, AccessAction.ORDER, AccessAction.WITHDRAWAL);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.ip()).isEqualTo("127.0.0.1");
            assertThat(r.deviceId()).isNotBlank();
            assertThat(r.occurredAt()).isNotNull();
        });
        assertThat(records).filteredOn(r -> r.action() == AccessAction.ORDER).singleElement()
                .satisfies(r -> assertThat(r.deviceId()).startsWith("api-key:"));
    }

    @Test
    void shouldCloseEveryMarketToRetailOnAFreshPlatformButNotToProfessionals() throws Exception {
        for (int market = 0; market < StandardMarkets.config().markets().size(); market++) {
            assertThat(auditCount(AuditKind.MARKET_PARAMETER_CHANGE, "market:" + market, "%NOT_ELIGIBLE%"))
                    .as("market %d closed to retail, audited", market).isEqualTo(1);
        }
        Trader seller = harness.trader();
        Trader buyer = harness.trader();
        harness.deposit(seller.accountId(), StandardMarkets.ETH.assetId(), 100_000_000L);
        harness.deposit(buyer.accountId(), StandardMarkets.HKD.assetId(), 1_000_000_00L);

        BinanceTestClient.Response ask = seller.client().signed("POST", "/api/v3/order",
                "symbol=ETHHKD&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=25000");
        BinanceTestClient.Response bid = buyer.client().signed("POST", "/api/v3/order",
                "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=25000");

        assertThat(ask.status()).as(ask.body()).isEqualTo(200);
        assertThat(new JsonObject(bid.body()).getString("status")).isEqualTo("FILLED");
    }

    /** @return how many audit records match, once the audit projection has caught up (waits up to 10 s). */
    static long auditCount(AuditKind kind, String subject, String detailsLike) throws Exception {
        long count = 0;
        for (int i = 0; i < 200; i++) {
            try (Connection c = harness.platform().parts().database.dataSource().getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT COUNT(*) FROM audit_log WHERE kind = ? AND subject = ? AND details LIKE ?")) {
                s.setString(1, kind.name());
                s.setString(2, subject);
                s.setString(3, detailsLike);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count > 0) {
                return count;
            }
            Thread.sleep(50);
        }
        return count;
    }

    @Test
    void shouldLetTheOperatorNameTheFirstHolderOfAStaffRoleOnlyAndAuditIt() throws Exception {
        LicensedClient first = LicensedClient.register(harness.baseUrl(), "HK");
        LicensedClient second = LicensedClient.register(harness.baseUrl(), "HK");

        HttpResponse<String> named = admin("/staff", new JsonObject().put("email", first.email)
                .put("role", "AUDITOR"));
        HttpResponse<String> again = admin("/staff", new JsonObject().put("email", second.email)
                .put("role", "AUDITOR"));

        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(again.body()).getString("code")).isEqualTo("ROLE_ALREADY_BOOTSTRAPPED");
        assertThat(harness.platform().parts().licensing.security.staff().rolesOf(second.userId)).isEmpty();
        assertThat(auditCount(AuditKind.ROLE_CHANGE, "user:" + first.userId, "%AUDITOR%")).isEqualTo(1);
    }

    @Test
    void shouldShowTheProfileInForce() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(harness.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(new JsonObject(health.body()).getString("profile")).isEqualTo("HK_VATP");
    }

    static HttpResponse<String> admin(String path, JsonObject body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(harness.baseUrl() + "/api/lantau/v1/admin" + path))
                .header("Content-Type", "application/json")
                .header("X-Lantau-Admin-Token", harness.platform().parts().adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
