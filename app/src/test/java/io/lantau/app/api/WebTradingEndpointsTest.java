package io.lantau.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.core.config.StandardMarkets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's session-authenticated trading endpoints ({@code /api/lantau/v1/trading/*}): the same order rules and
 * messages as the Binance API, a session and CSRF token for every change, and no way to reach another client's orders
 * or balances.
 */
class WebTradingEndpointsTest {
    private static final int HKD = StandardMarkets.HKD.assetId();

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

    private static JsonObject limitBuy(String price, String quantity) {
        return new JsonObject().put("symbol", "BTCHKD").put("side", "BUY").put("type", "LIMIT")
                .put("timeInForce", "GTC").put("price", price).put("quantity", quantity);
    }

    @Test
    void anotherClientsOrderCannotBeSeenCanceledOrAmended() {
        NativeSession alice = NativeSession.registerAndLogin(harness.baseUrl());
        NativeSession mallory = NativeSession.registerAndLogin(harness.baseUrl());
        harness.deposit(alice.userId, HKD, 100_000_00L);
        NativeSession.Answer placed = alice.change("POST", "/trading/orders", limitBuy("300000", "0.010").encode());
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        long orderId = placed.json().getLong("orderId");

        NativeSession.Answer cancel = mallory.change("DELETE", "/trading/orders/" + orderId + "?symbol=BTCHKD", null);
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.json().getString("code")).isEqualTo("ORDER_REJECTED");
        assertThat(cancel.json().getString("reason")).isEqualTo("UNKNOWN_ORDER");
        NativeSession.Answer amend = mallory.change("POST", "/trading/orders/" + orderId + "/amend",
                new JsonObject().put("symbol", "BTCHKD").put("price", "10").put("quantity", "9").encode());
        assertThat(amend.json().getString("reason")).isEqualTo("UNKNOWN_ORDER");
        assertThat(new JsonArray(mallory.get("/trading/open-orders").body())).isEmpty();
        assertThat(new JsonArray(mallory.get("/trading/orders?symbol=BTCHKD").body())).isEmpty();
        assertThat(new JsonArray(mallory.get("/trading/balances").body()).stream()
                .map(b -> ((JsonObject) b).getString("free"))).allMatch(free -> free.matches("0\\.0+"));

        JsonArray open = new JsonArray(alice.get("/trading/open-orders?symbol=BTCHKD").body());
        assertThat(open).hasSize(1);
        assertThat(open.getJsonObject(0).getString("price")).isEqualTo("300000");
        assertThat(open.getJsonObject(0).getString("origQty")).isEqualTo("0.010");
    }

    @Test
    void changesNeedTheSessionAndItsCsrfToken() {
        NativeSession alice = NativeSession.registerAndLogin(harness.baseUrl());
        String body = limitBuy("300000", "0.010").encode();
        NativeSession.Answer noCsrf = NativeSession.send(harness.baseUrl(), "POST", "/trading/orders", body,
                alice.cookie, null);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.json().getString("code")).isEqualTo("CSRF_TOKEN_INVALID");
        NativeSession.Answer noSession = NativeSession.send(harness.baseUrl(), "GET", "/trading/balances", null,
                null, null);
        assertThat(noSession.status()).isEqualTo(401);
        assertThat(noSession.json().getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(new JsonArray(alice.get("/trading/open-orders").body())).isEmpty();
    }

    @Test
    void badOrdersGetTheBinanceApisMessagesAndChangeNothing() {
        NativeSession alice = NativeSession.registerAndLogin(harness.baseUrl());
        harness.deposit(alice.userId, HKD, 100_000_00L);
        assertRejected(alice, limitBuy("300005", "0.010"), "Filter failure: PRICE_FILTER", null);
        assertRejected(alice, limitBuy("300000", "0.0105"), "Filter failure: LOT_SIZE", null);
        assertRejected(alice, limitBuy("300000", "0.010").put("symbol", "NOPE"), "Invalid symbol.", null);
        assertRejected(alice, limitBuy("300000", "0.010").put("type", "STOP_LOSS"), "Unsupported order combination.",
                null);
        assertRejected(alice, limitBuy("10", "0.001"), "Filter failure: NOTIONAL", "NOTIONAL_BELOW_MIN");
        assertRejected(alice, limitBuy("3000000", "1.000"),
                "Account has insufficient balance for requested action.", "INSUFFICIENT_BALANCE");
        NativeSession.Answer unknownField = alice.change("POST", "/trading/orders",
                limitBuy("300000", "0.010").put("accountId", 1).encode());
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().getString("code")).isEqualTo("UNKNOWN_FIELD");
        NativeSession.Answer numberPrice = alice.change("POST", "/trading/orders",
                limitBuy("300000", "0.010").put("price", 300000).encode());
        assertThat(numberPrice.json().getString("code")).isEqualTo("WRONG_TYPE");
        NativeSession.Answer badId = alice.change("DELETE", "/trading/orders/abc?symbol=BTCHKD", null);
        assertThat(badId.status()).isEqualTo(404);
        assertThat(new JsonArray(alice.get("/trading/open-orders").body())).isEmpty();
        JsonArray balances = new JsonArray(alice.get("/trading/balances").body());
        JsonObject hkd = balances.stream().map(JsonObject.class::cast).filter(b -> b.getString("asset").equals("HKD"))
                .findFirst().orElseThrow();
        assertThat(hkd.getString("free")).isEqualTo("100000.00");
        assertThat(hkd.getString("locked")).isEqualTo("0.00");
    }

    private static void assertRejected(NativeSession who, JsonObject order, String message, String reason) {
        NativeSession.Answer a = who.change("POST", "/trading/orders", order.encode());
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().getString("code")).isEqualTo("ORDER_REJECTED");
        assertThat(a.json().getString("message")).isEqualTo(message);
        assertThat(a.json().getString("reason")).isEqualTo(reason);
    }
}
