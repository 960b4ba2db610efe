package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.assertBinanceError;
import static io.lantau.app.api.ApiAssertions.json;
import static io.lantau.app.api.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.account.ApiKeyPermissions;
import io.lantau.testsupport.BinanceTestClient;
import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed requests through the real server: a tampered signature or parameter, a stale or future timestamp, a replayed
 * request, a key without the permission, a key used from an address its allowlist excludes, a revoked, unknown or
 * missing key: each gets Binance's code, and the account is unchanged afterwards.
 */
class SignedRequestSecurityTest {
    private static final String ORDER = "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010"
            + "&price=500000";

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Trader trader;
    static AccountState before;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
        trader = harness.trader();
        harness.deposit(trader.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void snapshot() {
        before = AccountState.of(trader.client(), "BTCHKD");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(AccountState.of(trader.client(), "BTCHKD")).isEqualTo(before);
    }

    /** @return {@code params&timestamp=..&recvWindow=..} as a client would sign it. */
    private static String payload(String params, long timestamp, long recvWindow) {
        return params + "&timestamp=" + timestamp + "&recvWindow=" + recvWindow;
    }

    private static Response postSigned(BinanceTestClient client, String payload, String signature) {
        return client.raw("POST", "/api/v3/order", payload + "&signature=" + signature, true);
    }

    @Test
    void shouldRejectATamperedSignature() {
        String payload = payload(ORDER, System.currentTimeMillis(), 10_000);
        String signature = trader.client().hmac(payload);
        String flipped = (signature.charAt(0) == 'a' ? 'b' : 'a') + signature.substring(1);
        JsonObject body = assertBinanceError(postSigned(trader.client(), payload, flipped), 400, -1022);
        assertThat(body.getString("msg")).isEqualTo("Signature for this request is not valid.");
    }

    @Test
    void shouldRejectAParameterChangedAfterSigning() {
        String payload = payload(ORDER, System.currentTimeMillis(), 10_000);
        String signature = trader.client().hmac(payload);
        assertBinanceError(postSigned(trader.client(), payload.replace("quantity=0.010", "quantity=1.000"),
                signature), 400, -1022);
        String query = payload(ORDER, System.currentTimeMillis(), 10_000);
        assertBinanceError(trader.client().raw("GET", "/api/v3/account?" + "timestamp=" + System.currentTimeMillis()
                + "&signature=" + trader.client().hmac(query), null, true), 400, -1022);
    }

    @Test
    void shouldAcceptTheSignatureInUpperCase() {
        String payload = "timestamp=" + System.currentTimeMillis() + "&recvWindow=10000";
        Response r = trader.client().raw("GET", "/api/v3/account?" + payload + "&signature="
                + trader.client().hmac(payload).toUpperCase(Locale.ROOT), null, true);
        ok(r);
    }

    @Test
    void shouldRejectAStaleTimestamp() {
        String payload = payload(ORDER, System.currentTimeMillis() - 15_000, 10_000);
        JsonObject body = assertBinanceError(postSigned(trader.client(), payload, trader.client().hmac(payload)),
                400, -1021);
        assertThat(body.getString("msg")).isEqualTo("Timestamp for this request is outside of the recvWindow.");
        String defaultWindow = ORDER + "&timestamp=" + (System.currentTimeMillis() - 6_000);
        assertBinanceError(postSigned(trader.client(), defaultWindow, trader.client().hmac(defaultWindow)), 400,
                -1021);
    }

    @Test
    void shouldRejectATimestampFromTheFuture() {
        String payload = payload(ORDER, System.currentTimeMillis() + 5_000, 10_000);
        JsonObject body = assertBinanceError(postSigned(trader.client(), payload, trader.client().hmac(payload)),
                400, -1021);
        assertThat(body.getString("msg")).isEqualTo("Timestamp for this request was 1000ms ahead of the server's time.");
    }

    @Test
    void shouldRejectARecvWindowAboveSixtySeconds() {
        String payload = payload(ORDER, System.currentTimeMillis(), 60_001);
        assertBinanceError(postSigned(trader.client(), payload, trader.client().hmac(payload)), 400, -1131);
    }

    @Test
    void shouldRejectAMissingTimestampOrSignature() {
        String noTimestamp = ORDER;
        assertBinanceError(postSigned(trader.client(), noTimestamp, trader.client().hmac(noTimestamp)), 400, -1102);
        Response unsigned = trader.client().raw("POST", "/api/v3/order",
                payload(ORDER, System.currentTimeMillis(), 10_000), true);
        assertThat(assertBinanceError(unsigned, 400, -1102).getString("msg")).contains("'signature'");
    }

    @Test
    void shouldRejectAReplayedRequestAndPlaceTheOrderOnce() {
        String payload = payload(ORDER + "&newClientOrderId=replayed", System.currentTimeMillis(), 10_000);
        String signature = trader.client().hmac(payload);
        Response first = postSigned(trader.client(), payload, signature);
        ok(first);
        long orderId = json(first).getLong("orderId");
        Response replay = postSigned(trader.client(), payload, signature);
        JsonObject body = assertBinanceError(replay, 400, -1022);
        assertThat(body.getString("msg")).isEqualTo("Signature for this request was already used.");
        JsonArray open = ApiAssertions.array(ok(trader.client().signed("GET", "/api/v3/openOrders", "")));
        assertThat(open).hasSize(1);
        // Put the account back as it was before the (one) accepted order.
        ok(trader.client().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&orderId=" + orderId));
        before = AccountState.of(trader.client(), "BTCHKD");

        String cancelPayload = "symbol=BTCHKD&orderId=" + orderId + "&timestamp=" + System.currentTimeMillis();
        String cancelQuery = "/api/v3/order?" + cancelPayload + "&signature=" + trader.client().hmac(cancelPayload);
        assertBinanceError(trader.client().raw("DELETE", cancelQuery, null, true), 400, -2011);
        assertBinanceError(trader.client().raw("DELETE", cancelQuery, null, true), 400, -1022);
    }

    @Test
    void shouldRejectTradingWithAReadOnlyKey() {
        Trader reader = harness.trader(ApiKeyPermissions.READ_ONLY, null);
        harness.deposit(reader.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        AccountState readerBefore = AccountState.of(reader.client(), "BTCHKD");
        JsonObject body = assertBinanceError(reader.client().signed("POST", "/api/v3/order", ORDER), 401, -2015);
        assertThat(body.getString("msg")).isEqualTo("Invalid API-key, IP, or permissions for action.");
        assertBinanceError(reader.client().signed("DELETE", "/api/v3/openOrders", "symbol=BTCHKD"), 401, -2015);
        assertBinanceError(reader.client().signed("POST", "/api/v3/order/test", ORDER), 401, -2015);
        assertThat(json(ok(reader.client().signed("GET", "/api/v3/account", ""))).getBoolean("canTrade")).isFalse();
        assertThat(AccountState.of(reader.client(), "BTCHKD")).isEqualTo(readerBefore);
    }

    @Test
    void shouldRejectAKeyUsedFromAnAddressOutsideItsAllowlist() {
        NativeSession session = NativeSession.registerAndLogin(harness.baseUrl());
        JsonObject elsewhere = session.createKey(new JsonObject().put("label", "elsewhere")
                .put("permissions", new JsonObject().put("trade", true))
                .put("ipAllowlist", new JsonArray().add("10.1.2.3").add("192.168.0.0/16").add("::2")));
        BinanceTestClient client = new BinanceTestClient(harness.baseUrl(), elsewhere.getString("apiKey"),
                elsewhere.getString("secret"), PlatformHarness.monotonicClock());
        assertBinanceError(client.signed("GET", "/api/v3/account", ""), 401, -2015);
        assertBinanceError(client.signed("POST", "/api/v3/order", ORDER), 401, -2015);

        JsonObject here = session.createKey(new JsonObject().put("label", "here")
                .put("ipAllowlist", new JsonArray().add("127.0.0.0/8")));
        BinanceTestClient allowed = new BinanceTestClient(harness.baseUrl(), here.getString("apiKey"),
                here.getString("secret"), PlatformHarness.monotonicClock());
        ok(allowed.signed("GET", "/api/v3/account", ""));
    }

    @Test
    void shouldRejectUnknownMissingAndMalformedKeys() {
        BinanceTestClient unknown = new BinanceTestClient(harness.baseUrl(), "k" + "0".repeat(63), "secret",
                PlatformHarness.monotonicClock());
        assertBinanceError(unknown.signed("GET", "/api/v3/account", ""), 401, -2015);
        BinanceTestClient noKey = new BinanceTestClient(harness.baseUrl(), null, "secret",
                PlatformHarness.monotonicClock());
        assertBinanceError(noKey.signed("GET", "/api/v3/account", ""), 401, -2014);
        BinanceTestClient longKey = new BinanceTestClient(harness.baseUrl(), "k".repeat(500), "secret",
                PlatformHarness.monotonicClock());
        assertBinanceError(longKey.signed("POST", "/api/v3/order", ORDER), 401, -2014);
    }

    @Test
    void shouldNotLetAnotherUsersSecretSignForAKey() {
        Trader other = harness.trader();
        BinanceTestClient forged = new BinanceTestClient(harness.baseUrl(), trader.apiKey(), other.secret(),
                PlatformHarness.monotonicClock());
        assertBinanceError(forged.signed("POST", "/api/v3/order", ORDER), 400, -1022);
    }
}
