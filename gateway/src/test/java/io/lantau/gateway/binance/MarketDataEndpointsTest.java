package io.lantau.gateway.binance;

import static io.lantau.gateway.ws.GatewayHarness.BTCHKD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.PlaceOrder;
import io.lantau.gateway.ws.GatewayHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The market data REST endpoints through a real server, fed by a real core. */
class MarketDataEndpointsTest {
    private static GatewayHarness platform;

    @BeforeAll
    static void start() {
        platform = new GatewayHarness();
        platform.fundedAccount(2);
        platform.fundedAccount(3);
        // A book: bids 49,990 and 49,980 (tick 10 HKD: 4999 and 4998 ticks), asks 5001 and 5002.
        place(PlaceOrder.limit(2, BTCHKD, Side.BUY, 4999, 1000));
        place(PlaceOrder.limit(2, BTCHKD, Side.BUY, 4998, 2000));
        place(PlaceOrder.limit(2, BTCHKD, Side.SELL, 5001, 1500));
        place(PlaceOrder.limit(2, BTCHKD, Side.SELL, 5002, 500));
        // Two takers: one buy fills 1,000 lots of the 5001 ask; one sell fills 1,000 lots of the 4999 bid.
        place(PlaceOrder.limit(3, BTCHKD, Side.BUY, 5001, 1000));
        place(PlaceOrder.limit(3, BTCHKD, Side.SELL, 4999, 1000));
    }

    private static void place(PlaceOrder order) {
        assertThat(platform.apply(order)).isEqualTo(ResultCode.OK);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static JsonObject error(String pathAndQuery, int status) {
        HttpResponse<String> response = platform.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return new JsonObject(response.body());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldServeDepthWithUpdateIdAndStringLevels() {
        JsonObject depth = platform.getObject("/api/v3/depth?symbol=BTCHKD&limit=5");
        assertThat(depth.getLong("lastUpdateId")).isEqualTo(platform.marketData.depth(BTCHKD, 1).lastUpdateId())
                .isPositive();
        assertThat(depth.getJsonArray("bids")).isEqualTo(new JsonArray().add(new JsonArray().add("49980").add("2.000")));
        assertThat(depth.getJsonArray("asks")).isEqualTo(new JsonArray()
                .add(new JsonArray().add("50010").add("0.500")).add(new JsonArray().add("50020").add("0.500")));
        assertThat(platform.getObject("/api/v3/depth?symbol=BTCHKD").getJsonArray("asks")).hasSize(2);
        assertThat(platform.getObject("/api/v3/depth?symbol=BTCHKD&limit=99999").getJsonArray("asks")).hasSize(2);
    }

    @Test
    void shouldRefuseBadSymbolsAndParameters() {
        assertThat(error("/api/v3/depth?symbol=NOPE", 400).getInteger("code")).isEqualTo(-1121);
        assertThat(error("/api/v3/depth", 400).getInteger("code")).isEqualTo(-1102);
        assertThat(error("/api/v3/depth?symbol=BTCHKD&limit=abc", 400).getInteger("code")).isEqualTo(-1100);
        assertThat(error("/api/v3/depth?symbol=BTCHKD&limit=0", 400).getInteger("code")).isEqualTo(-1130);
        assertThat(error("/api/v3/depth?symbol=BTCHKD&foo=1", 400).getInteger("code")).isEqualTo(-1104);
        assertThat(error("/api/v3/trades?symbol=BTCHKD&limit=1001", 400).getInteger("code")).isEqualTo(-1130);
        assertThat(error("/api/v3/aggTrades?symbol=BTCHKD&fromId=-1", 400).getInteger("code")).isEqualTo(-1100);
        assertThat(error("/api/v3/aggTrades?symbol=BTCHKD&startTime=0&endTime=3600001", 400).getInteger("code"))
                .isEqualTo(-1127);
        assertThat(error("/api/v3/klines?symbol=BTCHKD&interval=7m", 400).getInteger("code")).isEqualTo(-1120);
        assertThat(error("/api/v3/klines?symbol=BTCHKD", 400).getInteger("code")).isEqualTo(-1102);
        assertThat(error("/api/v3/ticker/24hr?symbols=" + encoded("[\"BTCHKD\",\"NOPE\"]"), 400)
                .getInteger("code")).isEqualTo(-1121);
        assertThat(error("/api/v3/ticker/24hr?symbols=" + encoded("BTCHKD"), 400).getInteger("code"))
                .isEqualTo(-1100);
        assertThat(error("/api/v3/ticker/price?symbol=BTCHKD&symbols=" + encoded("[\"BTCHKD\"]"), 400)
                .getInteger("code")).isEqualTo(-1128);
        assertThat(error("/api/v3/avgPrice?symbol=btchkd", 400).getInteger("code")).isEqualTo(-1121);
    }

    @Test
    void shouldServeRecentTradesOldestFirst() {
        JsonArray trades = platform.getArray("/api/v3/trades?symbol=BTCHKD");
        assertThat(trades).hasSize(2);
        JsonObject first = trades.getJsonObject(0);
        assertThat(first.fieldNames()).contains("id", "price", "qty", "quoteQty", "time", "isBuyerMaker");
        assertThat(first.getString("price")).isEqualTo("50010");
        assertThat(first.getString("qty")).isEqualTo("1.000");
        assertThat(first.getString("quoteQty")).isEqualTo("50010.00");
        assertThat(first.getBoolean("isBuyerMaker")).isFalse();
        assertThat(trades.getJsonObject(1).getBoolean("isBuyerMaker")).isTrue();
        assertThat(trades.getJsonObject(1).getLong("id")).isGreaterThan(first.getLong("id"));
        assertThat(platform.getArray("/api/v3/trades?symbol=BTCHKD&limit=1").getJsonObject(0).getLong("id"))
                .isEqualTo(trades.getJsonObject(1).getLong("id"));
        long secondId = trades.getJsonObject(1).getLong("id");
        assertThat(platform.getArray("/api/v3/historicalTrades?symbol=BTCHKD&fromId=" + secondId)).hasSize(1);
    }

    @Test
    void shouldServeAggregateTradesWithTheirFirstTradeIdAsId() {
        JsonArray aggs = platform.getArray("/api/v3/aggTrades?symbol=BTCHKD&limit=10");
        assertThat(aggs).hasSize(2);
        JsonObject a = aggs.getJsonObject(0);
        assertThat(a.fieldNames()).contains("a", "p", "q", "f", "l", "T", "m", "M");
        assertThat(a.getLong("a")).isEqualTo(a.getLong("f"));
        assertThat(a.getBoolean("m")).isFalse();
        long second = aggs.getJsonObject(1).getLong("a");
        assertThat(platform.getArray("/api/v3/aggTrades?symbol=BTCHKD&fromId=" + second)).hasSize(1);
        long time = a.getLong("T");
        assertThat(platform.getArray("/api/v3/aggTrades?symbol=BTCHKD&startTime=" + time + "&endTime="
                + (time + 3_600_000))).hasSize(2);
    }

    @Test
    void shouldServeKlinesAsTwelveElementRows() {
        JsonArray klines = platform.getArray("/api/v3/klines?symbol=BTCHKD&interval=1m&limit=500");
        assertThat(klines).isNotEmpty();
        JsonArray last = klines.getJsonArray(klines.size() - 1);
        assertThat(last).hasSize(12);
        assertThat(last.getString(4)).isEqualTo("49990");
        assertThat(last.getLong(6)).isEqualTo(last.getLong(0) + 59_999);
        long trades = 0;
        for (int i = 0; i < klines.size(); i++) {
            trades += klines.getJsonArray(i).getLong(8);
        }
        assertThat(trades).isEqualTo(2);
        assertThat(platform.getArray("/api/v3/klines?symbol=BTCHKD&interval=1M")).isNotEmpty();
        assertThat(platform.getArray("/api/v3/klines?symbol=BTCHKD&interval=1h&startTime=" + Long.MAX_VALUE / 2))
                .isEmpty();
    }

    @Test
    void shouldServe24hTickersWithBinanceFieldsAndNoTime() {
        JsonObject t = platform.getObject("/api/v3/ticker/24hr?symbol=BTCHKD");
        assertThat(t.fieldNames()).contains("symbol", "lastPrice", "bidPrice", "bidQty", "askPrice", "askQty",
                "openPrice", "highPrice", "lowPrice", "prevClosePrice", "priceChange", "priceChangePercent",
                "weightedAvgPrice", "volume", "quoteVolume", "closeTime", "openTime", "firstId", "lastId", "count",
                "lastQty").doesNotContain("time");
        assertThat(t.getString("lastPrice")).isEqualTo("49990");
        assertThat(t.getString("bidPrice")).isEqualTo("49980");
        assertThat(t.getString("bidQty")).isEqualTo("2.000");
        assertThat(t.getString("askPrice")).isEqualTo("50010");
        assertThat(t.getString("volume")).isEqualTo("2.000");
        assertThat(t.getLong("count")).isEqualTo(2);
        JsonArray some = platform.getArray("/api/v3/ticker/24hr?symbols=" + encoded("[\"BTCHKD\",\"ETHHKD\"]"));
        assertThat(some).hasSize(2);
        assertThat(some.getJsonObject(1).getLong("count")).isZero();
        assertThat(some.getJsonObject(1).getLong("firstId")).isEqualTo(-1);
        assertThat(platform.getArray("/api/v3/ticker/24hr")).hasSize(platform.markets.all().size());
        JsonObject mini = platform.getObject("/api/v3/ticker/24hr?symbol=BTCHKD&type=MINI");
        assertThat(mini.fieldNames()).contains("lastPrice", "volume").doesNotContain("bidPrice");
    }

    @Test
    void shouldServePriceBookTickerAndAveragePrice() {
        assertThat(platform.getObject("/api/v3/ticker/price?symbol=BTCHKD"))
                .isEqualTo(new JsonObject().put("symbol", "BTCHKD").put("price", "49990"));
        assertThat(platform.getArray("/api/v3/ticker/price")).hasSize(platform.markets.all().size());
        assertThat(platform.getObject("/api/v3/ticker/bookTicker?symbol=BTCHKD")).isEqualTo(new JsonObject()
                .put("symbol", "BTCHKD").put("bidPrice", "49980").put("bidQty", "2.000").put("askPrice", "50010")
                .put("askQty", "0.500"));
        assertThat(platform.getArray("/api/v3/ticker/bookTicker?symbols=" + encoded("[\"BTCHKD\"]"))).hasSize(1);
        JsonObject avg = platform.getObject("/api/v3/avgPrice?symbol=BTCHKD");
        assertThat(avg.getInteger("mins")).isEqualTo(5);
        assertThat(avg.getString("price")).isEqualTo("50000");
        assertThat(avg.getLong("closeTime")).isPositive();
    }
}
