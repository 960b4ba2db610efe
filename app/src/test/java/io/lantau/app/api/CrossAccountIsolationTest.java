package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.array;
import static io.lantau.app.api.ApiAssertions.assertBinanceError;
import static io.lantau.app.api.ApiAssertions.assertNativeError;
import static io.lantau.app.api.ApiAssertions.json;
import static io.lantau.app.api.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient;
import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One user never sees or changes another's orders, trades, balances or keys: user B sends every id-taking request with
 * user A's ids and gets Binance's "does not exist" answers (-2013 for queries, -2011 for cancels) or the native API's
 * 404, and A's state is the same afterwards.
 *
 * <p>A holds an open order ({@code alice-open}) and a filled one ({@code alice-filled}, found only in the relational
 * history once filled) on BTCHKD, with a trade. B is funded for BTCHKD too.
 */
class CrossAccountIsolationTest {
    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Trader alice;
    static Trader bob;
    static long aliceOpenId;
    static long aliceFilledId;
    static AccountState aliceBefore;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
        alice = harness.trader();
        bob = harness.trader();
        Trader maker = harness.trader();
        harness.deposit(alice.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        harness.deposit(bob.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        harness.deposit(bob.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        harness.deposit(maker.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        ok(maker.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.010&price=700000"));
        aliceFilledId = json(ok(alice.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=700000"
                        + "&newClientOrderId=alice-filled"))).getLong("orderId");
        aliceOpenId = json(ok(alice.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=500000"
                        + "&newClientOrderId=alice-open"))).getLong("orderId");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void snapshotAlice() {
        aliceBefore = AccountState.of(alice.client(), "BTCHKD");
        assertThat(aliceBefore.openOrders()).hasSize(1);
    }

    @AfterEach
    void aliceIsUnchanged() {
        assertThat(AccountState.of(alice.client(), "BTCHKD")).isEqualTo(aliceBefore);
        JsonObject open = json(ok(alice.client().signed("GET", "/api/v3/order", "symbol=BTCHKD&orderId=" + aliceOpenId)));
        assertThat(open.getString("status")).isEqualTo("NEW");
    }

    private static BinanceTestClient b() {
        return bob.client();
    }

    @Test
    void shouldAnswerDoesNotExistWhenQueryingAnotherUsersOrderById() {
        assertBinanceError(b().signed("GET", "/api/v3/order", "symbol=BTCHKD&orderId=" + aliceOpenId), 400, -2013);
        assertBinanceError(b().signed("GET", "/api/v3/order", "symbol=BTCHKD&orderId=" + aliceFilledId), 400, -2013);
    }

    @Test
    void shouldAnswerDoesNotExistWhenQueryingAnotherUsersOrderByClientId() {
        assertBinanceError(b().signed("GET", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=alice-open"), 400,
                -2013);
        assertBinanceError(b().signed("GET", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=alice-filled"), 400,
                -2013);
    }

    @Test
    void shouldAnswerUnknownOrderWhenCancelingAnotherUsersOrderById() {
        assertBinanceError(b().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&orderId=" + aliceOpenId), 400, -2011);
        assertBinanceError(b().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&orderId=" + aliceFilledId), 400,
                -2011);
    }

    @Test
    void shouldAnswerUnknownOrderWhenCancelingAnotherUsersOrderByClientId() {
        assertBinanceError(b().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=alice-open"), 400,
                -2011);
    }

    @Test
    void shouldNotPlaceTheNewOrderWhenCancelReplacingAnotherUsersOrderWithStopOnFailure() {
        AccountState bobBefore = AccountState.of(b(), "BTCHKD");
        JsonObject body = assertBinanceError(b().signed("POST", "/api/v3/order/cancelReplace",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=400000"
                        + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrderId=" + aliceOpenId), 400, -2022);
        JsonObject data = body.getJsonObject("data");
        assertThat(data.getString("cancelResult")).isEqualTo("FAILURE");
        assertThat(data.getString("newOrderResult")).isEqualTo("NOT_ATTEMPTED");
        assertThat(data.getJsonObject("cancelResponse").getInteger("code")).isEqualTo(-2011);
        assertBinanceError(b().signed("POST", "/api/v3/order/cancelReplace",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=400000"
                        + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrigClientOrderId=alice-open"), 400, -2022);
        assertThat(AccountState.of(b(), "BTCHKD")).isEqualTo(bobBefore);
    }

    @Test
    void shouldPlaceOnlyTheCallersOrderWhenCancelReplacingAnotherUsersOrderWithAllowFailure() {
        JsonObject body = assertBinanceError(b().signed("POST", "/api/v3/order/cancelReplace",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=400000"
                        + "&cancelReplaceMode=ALLOW_FAILURE&newClientOrderId=bob-allow&cancelOrderId=" + aliceOpenId),
                409, -2021);
        JsonObject data = body.getJsonObject("data");
        assertThat(data.getString("cancelResult")).isEqualTo("FAILURE");
        assertThat(data.getString("newOrderResult")).isEqualTo("SUCCESS");
        assertThat(data.getJsonObject("cancelResponse").getInteger("code")).isEqualTo(-2011);
        long bobs = data.getJsonObject("newOrderResponse").getLong("orderId");
        ok(b().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&orderId=" + bobs));
    }

    @Test
    void shouldListOnlyTheCallersOwnOrdersAndTrades() {
        JsonArray open = array(ok(b().signed("GET", "/api/v3/openOrders", "")));
        assertThat(open).noneMatch(o -> ((JsonObject) o).getLong("orderId") == aliceOpenId);
        assertThat(array(ok(b().signed("GET", "/api/v3/openOrders", "symbol=BTCHKD"))))
                .noneMatch(o -> ((JsonObject) o).getLong("orderId") == aliceOpenId);
        JsonArray all = array(ok(b().signed("GET", "/api/v3/allOrders", "symbol=BTCHKD")));
        assertThat(all).noneMatch(o -> ((JsonObject) o).getLong("orderId") == aliceOpenId
                || ((JsonObject) o).getLong("orderId") == aliceFilledId);
        assertThat(array(ok(b().signed("GET", "/api/v3/allOrders", "symbol=BTCHKD&orderId=" + aliceOpenId))))
                .noneMatch(o -> ((JsonObject) o).getLong("orderId") == aliceOpenId);
        assertThat(array(ok(b().signed("GET", "/api/v3/myTrades", "symbol=BTCHKD&orderId=" + aliceFilledId))))
                .isEmpty();
        assertThat(array(ok(b().signed("GET", "/api/v3/myTrades", "symbol=BTCHKD")))).isEmpty();
        assertThat(array(ok(alice.client().signed("GET", "/api/v3/myTrades", "symbol=BTCHKD")))).hasSize(1);
    }

    @Test
    void shouldShowOnlyTheCallersBalancesAndUid() {
        JsonObject account = json(ok(b().signed("GET", "/api/v3/account", "")));
        assertThat(account.getLong("uid")).isEqualTo(bob.accountId());
        AccountState bobs = AccountState.of(b());
        assertThat(bobs.free("BTC")).isEqualTo("1.00000000");
        assertThat(bobs.free("HKD")).isEqualTo("1000000.00");
        assertThat(aliceBefore.free("BTC")).isEqualTo("0.01000000");
    }

    @Test
    void shouldCancelOnlyTheCallersOrdersWhenCancelingAllOfASymbol() {
        Response placed = ok(b().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=300000"));
        long bobs = json(placed).getLong("orderId");
        JsonArray canceled = array(ok(b().signed("DELETE", "/api/v3/openOrders", "symbol=BTCHKD")));
        assertThat(canceled).hasSize(1);
        assertThat(canceled.getJsonObject(0).getLong("orderId")).isEqualTo(bobs);
    }

    @Test
    void shouldKeepClientOrderIdsPerAccount() {
        long bobs = json(ok(b().signed("POST", "/api/v3/order", "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.010&price=300000&newClientOrderId=alice-open"))).getLong("orderId");
        assertThat(bobs).isNotEqualTo(aliceOpenId);
        JsonObject bobsView = json(ok(b().signed("GET", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=alice-open")));
        assertThat(bobsView.getLong("orderId")).isEqualTo(bobs);
        JsonObject canceled = json(ok(b().signed("DELETE", "/api/v3/order",
                "symbol=BTCHKD&origClientOrderId=alice-open")));
        assertThat(canceled.getLong("orderId")).isEqualTo(bobs);
    }

    @Test
    void shouldAnswerNotFoundWhenRevokingOrListingAnotherUsersApiKey() {
        NativeSession a = NativeSession.registerAndLogin(harness.baseUrl());
        NativeSession b = NativeSession.registerAndLogin(harness.baseUrl());
        JsonObject key = a.createKey(new JsonObject().put("label", "alice's").put("permissions",
                new JsonObject().put("trade", true)));
        long keyId = key.getLong("id");

        NativeSession.Answer revoke = b.change("DELETE", "/api-keys/" + keyId, null);
        assertNativeError(revoke.status(), revoke.body(), 404, "API_KEY_NOT_FOUND");
        NativeSession.Answer list = b.get("/api-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(new JsonArray(list.body())).isEmpty();

        JsonArray alicesKeys = new JsonArray(a.get("/api-keys").body());
        assertThat(alicesKeys).hasSize(1);
        assertThat(alicesKeys.getJsonObject(0).getBoolean("active")).isTrue();
        BinanceTestClient withKey = new BinanceTestClient(harness.baseUrl(), key.getString("apiKey"),
                key.getString("secret"), PlatformHarness.monotonicClock());
        ok(withKey.signed("GET", "/api/v3/account", ""));
    }
}
