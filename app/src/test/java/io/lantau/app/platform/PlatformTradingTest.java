package io.lantau.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.config.StandardMarkets;
import io.lantau.testsupport.BinanceTestClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two traders on a real platform: orders, fills, balances and history through the Binance-compatible API. */
class PlatformTradingTest {
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

    private static JsonObject json(Response r) {
        return new JsonObject(r.body());
    }

    @Test
    void shouldTradeBetweenTwoAccountsAndShowFillsBalancesAndHistory() {
        PlatformHarness.Trader seller = harness.trader();
        PlatformHarness.Trader buyer = harness.trader();
        harness.deposit(seller.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        harness.deposit(buyer.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);

        Response sell = seller.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=700000&newClientOrderId=s-1");
        assertThat(sell.status()).as(sell.body()).isEqualTo(200);
        assertThat(json(sell).getString("status")).isEqualTo("NEW");
        assertThat(sell.header("X-MBX-USED-WEIGHT-1M")).isNotNull();
        assertThat(sell.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("1");

        Response buy = buyer.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.2&price=700010&newOrderRespType=FULL");
        assertThat(buy.status()).as(buy.body()).isEqualTo(200);
        JsonObject bought = json(buy);
        assertThat(bought.getString("status")).isEqualTo("FILLED");
        assertThat(bought.getString("executedQty")).isEqualTo("0.200");
        assertThat(bought.getString("cummulativeQuoteQty")).isEqualTo("140000.00");
        JsonArray fills = bought.getJsonArray("fills");
        assertThat(fills).hasSize(1);
        assertThat(fills.getJsonObject(0).getString("price")).isEqualTo("700000");
        assertThat(fills.getJsonObject(0).getString("commission")).isEqualTo("280.00");

        JsonObject account = json(buyer.client().signed("GET", "/api/v3/account", ""));
        JsonObject btc = account.getJsonArray("balances").stream().map(JsonObject.class::cast)
                .filter(b -> b.getString("asset").equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.getString("free")).isEqualTo("0.20000000");

        Response order = seller.client().signed("GET", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=s-1");
        assertThat(json(order).getString("status")).isEqualTo("PARTIALLY_FILLED");
        assertThat(json(order).getString("executedQty")).isEqualTo("0.200");

        JsonArray open = new JsonArray(seller.client().signed("GET", "/api/v3/openOrders", "symbol=BTCHKD").body());
        assertThat(open).hasSize(1);

        Response canceled = seller.client().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&origClientOrderId=s-1");
        assertThat(json(canceled).getString("status")).isEqualTo("CANCELED");

        JsonArray all = new JsonArray(seller.client().signed("GET", "/api/v3/allOrders", "symbol=BTCHKD").body());
        assertThat(all).hasSize(1);
        assertThat(all.getJsonObject(0).getString("status")).isEqualTo("CANCELED");

        JsonArray trades = new JsonArray(buyer.client().signed("GET", "/api/v3/myTrades", "symbol=BTCHKD").body());
        assertThat(trades).hasSize(1);
        assertThat(trades.getJsonObject(0).getBoolean("isBuyer")).isTrue();
        assertThat(trades.getJsonObject(0).getBoolean("isMaker")).isFalse();
    }

    @Test
    void shouldRejectWithBinanceErrorsAndChangeNothing() {
        PlatformHarness.Trader trader = harness.trader();
        harness.deposit(trader.accountId(), StandardMarkets.HKD.assetId(), 1_000_00L);
        Response poor = trader.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=700000");
        assertThat(poor.status()).isEqualTo(400);
        assertThat(json(poor).getInteger("code")).isEqualTo(-2010);
        assertThat(json(poor).getString("msg")).isEqualTo("Account has insufficient balance for requested action.");

        Response badSymbol = trader.client().signed("POST", "/api/v3/order",
                "symbol=XYZ&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=1");
        assertThat(json(badSymbol).getInteger("code")).isEqualTo(-1121);
        Response offTick = trader.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=700005");
        assertThat(json(offTick).getString("msg")).isEqualTo("Filter failure: PRICE_FILTER");
        Response unknown = trader.client().signed("DELETE", "/api/v3/order", "symbol=BTCHKD&orderId=999999");
        assertThat(json(unknown).getInteger("code")).isEqualTo(-2011);

        JsonArray open = new JsonArray(trader.client().signed("GET", "/api/v3/openOrders", "").body());
        assertThat(open).isEmpty();
    }
}
