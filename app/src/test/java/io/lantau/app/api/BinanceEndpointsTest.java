package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.array;
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
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code /api/v3} endpoint once, on a real server, after one known trade: the answer's fields and values and
 * Binance's headers ({@code X-MBX-USED-WEIGHT-1M} on every answer, order counts on new orders).
 *
 * <p>The fixture: the seller rests 0.5 BTC at 700000 HKD; the buyer takes 0.2 at up to 700010, so one trade of 0.2 at
 * 700000 (140000.00 HKD; buyer pays 0.20% = 280.00 HKD, seller 0.10% = 140.00 HKD) and 0.3 BTC left on the ask.
 */
class BinanceEndpointsTest {
    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Trader seller;
    static Trader buyer;
    static BinanceTestClient anonymous;
    static long sellOrderId;
    static long buyOrderId;
    static long tradeId;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir);
        anonymous = new BinanceTestClient(harness.baseUrl(), null, null);
        seller = harness.trader();
        buyer = harness.trader();
        harness.deposit(seller.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        harness.deposit(buyer.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        Response sell = ok(seller.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=700000&newClientOrderId=ask-1"));
        sellOrderId = json(sell).getLong("orderId");
        Response buy = ok(buyer.client().signed("POST", "/api/v3/order",
                "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.2&price=700010&newClientOrderId=bid-1"));
        buyOrderId = json(buy).getLong("orderId");
        tradeId = json(buy).getJsonArray("fills").getJsonObject(0).getLong("tradeId");
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerPingWithAnEmptyObject() {
        Response r = ok(anonymous.get("/api/v3/ping", ""));
        assertThat(json(r)).isEqualTo(new JsonObject());
        assertThat(Long.parseLong(r.header(ApiAssertions.WEIGHT))).isPositive();
    }

    @Test
    void shouldAnswerTimeWithTheServerClock() {
        long before = System.currentTimeMillis();
        long serverTime = json(ok(anonymous.get("/api/v3/time", ""))).getLong("serverTime");
        assertThat(serverTime).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
    }

    @Test
    void shouldDescribeMarketsFiltersAndLimitsInExchangeInfo() {
        JsonObject info = json(ok(anonymous.get("/api/v3/exchangeInfo", "")));
        assertThat(info.getString("timezone")).isEqualTo("UTC");
        assertThat(info.getJsonArray("rateLimits").getJsonObject(0).getString("rateLimitType"))
                .isEqualTo("REQUEST_WEIGHT");
        assertThat(info.getJsonArray("symbols")).hasSize(StandardMarkets.config().markets().size());

        JsonObject btchkd = json(ok(anonymous.get("/api/v3/exchangeInfo", "symbol=BTCHKD")))
                .getJsonArray("symbols").getJsonObject(0);
        assertThat(btchkd.getString("symbol")).isEqualTo("BTCHKD");
        assertThat(btchkd.getString("status")).isEqualTo("TRADING");
        assertThat(btchkd.getString("baseAsset")).isEqualTo("BTC");
        assertThat(btchkd.getString("quoteAsset")).isEqualTo("HKD");
        assertThat(btchkd.getJsonArray("orderTypes")).containsExactly("LIMIT", "LIMIT_MAKER", "MARKET");
        JsonObject price = filter(btchkd, "PRICE_FILTER");
        assertThat(price.getString("tickSize")).isEqualTo("10");
        assertThat(price.getString("minPrice")).isEqualTo("10");
        assertThat(price.getString("maxPrice")).isEqualTo("100000000");
        JsonObject lot = filter(btchkd, "LOT_SIZE");
        assertThat(lot.getString("stepSize")).isEqualTo("0.001");
        assertThat(lot.getString("minQty")).isEqualTo("0.001");
        assertThat(lot.getString("maxQty")).isEqualTo("10000.000");
        assertThat(filter(btchkd, "NOTIONAL").getString("minNotional")).isEqualTo("100.00");
        assertThat(btchkd.containsKey("contractType")).isFalse();

        JsonArray two = json(ok(anonymous.get("/api/v3/exchangeInfo",
                "symbols=" + encoded("[\"ETHHKD\",\"BTCHKD\"]")))).getJsonArray("symbols");
        assertThat(two.stream().map(s -> ((JsonObject) s).getString("symbol"))).containsExactly("BTCHKD", "ETHHKD");
    }

    private static JsonObject filter(JsonObject symbol, String type) {
        return symbol.getJsonArray("filters").stream().map(JsonObject.class::cast)
                .filter(f -> f.getString("filterType").equals(type)).findFirst().orElseThrow();
    }

    @Test
    void shouldShowTheRestingAskInDepth() {
        JsonObject depth = json(ok(anonymous.get("/api/v3/depth", "symbol=BTCHKD&limit=5")));
        assertThat(depth.getLong("lastUpdateId")).isPositive();
        assertThat(depth.getJsonArray("bids")).isEmpty();
        assertThat(depth.getJsonArray("asks")).containsExactly(new JsonArray().add("700000").add("0.300"));
    }

    @Test
    void shouldListTheTradeInTradesAndHistoricalTrades() {
        JsonArray trades = array(ok(anonymous.get("/api/v3/trades", "symbol=BTCHKD")));
        assertThat(trades).hasSize(1);
        assertTrade(trades.getJsonObject(0));
        JsonArray historical = array(ok(anonymous.get("/api/v3/historicalTrades",
                "symbol=BTCHKD&fromId=" + tradeId + "&limit=10")));
        assertThat(historical).hasSize(1);
        assertTrade(historical.getJsonObject(0));
        assertThat(array(ok(anonymous.get("/api/v3/historicalTrades", "symbol=BTCHKD&fromId=" + (tradeId + 1)))))
                .isEmpty();
    }

    private static void assertTrade(JsonObject t) {
        assertThat(t.getLong("id")).isEqualTo(tradeId);
        assertThat(t.getString("price")).isEqualTo("700000");
        assertThat(t.getString("qty")).isEqualTo("0.200");
        assertThat(t.getString("quoteQty")).isEqualTo("140000.00");
        assertThat(t.getBoolean("isBuyerMaker")).isFalse();
        assertThat(t.getLong("time")).isPositive();
    }

    @Test
    void shouldAggregateTheTradeInAggTrades() {
        JsonArray aggs = array(ok(anonymous.get("/api/v3/aggTrades", "symbol=BTCHKD&limit=10")));
        assertThat(aggs).hasSize(1);
        JsonObject a = aggs.getJsonObject(0);
        assertThat(a.getLong("a")).isEqualTo(tradeId);
        assertThat(a.getString("p")).isEqualTo("700000");
        assertThat(a.getString("q")).isEqualTo("0.200");
        assertThat(a.getLong("f")).isEqualTo(tradeId);
        assertThat(a.getLong("l")).isEqualTo(tradeId);
        assertThat(a.getBoolean("m")).isFalse();
        assertThat(a.getBoolean("M")).isTrue();
    }

    @Test
    void shouldShowTheTradeInOneMinuteKlines() {
        JsonArray klines = array(ok(anonymous.get("/api/v3/klines", "symbol=BTCHKD&interval=1m&limit=5")));
        assertThat(klines).hasSize(1);
        JsonArray k = klines.getJsonArray(0);
        assertThat(k).hasSize(12);
        assertThat(k.getLong(0) % 60_000).isZero();
        assertThat(k.getString(1)).isEqualTo("700000");
        assertThat(k.getString(2)).isEqualTo("700000");
        assertThat(k.getString(3)).isEqualTo("700000");
        assertThat(k.getString(4)).isEqualTo("700000");
        assertThat(k.getString(5)).isEqualTo("0.200");
        assertThat(k.getLong(6)).isEqualTo(k.getLong(0) + 59_999);
        assertThat(k.getString(7)).isEqualTo("140000.00");
        assertThat(k.getInteger(8)).isEqualTo(1);
    }

    @Test
    void shouldSummariseTheDayInTicker24hr() {
        JsonObject t = json(ok(anonymous.get("/api/v3/ticker/24hr", "symbol=BTCHKD")));
        assertThat(t.getString("symbol")).isEqualTo("BTCHKD");
        assertThat(t.getString("lastPrice")).isEqualTo("700000");
        assertThat(t.getString("openPrice")).isEqualTo("700000");
        assertThat(t.getString("highPrice")).isEqualTo("700000");
        assertThat(t.getString("lowPrice")).isEqualTo("700000");
        assertThat(t.getString("volume")).isEqualTo("0.200");
        assertThat(t.getString("quoteVolume")).isEqualTo("140000.00");
        assertThat(t.getString("askPrice")).isEqualTo("700000");
        assertThat(t.getString("askQty")).isEqualTo("0.300");
        assertThat(t.containsKey("bidQty")).isTrue();
        assertThat(t.containsKey("time")).isFalse();
        assertThat(t.getLong("count")).isEqualTo(1);
        assertThat(t.getLong("firstId")).isEqualTo(tradeId);

        JsonArray all = array(ok(anonymous.get("/api/v3/ticker/24hr", "")));
        assertThat(all).hasSize(StandardMarkets.config().markets().size());
        JsonObject mini = json(ok(anonymous.get("/api/v3/ticker/24hr", "symbol=BTCHKD&type=MINI")));
        assertThat(mini.getString("lastPrice")).isEqualTo("700000");
        assertThat(mini.containsKey("bidPrice")).isFalse();
    }

    @Test
    void shouldGiveTheLastPriceInTickerPrice() {
        assertThat(json(ok(anonymous.get("/api/v3/ticker/price", "symbol=BTCHKD"))))
                .isEqualTo(new JsonObject().put("symbol", "BTCHKD").put("price", "700000"));
        JsonArray two = array(ok(anonymous.get("/api/v3/ticker/price",
                "symbols=" + encoded("[\"BTCHKD\",\"ETHHKD\"]"))));
        assertThat(two).hasSize(2);
    }

    @Test
    void shouldGiveTheBestAskInBookTicker() {
        JsonObject b = json(ok(anonymous.get("/api/v3/ticker/bookTicker", "symbol=BTCHKD")));
        assertThat(b.getString("symbol")).isEqualTo("BTCHKD");
        assertThat(b.getString("askPrice")).isEqualTo("700000");
        assertThat(b.getString("askQty")).isEqualTo("0.300");
        assertThat(new BigDecimal(b.getString("bidQty"))).isZero();
    }

    @Test
    void shouldAverageTheTradeInAvgPrice() {
        JsonObject a = json(ok(anonymous.get("/api/v3/avgPrice", "symbol=BTCHKD")));
        assertThat(a.getInteger("mins")).isEqualTo(5);
        assertThat(new BigDecimal(a.getString("price"))).isEqualByComparingTo("700000");
        assertThat(a.getLong("closeTime")).isPositive();
    }

    @Test
    void shouldShowBalancesAfterTheTradeInAccount() {
        JsonObject account = json(ok(buyer.client().signed("GET", "/api/v3/account", "")));
        assertThat(account.getBoolean("canTrade")).isTrue();
        assertThat(account.getString("accountType")).isEqualTo("SPOT");
        assertThat(account.getLong("uid")).isEqualTo(buyer.accountId());
        assertThat(account.getInteger("takerCommission")).isEqualTo(20);
        assertThat(account.getLong("updateTime")).isPositive();
        AccountState b = AccountState.of(buyer.client());
        assertThat(b.free("BTC")).isEqualTo("0.20000000");
        assertThat(b.free("HKD")).isEqualTo("859720.00");
        assertThat(b.locked("HKD")).isEqualTo("0.00");
        AccountState s = AccountState.of(seller.client());
        assertThat(s.free("BTC")).isEqualTo("0.50000000");
        assertThat(s.locked("BTC")).isEqualTo("0.30000000");
        assertThat(s.free("HKD")).isEqualTo("139860.00");

        JsonArray nonZero = json(ok(buyer.client().signed("GET", "/api/v3/account", "omitZeroBalances=true")))
                .getJsonArray("balances");
        assertThat(nonZero.stream().map(x -> ((JsonObject) x).getString("asset"))).containsExactlyInAnyOrder("BTC",
                "HKD");
    }

    @Test
    void shouldPlaceQueryAndCancelAnOrderWithOrderCountHeaders() {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 10_000_000L);
        Response placed = ok(t.client().signed("POST", "/api/v3/order",
                "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=20000"
                        + "&newClientOrderId=q-1&newOrderRespType=RESULT"));
        assertThat(placed.header("X-MBX-ORDER-COUNT-10S")).isEqualTo("1");
        assertThat(placed.header("X-MBX-ORDER-COUNT-1D")).isEqualTo("1");
        JsonObject order = json(placed);
        long orderId = order.getLong("orderId");
        assertThat(order.getString("symbol")).isEqualTo("ETHHKD");
        assertThat(order.getString("clientOrderId")).isEqualTo("q-1");
        assertThat(order.getString("price")).isEqualTo("20000");
        assertThat(order.getString("origQty")).isEqualTo("0.10");
        assertThat(order.getString("executedQty")).isEqualTo("0.00");
        assertThat(order.getString("status")).isEqualTo("NEW");
        assertThat(order.getString("type")).isEqualTo("LIMIT");
        assertThat(order.getString("side")).isEqualTo("BUY");
        assertThat(order.getString("timeInForce")).isEqualTo("GTC");
        assertThat(order.getLong("transactTime")).isPositive();
        assertThat(AccountState.of(t.client()).locked("HKD")).isEqualTo("2004.00"); // 2000.00 and the 0.20% taker fee it may pay

        JsonObject byId = json(ok(t.client().signed("GET", "/api/v3/order", "symbol=ETHHKD&orderId=" + orderId)));
        assertThat(byId.getString("clientOrderId")).isEqualTo("q-1");
        assertThat(byId.getString("status")).isEqualTo("NEW");
        JsonObject byClientId = json(ok(t.client().signed("GET", "/api/v3/order",
                "symbol=ETHHKD&origClientOrderId=q-1")));
        assertThat(byClientId.getLong("orderId")).isEqualTo(orderId);

        JsonArray open = array(ok(t.client().signed("GET", "/api/v3/openOrders", "symbol=ETHHKD")));
        assertThat(open).hasSize(1);
        assertThat(open.getJsonObject(0).getLong("orderId")).isEqualTo(orderId);

        JsonObject canceled = json(ok(t.client().signed("DELETE", "/api/v3/order",
                "symbol=ETHHKD&orderId=" + orderId)));
        assertThat(canceled.getString("status")).isEqualTo("CANCELED");
        assertThat(canceled.getString("origClientOrderId")).isEqualTo("q-1");
        AccountState after = AccountState.of(t.client(), "ETHHKD");
        assertThat(after.locked("HKD")).isEqualTo("0.00");
        assertThat(after.free("HKD")).isEqualTo("100000.00");
        assertThat(after.openOrders()).isEmpty();
        assertThat(after.allOrders().getFirst()).hasSize(1);
        assertThat(after.allOrders().getFirst().getJsonObject(0).getString("status")).isEqualTo("CANCELED");
    }

    @Test
    void shouldValidateWithoutPlacingInOrderTest() {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 10_000_000L);
        AccountState before = AccountState.of(t.client(), "ETHHKD");
        Response r = ok(t.client().signed("POST", "/api/v3/order/test",
                "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=20000"));
        assertThat(json(r)).isEqualTo(new JsonObject());
        assertThat(AccountState.of(t.client(), "ETHHKD")).isEqualTo(before);
    }

    @Test
    void shouldCancelAndReplaceInOneRequest() {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 10_000_000L);
        long first = json(ok(t.client().signed("POST", "/api/v3/order",
                "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=20000"))).getLong("orderId");
        Response r = ok(t.client().signed("POST", "/api/v3/order/cancelReplace",
                "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.20&price=15000"
                        + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrderId=" + first + "&newClientOrderId=r-2"));
        assertThat(r.header("X-MBX-ORDER-COUNT-10S")).isNotNull();
        assertThat(r.header("X-MBX-ORDER-COUNT-1D")).isNotNull();
        JsonObject body = json(r);
        assertThat(body.getString("cancelResult")).isEqualTo("SUCCESS");
        assertThat(body.getString("newOrderResult")).isEqualTo("SUCCESS");
        assertThat(body.getJsonObject("cancelResponse").getLong("orderId")).isEqualTo(first);
        assertThat(body.getJsonObject("cancelResponse").getString("status")).isEqualTo("CANCELED");
        JsonObject placed = body.getJsonObject("newOrderResponse");
        assertThat(placed.getString("clientOrderId")).isEqualTo("r-2");
        assertThat(placed.getString("status")).isEqualTo("NEW");
        assertThat(placed.getString("origQty")).isEqualTo("0.20");
        AccountState after = AccountState.of(t.client());
        assertThat(after.openOrders()).hasSize(1);
        assertThat(after.openOrders().getJsonObject(0).getString("clientOrderId")).isEqualTo("r-2");
        assertThat(after.locked("HKD")).isEqualTo("3006.00");
    }

    @Test
    void shouldCancelEveryOpenOrderOfASymbol() {
        Trader t = harness.trader();
        harness.deposit(t.accountId(), StandardMarkets.HKD.assetId(), 10_000_000L);
        harness.deposit(t.accountId(), StandardMarkets.USD.assetId(), 10_000_000L);
        for (int i = 1; i <= 3; i++) {
            ok(t.client().signed("POST", "/api/v3/order", "symbol=ETHHKD&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=0.10&price=" + (1000 * i) + "&newClientOrderId=all-" + i));
        }
        ok(t.client().signed("POST", "/api/v3/order",
                "symbol=BTCUSD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.10&price=20000"));
        assertThat(array(ok(t.client().signed("GET", "/api/v3/openOrders", "")))).hasSize(4);
        JsonArray canceled = array(ok(t.client().signed("DELETE", "/api/v3/openOrders", "symbol=ETHHKD")));
        assertThat(canceled).hasSize(3);
        assertThat(canceled.stream().map(o -> ((JsonObject) o).getString("status"))).containsOnly("CANCELED");
        JsonArray left = array(ok(t.client().signed("GET", "/api/v3/openOrders", "")));
        assertThat(left).hasSize(1);
        assertThat(left.getJsonObject(0).getString("symbol")).isEqualTo("BTCUSD");
    }

    @Test
    void shouldListEveryOrderAndOwnTrade() {
        JsonArray sellerOrders = array(ok(seller.client().signed("GET", "/api/v3/allOrders", "symbol=BTCHKD")));
        assertThat(sellerOrders).hasSize(1);
        JsonObject ask = sellerOrders.getJsonObject(0);
        assertThat(ask.getLong("orderId")).isEqualTo(sellOrderId);
        assertThat(ask.getString("clientOrderId")).isEqualTo("ask-1");
        assertThat(ask.getString("status")).isEqualTo("PARTIALLY_FILLED");
        assertThat(ask.getString("executedQty")).isEqualTo("0.200");
        assertThat(ask.getString("cummulativeQuoteQty")).isEqualTo("140000.00");

        JsonArray mine = array(ok(seller.client().signed("GET", "/api/v3/myTrades", "symbol=BTCHKD")));
        assertThat(mine).hasSize(1);
        JsonObject t = mine.getJsonObject(0);
        assertThat(t.getLong("id")).isEqualTo(tradeId);
        assertThat(t.getLong("orderId")).isEqualTo(sellOrderId);
        assertThat(t.getString("price")).isEqualTo("700000");
        assertThat(t.getString("qty")).isEqualTo("0.200");
        assertThat(t.getString("quoteQty")).isEqualTo("140000.00");
        assertThat(t.getString("commission")).isEqualTo("140.00");
        assertThat(t.getString("commissionAsset")).isEqualTo("HKD");
        assertThat(t.getBoolean("isBuyer")).isFalse();
        assertThat(t.getBoolean("isMaker")).isTrue();

        JsonArray buyerTrades = array(ok(buyer.client().signed("GET", "/api/v3/myTrades",
                "symbol=BTCHKD&orderId=" + buyOrderId)));
        assertThat(buyerTrades).hasSize(1);
        assertThat(buyerTrades.getJsonObject(0).getString("commission")).isEqualTo("280.00");
        assertThat(buyerTrades.getJsonObject(0).getBoolean("isBuyer")).isTrue();
        JsonArray buyerOrders = array(ok(buyer.client().signed("GET", "/api/v3/allOrders", "symbol=BTCHKD")));
        assertThat(buyerOrders.getJsonObject(0).getString("status")).isEqualTo("FILLED");
    }

    @Test
    void shouldWeighEveryAnswerIncludingErrors() {
        Response error = anonymous.get("/api/v3/depth", "symbol=NOPE");
        ApiAssertions.assertBinanceError(error, 400, -1121);
        Response signedError = buyer.client().signed("GET", "/api/v3/order", "symbol=BTCHKD&orderId=999999999");
        ApiAssertions.assertBinanceError(signedError, 400, -2013);
        long first = Long.parseLong(ok(anonymous.get("/api/v3/ping", "")).header(ApiAssertions.WEIGHT));
        long second = Long.parseLong(ok(anonymous.get("/api/v3/exchangeInfo", "")).header(ApiAssertions.WEIGHT));
        // exchangeInfo weighs 20; the minute may have turned between the two requests.
        assertThat(second == first + 20 || second <= 20).as("%d then %d", first, second).isTrue();
    }
}
