package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.assertBinanceError;
import static io.lantau.app.api.ApiAssertions.assertNativeError;
import static io.lantau.app.api.ApiAssertions.json;
import static io.lantau.app.api.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.testsupport.BinanceTestClient;
import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native API (register, login, me, api-keys, logout), the operator's admin API and the operations endpoints
 * ({@code /health}, {@code /metrics}) on a real server: each success with its fields and values, and the key made
 * through the native API working (then not, once revoked) on the Binance-compatible API.
 */
class NativeAdminOpsEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void shouldRegisterSignInManageKeysAndSignOut() {
        String email = "Reg-" + UUID.randomUUID() + "@Example.com";
        JsonObject credentials = new JsonObject().put("email", email).put("password", NativeSession.PASSWORD);
        NativeSession.Answer registered = NativeSession.send(harness.baseUrl(), "POST", "/register",
                credentials.encode(), null, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long userId = registered.json().getLong("userId");
        assertThat(userId).isPositive();
        assertThat(registered.header("Cache-Control")).isEqualTo("no-store");

        NativeSession.Answer login = NativeSession.send(harness.baseUrl(), "POST", "/login", credentials.encode(),
                null, null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().getLong("userId")).isEqualTo(userId);
        String csrf = login.json().getString("csrfToken");
        assertThat(csrf).isNotBlank();
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith("lantau_session=").contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        NativeSession.Answer me = NativeSession.send(harness.baseUrl(), "GET", "/me", null, cookie, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getLong("userId")).isEqualTo(userId);
        assertThat(me.json().getString("email")).isEqualToIgnoringCase(email);
        assertThat(me.json().getString("status")).isEqualTo("ACTIVE");

        NativeSession.Answer created = NativeSession.send(harness.baseUrl(), "POST", "/api-keys", new JsonObject()
                .put("label", "bot").put("permissions", new JsonObject().put("trade", true))
                .put("ipAllowlist", new JsonArray().add("127.0.0.1").add("10.0.0.0/8")).encode(), cookie, csrf);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject key = created.json();
        long keyId = key.getLong("id");
        assertThat(key.getString("apiKey")).hasSize(64);
        assertThat(key.getString("secret")).hasSize(64);
        assertThat(key.getString("type")).isEqualTo("HMAC_SHA256");
        assertThat(key.getString("label")).isEqualTo("bot");
        assertThat(key.getJsonObject("permissions")).isEqualTo(new JsonObject().put("read", true).put("trade", true)
                .put("withdraw", false));
        assertThat(key.getJsonArray("ipAllowlist")).containsExactly("127.0.0.1", "10.0.0.0/8");
        assertThat(key.getBoolean("active")).isTrue();
        assertThat(Instant.parse(key.getString("createdAt"))).isBefore(Instant.now().plusSeconds(1));

        NativeSession.Answer list = NativeSession.send(harness.baseUrl(), "GET", "/api-keys", null, cookie, null);
        assertThat(list.status()).isEqualTo(200);
        JsonArray keys = new JsonArray(list.body());
        assertThat(keys).hasSize(1);
        assertThat(keys.getJsonObject(0).getLong("id")).isEqualTo(keyId);
        assertThat(keys.getJsonObject(0).containsKey("secret")).isFalse();

        // The new key works on the Binance-compatible API against the user's own core account.
        BinanceTestClient client = new BinanceTestClient(harness.baseUrl(), key.getString("apiKey"),
                key.getString("secret"), PlatformHarness.monotonicClock());
        JsonObject account = json(ok(client.signed("GET", "/api/v3/account", "")));
        assertThat(account.getLong("uid")).isEqualTo(userId);
        assertThat(account.getBoolean("canTrade")).isTrue();

        NativeSession.Answer revoked = NativeSession.send(harness.baseUrl(), "DELETE", "/api-keys/" + keyId, null,
                cookie, csrf);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().getBoolean("active")).isFalse();
        assertThat(revoked.json().getString("revokedAt")).isNotNull();
        assertBinanceError(client.signed("GET", "/api/v3/account", ""), 401, -2015);

        NativeSession.Answer logout = NativeSession.send(harness.baseUrl(), "POST", "/logout", null, cookie, csrf);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).contains("Max-Age=0");
        NativeSession.Answer after = NativeSession.send(harness.baseUrl(), "GET", "/me", null, cookie, null);
        assertNativeError(after.status(), after.body(), 401, "UNAUTHENTICATED");
    }

    private static HttpResponse<String> admin(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(harness.baseUrl() + "/api/lantau/v1/admin" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Lantau-Admin-Token", token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String adminToken() {
        return harness.platform().parts().adminToken;
    }

    @Test
    void shouldCreditAnAccountThroughTheAdminApi() {
        PlatformHarness.Trader t = harness.trader();
        HttpResponse<String> credit = admin("/credit", adminToken(), new JsonObject().put("accountId", t.accountId())
                .put("asset", "hkd").put("amount", "1000.50").encode());
        assertThat(credit.statusCode()).as(credit.body()).isEqualTo(200);
        JsonObject body = new JsonObject(credit.body());
        assertThat(body.getString("asset")).isEqualTo("HKD");
        assertThat(new BigDecimal(body.getString("amount"))).isEqualByComparingTo("1000.50");
        assertThat(body.getLong("depositId")).isPositive();
        assertThat(AccountState.of(t.client()).free("HKD")).isEqualTo("1000.50");
    }

    @Test
    void shouldHaltAndReopenAMarketThroughTheAdminApi() {
        PlatformHarness.Trader t = harness.trader();
        harness.deposit(t.accountId(), 3, 1_000_000L); // USD
        HttpResponse<String> halt = admin("/market-status", adminToken(),
                new JsonObject().put("symbol", "ETHUSD").put("status", "HALTED").encode());
        assertThat(halt.statusCode()).as(halt.body()).isEqualTo(200);
        assertThat(new JsonObject(halt.body())).isEqualTo(new JsonObject().put("symbol", "ETHUSD")
                .put("status", "HALTED"));
        BinanceTestClient anonymous = new BinanceTestClient(harness.baseUrl(), null, null);
        assertThat(json(ok(anonymous.get("/api/v3/exchangeInfo", "symbol=ETHUSD"))).getJsonArray("symbols")
                .getJsonObject(0).getString("status")).isEqualTo("HALT");
        Response refused = t.client().signed("POST", "/api/v3/order",
                "symbol=ETHUSD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=2000");
        assertThat(assertBinanceError(refused, 400, -1013).getString("msg")).isEqualTo("Market is closed.");

        HttpResponse<String> reopen = admin("/market-status", adminToken(),
                new JsonObject().put("symbol", "ETHUSD").put("status", "TRADING").encode());
        assertThat(reopen.statusCode()).isEqualTo(200);
        ok(t.client().signed("POST", "/api/v3/order",
                "symbol=ETHUSD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=2000"));
    }

    @Test
    void shouldRefuseTheAdminApiWithoutItsToken() {
        HttpResponse<String> none = admin("/credit", null, "{}");
        assertNativeError(none.statusCode(), none.body(), 401, "ADMIN_TOKEN_INVALID");
        HttpResponse<String> wrong = admin("/market-status", adminToken() + "x",
                new JsonObject().put("symbol", "ETHUSD").put("status", "HALTED").encode());
        assertNativeError(wrong.statusCode(), wrong.body(), 401, "ADMIN_TOKEN_INVALID");
    }

    @Test
    void shouldReportHealthAndMetrics() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(harness.baseUrl() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonObject h = new JsonObject(health.body());
        assertThat(h.getString("status")).isEqualTo("UP");
        assertThat(h.getLong("durableSequence")).isNotNegative();
        assertThat(h.getLong("projectedSequence")).isLessThanOrEqualTo(h.getLong("durableSequence"));
        assertThat(h.getLong("historySequence")).isLessThanOrEqualTo(h.getLong("projectedSequence"));

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(harness.baseUrl() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("lantau_journal_durable_sequence", "lantau_projections_lag",
                "lantau_websocket_sessions");
    }
}
