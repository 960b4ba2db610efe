package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.json;
import static io.lantau.app.api.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.limits.RateLimits;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one table per endpoint: missing, empty, repeated, malformed, huge and negative parameters, invalid UTF-8,
 * wrong methods and content types, oversized bodies. Each case must get its 4xx and code (Binance's codes on
 * {@code /api/v3}, the native API's and the admin API's own), with the weight header on {@code /api/v3} answers; the
 * caller's balances, open orders and order history must be unchanged afterwards, and the server must still answer.
 *
 * <p>The fixture trader holds BTC and HKD and one open order ({@code fx-open}, a BTCHKD bid).
 */
class BadInputTableTest {
    private static final String ORDER = "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010"
            + "&price=500000";
    private static final String MARKET = "symbol=BTCHKD&side=BUY&type=MARKET";
    private static final String A = "/api/v3";
    private static final String N = NativeSession.PREFIX;
    private static final String BIG = "1" + "0".repeat(30);

    static Path dataDir;
    static PlatformHarness harness;
    static Trader trader;
    static long openOrderId;
    static RawHttp http;
    static SignedRaw signed;
    static NativeSession session;

    /** One row: what to send and what must come back. {@code code} is an Integer (Binance) or a String (native). */
    record Case(String name, Function<BadInputTableTest, RawHttp.Answer> send, int status, Object code,
            boolean routed) {
        Case(String name, Function<BadInputTableTest, RawHttp.Answer> send, int status, Object code) {
            this(name, send, status, code, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path dir) {
        dataDir = dir;
        // Every case reads the account three times: no request weight limit here (RateLimitTest has its own).
        harness = new PlatformHarness(dataDir, PlatformHarness.openDefaults().withRateLimits(RateLimits.UNLIMITED));
        trader = harness.trader();
        harness.deposit(trader.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        harness.deposit(trader.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        openOrderId = json(ok(trader.client().signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=fx-open")))
                .getLong("orderId");
        http = new RawHttp(harness.platform().port());
        signed = new SignedRaw(http, trader);
        session = NativeSession.registerAndLogin(harness.baseUrl());
        session.createKey(new JsonObject().put("label", "fixture"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    // ------------------------------------------------------------------------------------------- the tables

    private static Case pub(String path, String query, int status, int code) {
        return new Case("GET " + path + "?" + abbreviate(query), t -> signed.publicGet(A + path, query), status,
                code);
    }

    private static Case sig(String method, String path, String params, int status, int code) {
        return new Case(method + " " + path + " " + abbreviate(params),
                t -> signed.signed(method, A + path, params, method.equals("POST")), status, code);
    }

    private static Case raw(String name, Function<BadInputTableTest, RawHttp.Answer> send, int status, Object code) {
        return new Case(name, send, status, code);
    }

    /** A request the HTTP decoder refuses before any route (and so before the rate limiter) sees it. */
    private static Case protocol(String name, Function<BadInputTableTest, RawHttp.Answer> send, int status) {
        return new Case(name, send, status, -1100, false);
    }

    private static String abbreviate(String text) {
        return text.length() > 90 ? text.substring(0, 90) + "…(" + text.length() + ")" : text;
    }

    static Stream<Case> binanceCases() {
        List<Case> c = new ArrayList<>();
        // ping, time, exchangeInfo
        c.add(pub("/ping", "x=1", 400, -1104));
        c.add(pub("/time", "symbol=BTCHKD", 400, -1104));
        c.add(pub("/exchangeInfo", "symbol=NOPE", 400, -1121));
        c.add(pub("/exchangeInfo", "symbols=notalist", 400, -1100));
        c.add(pub("/exchangeInfo", "symbols=%5B%5D", 400, -1100));
        c.add(pub("/exchangeInfo", "symbol=BTCHKD&symbol=ETHHKD", 400, -1101));
        // depth
        c.add(pub("/depth", "", 400, -1102));
        c.add(pub("/depth", "symbol=", 400, -1102));
        c.add(pub("/depth", "symbol=btchkd", 400, -1121));
        c.add(pub("/depth", "symbol=BTCHKD&limit=0", 400, -1130));
        c.add(pub("/depth", "symbol=BTCHKD&limit=-5", 400, -1130));
        c.add(pub("/depth", "symbol=BTCHKD&limit=" + BIG, 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD&limit=99999999999999999999", 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD&limit=abc", 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD&limit=9999999999999999999", 400, -1100));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&startTime=9223372036854775808", 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD&limit=1.5", 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD&limit=", 400, -1100));
        c.add(pub("/depth", "symbol=%ff%fe", 400, -1100));
        c.add(pub("/depth", "symbol=%C0%80", 400, -1100));
        c.add(pub("/depth", "symbol=%ED%A0%80", 400, -1100));
        c.add(pub("/depth", "symbol=BTC%zzHKD", 400, -1100));
        c.add(pub("/depth", "symbol=BTCHKD%", 400, -1100));
        c.add(pub("/depth", "symbol=BTC%00HKD", 400, -1121));
        c.add(pub("/depth", "symbol=BTCHKD&symbol=BTCHKD", 400, -1101));
        c.add(pub("/depth", "symbol=" + "A".repeat(4000), 400, -1121));
        c.add(protocol("GET /depth with a 10 KiB request line", t -> signed.publicGet(A + "/depth",
                "symbol=" + "A".repeat(10_000)), 414));
        c.add(pub("/depth", "symbol=BTCHKD&limit=5&junk=" + "%ff".repeat(50), 400, -1100));
        // trades, historicalTrades, aggTrades
        c.add(pub("/trades", "limit=5", 400, -1102));
        c.add(pub("/trades", "symbol=BTCHKD&limit=1001", 400, -1130));
        c.add(pub("/trades", "symbol=BTCHKD&limit=0", 400, -1130));
        c.add(pub("/trades", "symbol=BTCHKD&fromId=1", 400, -1104));
        c.add(pub("/historicalTrades", "symbol=BTCHKD&fromId=-1", 400, -1100));
        c.add(pub("/historicalTrades", "symbol=BTCHKD&fromId=1e3", 400, -1100));
        c.add(pub("/historicalTrades", "symbol=BTCHKD&fromId=" + BIG, 400, -1100));
        c.add(pub("/historicalTrades", "symbol=NOPE", 400, -1121));
        c.add(pub("/aggTrades", "symbol=BTCHKD&startTime=2000&endTime=1000", 400, -1128));
        c.add(pub("/aggTrades", "symbol=BTCHKD&startTime=0&endTime=3600001", 400, -1127));
        c.add(pub("/aggTrades", "symbol=BTCHKD&fromId=-3", 400, -1100));
        c.add(pub("/aggTrades", "symbol=BTCHKD&limit=-1", 400, -1130));
        c.add(pub("/aggTrades", "symbol=BTCHKD&startTime=" + Long.MAX_VALUE + "&endTime=-" + Long.MAX_VALUE, 400,
                -1100));
        // klines
        c.add(pub("/klines", "symbol=BTCHKD", 400, -1102));
        c.add(pub("/klines", "symbol=BTCHKD&interval=7m", 400, -1120));
        c.add(pub("/klines", "symbol=BTCHKD&interval=", 400, -1102));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&timeZone=%2B08:00", 400, -1130));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&startTime=5&endTime=1", 400, -1128));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&limit=1001", 400, -1130));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&startTime=-1", 400, -1100));
        c.add(pub("/klines", "symbol=BTCHKD&interval=1m&interval=1h", 400, -1101));
        c.add(pub("/uiKlines", "symbol=BTCHKD&interval=1y", 400, -1120));
        // tickers, avgPrice
        c.add(pub("/ticker/24hr", "symbol=BTCHKD&symbols=%5B%22BTCHKD%22%5D", 400, -1128));
        c.add(pub("/ticker/24hr", "symbol=BTCHKD&type=HUGE", 400, -1130));
        c.add(pub("/ticker/24hr", "symbols=%5B%22NOPE%22%5D", 400, -1121));
        c.add(pub("/ticker/24hr", "symbols=%5B%22BTCHKD%22", 400, -1100));
        c.add(pub("/ticker/price", "symbol=NOPE", 400, -1121));
        c.add(pub("/ticker/price", "symbols=%5B1%2C2%5D", 400, -1100));
        c.add(pub("/ticker/price", "symbol=", 400, -1121));
        StringBuilder tooMany = new StringBuilder("symbols=%5B%22S0%22");
        for (int i = 1; i <= 100; i++) {
            tooMany.append("%2C%22S").append(i).append("%22");
        }
        c.add(pub("/ticker/bookTicker", tooMany.append("%5D").toString(), 400, -1100));
        c.add(pub("/ticker/bookTicker", "symbols=%5B%22%E2%82%AC%22%5D", 400, -1100));
        c.add(pub("/avgPrice", "", 400, -1102));
        c.add(pub("/avgPrice", "symbol=BTCHKD&x=1", 400, -1104));
        // account
        c.add(sig("GET", "/account", "foo=bar", 400, -1104));
        c.add(sig("GET", "/account", "omitZeroBalances=true&omitZeroBalances=false", 400, -1101));
        // new order (and the same validation in order/test)
        for (String path : List.of("/order", "/order/test")) {
            c.add(sig("POST", path, ORDER.replace("&side=BUY", ""), 400, -1102));
            c.add(sig("POST", path, ORDER.replace("side=BUY", "side=HOLD"), 400, -1117));
            c.add(sig("POST", path, ORDER.replace("side=BUY", "side=buy"), 400, -1117));
            c.add(sig("POST", path, ORDER.replace("type=LIMIT", "type=STOP"), 400, -1116));
            c.add(sig("POST", path, ORDER.replace("symbol=BTCHKD", "symbol=NOPE"), 400, -1121));
            c.add(sig("POST", path, ORDER.replace("price=500000", "price=-1"), 400, -1100));
            c.add(sig("POST", path, ORDER + "&icebergQty=1", 400, -1104));
        }
        c.add(sig("POST", "/order", ORDER.replace("type=LIMIT", "type=STOP_LOSS_LIMIT") + "&stopPrice=1", 400,
                -1014));
        c.add(sig("POST", "/order", ORDER.replace("timeInForce=GTC", "timeInForce=GTX"), 400, -1115));
        c.add(sig("POST", "/order", ORDER.replace("&timeInForce=GTC", ""), 400, -1102));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=1e5"), 400, -1100));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=0"), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=500005"), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=" + BIG), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=" + "9".repeat(41)), 400, -1100));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price="), 400, -1102));
        c.add(sig("POST", "/order", ORDER.replace("price=500000", "price=500000&price=400000"), 400, -1101));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=0.0001"), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=" + BIG), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=0.000000000000000000000000000001"),
                400, -1013));
        for (String bad : List.of("NaN", "Infinity", "0x10", "1%2C5", "%201", "1.2.3", ".", "-0.01", "%2B1",
                "%EF%BC%91")) {
            c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=" + bad), 400, -1100));
        }
        c.add(sig("POST", "/order", ORDER + "&quoteOrderQty=100", 400, -1106));
        c.add(sig("POST", "/order", MARKET + "&quantity=0.010&price=500000", 400, -1106));
        c.add(sig("POST", "/order", MARKET + "&quantity=0.010&quoteOrderQty=100", 400, -1106));
        c.add(sig("POST", "/order", MARKET.replace("BUY", "SELL") + "&quoteOrderQty=100", 400, -1014));
        c.add(sig("POST", "/order", MARKET, 400, -1102));
        c.add(sig("POST", "/order", MARKET + "&quoteOrderQty=100.001", 400, -1111));
        c.add(sig("POST", "/order", MARKET + "&quoteOrderQty=0", 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("type=LIMIT", "type=LIMIT_MAKER"), 400, -1106));
        c.add(sig("POST", "/order", ORDER + "&newClientOrderId=" + "x".repeat(37), 400, -1100));
        c.add(sig("POST", "/order", ORDER + "&newClientOrderId=a+b", 400, -1100));
        c.add(sig("POST", "/order", ORDER + "&newClientOrderId=%E2%82%AC", 400, -1100));
        c.add(sig("POST", "/order", ORDER + "&newClientOrderId=", 400, -1100));
        c.add(sig("POST", "/order", ORDER + "&newClientOrderId=fx-open", 400, -2010));
        c.add(sig("POST", "/order", ORDER + "&newOrderRespType=XML", 400, -1130));
        c.add(sig("POST", "/order", ORDER + "&selfTradePreventionMode=DECREMENT", 400, -1130));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=100")
                .replace("price=500000", "price=1000000"), 400, -2010));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=0.001")
                .replace("price=500000", "price=10"), 400, -1013));
        c.add(sig("POST", "/order", ORDER.replace("quantity=0.010", "quantity=10000")
                .replace("price=500000", "price=100000000"), 400, -2010));
        // query, cancel and cancel-replace one order
        c.add(sig("GET", "/order", "symbol=BTCHKD", 400, -1102));
        c.add(sig("GET", "/order", "symbol=BTCHKD&orderId=abc", 400, -1100));
        c.add(sig("GET", "/order", "symbol=BTCHKD&orderId=-5", 400, -1102));
        c.add(sig("GET", "/order", "symbol=BTCHKD&orderId=" + BIG, 400, -1100));
        c.add(sig("GET", "/order", "symbol=BTCHKD&orderId=999999999", 400, -2013));
        c.add(sig("GET", "/order", "symbol=BTCHKD&orderId=9999999999999999999", 400, -1100));
        c.add(sig("GET", "/order", "symbol=BTCHKD&origClientOrderId=a%20b", 400, -1100));
        c.add(sig("GET", "/order", "symbol=BTCHKD&origClientOrderId=" + "y".repeat(3000), 400, -1100));
        c.add(protocol("GET /order with a 5 KiB request line", t -> signed.signed("GET", A + "/order",
                "symbol=BTCHKD&origClientOrderId=" + "y".repeat(5000), false), 414));
        c.add(new Case("GET /order of the open order under another symbol",
                t -> signed.signed("GET", A + "/order", "symbol=ETHHKD&orderId=" + openOrderId, false), 400, -2013));
        c.add(sig("DELETE", "/order", "symbol=BTCHKD&orderId=999999999", 400, -2011));
        c.add(sig("DELETE", "/order", "symbol=BTCHKD", 400, -1102));
        c.add(sig("DELETE", "/order", "symbol=BTCHKD&orderId=" + BIG, 400, -1100));
        c.add(sig("DELETE", "/order", "symbol=BTCHKD&origClientOrderId=nope-1", 400, -2011));
        c.add(new Case("DELETE /order of the open order under another symbol",
                t -> signed.signed("DELETE", A + "/order", "symbol=ETHHKD&orderId=" + openOrderId, false), 400,
                -2011));
        c.add(new Case("DELETE /order with orderId and origClientOrderId of different orders",
                t -> signed.signed("DELETE", A + "/order", "symbol=BTCHKD&orderId=999999999&origClientOrderId=fx-open",
                        false), 400, -2011));
        String replace = ORDER.replace("price=500000", "price=400000");
        c.add(sig("POST", "/order/cancelReplace", replace + "&cancelReplaceMode=MAYBE&cancelOrderId=1", 400,
                -1130));
        c.add(sig("POST", "/order/cancelReplace", replace + "&cancelOrderId=1", 400, -1102));
        c.add(sig("POST", "/order/cancelReplace", replace + "&cancelReplaceMode=STOP_ON_FAILURE", 400, -1102));
        c.add(sig("POST", "/order/cancelReplace", replace + "&cancelReplaceMode=STOP_ON_FAILURE"
                + "&cancelOrderId=999999999", 400, -2022));
        c.add(new Case("POST /order/cancelReplace with an invalid new order keeps the old one",
                t -> signed.signed("POST", A + "/order/cancelReplace", ORDER.replace("price=500000", "price=-1")
                        + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrderId=" + openOrderId, true), 400, -1100));
        c.add(new Case("POST /order/cancelReplace with an unaffordable new order keeps the old one",
                t -> signed.signed("POST", A + "/order/cancelReplace", ORDER.replace("quantity=0.010", "quantity=100")
                        .replace("price=500000", "price=1000000") + "&cancelReplaceMode=STOP_ON_FAILURE"
                        + "&cancelOrderId=" + openOrderId + "&newClientOrderId=fx-open", true), 409, -2021));
        // open orders, all orders, own trades
        c.add(sig("GET", "/openOrders", "symbol=NOPE", 400, -1121));
        c.add(sig("GET", "/openOrders", "symbol=BTCHKD&limit=5", 400, -1104));
        c.add(sig("DELETE", "/openOrders", "", 400, -1102));
        c.add(sig("DELETE", "/openOrders", "symbol=NOPE", 400, -1121));
        c.add(sig("DELETE", "/openOrders", "symbol=BTCHKD&symbol=ETHHKD", 400, -1101));
        c.add(sig("GET", "/allOrders", "", 400, -1102));
        c.add(sig("GET", "/allOrders", "symbol=BTCHKD&limit=1001", 400, -1130));
        c.add(sig("GET", "/allOrders", "symbol=BTCHKD&limit=0", 400, -1130));
        c.add(sig("GET", "/allOrders", "symbol=BTCHKD&startTime=-1", 400, -1100));
        c.add(sig("GET", "/allOrders", "symbol=BTCHKD&orderId=" + BIG, 400, -1100));
        c.add(sig("GET", "/myTrades", "symbol=BTCHKD&fromId=-5", 400, -1100));
        c.add(sig("GET", "/myTrades", "symbol=BTCHKD&orderId=x", 400, -1100));
        c.add(sig("GET", "/myTrades", "symbol=BTCHKD&limit=" + BIG, 400, -1100));
        // methods, paths, bodies and content types
        c.add(raw("PUT /order", t -> signed.signed("PUT", A + "/order", ORDER, true), 405, -1100));
        c.add(raw("PATCH /account", t -> signed.signed("PATCH", A + "/account", "", false), 405, -1100));
        c.add(raw("POST /account", t -> signed.signed("POST", A + "/account", "", true), 405, -1100));
        c.add(raw("GET /nothing", t -> signed.publicGet(A + "/nothing", ""), 404, -1100));
        c.add(raw("POST /order with a 70 KiB body", t -> signed.withBody("POST", A + "/order",
                "application/x-www-form-urlencoded", (signed.signedParams(ORDER) + "&pad=" + "p".repeat(70 * 1024))
                        .getBytes(StandardCharsets.US_ASCII)), 413, -1100));
        c.add(raw("POST /order with a 1 MiB body", t -> signed.withBody("POST", A + "/order",
                "application/x-www-form-urlencoded", new byte[1024 * 1024]), 413, -1100));
        c.add(raw("POST /order with a JSON body", t -> signed.withBody("POST", A + "/order", "application/json",
                new JsonObject().put("symbol", "BTCHKD").put("side", "BUY").encode()
                        .getBytes(StandardCharsets.UTF_8)), 400, -1102));
        c.add(raw("POST /order as multipart", t -> signed.withBody("POST", A + "/order",
                "multipart/form-data; boundary=xyz", ("--xyz\r\nContent-Disposition: form-data; name=\"symbol\""
                        + "\r\n\r\nBTCHKD\r\n--xyz--\r\n").getBytes(StandardCharsets.US_ASCII)), 400, -1102));
        c.add(raw("POST /order with invalid UTF-8 in the body", t -> signed.withBody("POST", A + "/order",
                "application/x-www-form-urlencoded", concat(signed.signedParams(ORDER).getBytes(StandardCharsets
                        .US_ASCII), "&newClientOrderId=\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1))), 400,
                -1100));
        c.add(raw("POST /order with random bytes as the body", t -> signed.withBody("POST", A + "/order",
                "application/x-www-form-urlencoded", randomBytes(4096)), 400, null));
        c.add(protocol("GET /ping with a 10 KiB header", t -> http.send("GET", A + "/ping",
                Map.of("X-Padding", "h".repeat(10 * 1024)), null), 431));
        c.add(protocol("a request line that is not HTTP", t -> http.sendBytes(
                "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400));
        c.add(protocol("a request with a negative Content-Length", t -> http.sendBytes(("POST " + A + "/order HTTP/1.1\r\n"
                + "Host: x\r\nContent-Length: -5\r\n\r\n").getBytes(StandardCharsets.US_ASCII)), 400));
        c.add(raw("OPTIONS /order with a form body", t -> signed.withBody("OPTIONS", A + "/order",
                "application/x-www-form-urlencoded", signed.signedParams(ORDER).getBytes(StandardCharsets.US_ASCII)),
                405, -1100));
        c.add(raw("GET /depth with a multipart body", t -> signed.withBody("GET", A + "/depth?symbol=BTCHKD&limit=x",
                "multipart/form-data; boundary=b", "--b--\r\n".getBytes(StandardCharsets.US_ASCII)), 400, -1100));
        c.add(raw("GET /depth with a raw 0xFF byte in the target", t -> http.sendLatin1Target("GET",
                A + "/depth?symbol=BTC\u00ffHKD", Map.of()), 400, null));
        return c.stream();
    }

    static Stream<Case> nativeAndAdminCases() {
        List<Case> c = new ArrayList<>();
        String email = "\"email\":\"t-table@example.com\"";
        String password = "\"password\":\"" + NativeSession.PASSWORD + "\"";
        c.add(nat("POST", "/register", null, "{" + email + "," + password + "}", false, 415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(nat("POST", "/register", "text/plain", "{" + email + "," + password + "}", false, 415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(nat("POST", "/register", "application/json; charset=latin1", "{}", false, 415,
                "UNSUPPORTED_MEDIA_TYPE"));
        c.add(nat("POST", "/register", "application/json", "", false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "{", false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "[]", false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "{} {}", false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "{}", false, 400, "MISSING_FIELD"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":1," + password + "}", false, 400,
                "WRONG_TYPE"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":\"x@example.com\",\"password\":\"short\"}",
                false, 400, "PASSWORD_TOO_SHORT"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":\"not-an-email\"," + password + "}", false,
                400, "INVALID_EMAIL"));
        c.add(nat("POST", "/register", "application/json", "{" + email + "," + password + ",\"admin\":true}", false,
                400, "UNKNOWN_FIELD"));
        c.add(nat("POST", "/register", "application/json", "{" + email + ",\"email\":\"u@example.com\"," + password
                + "}", false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":\"x@example.com\",\"password\":\""
                + "p".repeat(2000) + "\"}", false, 400, "VALUE_TOO_LONG"));
        c.add(nat("POST", "/register", "application/json", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                false, 400, "MALFORMED_JSON"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":\"" + "e".repeat(20_000) + "\"}", false,
                413, "BODY_TOO_LARGE"));
        c.add(nat("POST", "/register", "application/json", "{\"email\":\"" + "e".repeat(70_000) + "\"}", false,
                413, "BODY_TOO_LARGE"));
        c.add(raw("POST /register with invalid UTF-8", t -> http.send("POST", N + "/register",
                Map.of("Content-Type", "application/json"), concat("{\"email\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff, (byte) 0xfe}, ("\"," + password + "}").getBytes(
                                StandardCharsets.UTF_8))), 400, "MALFORMED_JSON"));
        c.add(raw("POST /register of a taken email", t -> http.send("POST", N + "/register",
                Map.of("Content-Type", "application/json"), ("{\"email\":\"" + session.email + "\"," + password
                        + "}").getBytes(StandardCharsets.UTF_8)), 409, "EMAIL_TAKEN"));
        c.add(raw("POST /login with a wrong password", t -> http.send("POST", N + "/login",
                Map.of("Content-Type", "application/json"), ("{\"email\":\"" + session.email
                        + "\",\"password\":\"wrong-password-123\"}").getBytes(StandardCharsets.UTF_8)), 401,
                "INVALID_CREDENTIALS"));
        c.add(nat("GET", "/me", null, null, false, 401, "UNAUTHENTICATED"));
        c.add(raw("GET /me with a forged cookie", t -> http.send("GET", N + "/me",
                Map.of("Cookie", "lantau_session=" + "A".repeat(43)), null), 401, "UNAUTHENTICATED"));
        c.add(raw("GET /me with a 6 KiB cookie", t -> http.send("GET", N + "/me",
                Map.of("Cookie", "lantau_session=" + "%ff".repeat(2000)), null), 401, "UNAUTHENTICATED"));
        c.add(raw("POST /api-keys without the CSRF token", t -> http.send("POST", N + "/api-keys",
                Map.of("Content-Type", "application/json", "Cookie", session.cookie),
                "{\"label\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 403, "CSRF_TOKEN_INVALID"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"\"}", true, 400, "INVALID_VALUE"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"a\\u0000b\"}", true, 400, "INVALID_VALUE"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"" + "l".repeat(65) + "\"}", true, 400,
                "VALUE_TOO_LONG"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"permissions\":{\"read\":false}}", true,
                400, "INVALID_PERMISSIONS"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"permissions\":{\"withdraw\":true}}",
                true, 400, "INVALID_PERMISSIONS"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"permissions\":{\"admin\":true}}",
                true, 400, "UNKNOWN_FIELD"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"permissions\":\"all\"}", true, 400,
                "WRONG_TYPE"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"ipAllowlist\":[\"example.com\"]}",
                true, 400, "INVALID_IP_ALLOWLIST"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"ipAllowlist\":[\"10.0.0.0/33\"]}",
                true, 400, "INVALID_IP_ALLOWLIST"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"ipAllowlist\":[\"\"]}", true, 400,
                "INVALID_IP_ALLOWLIST"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"ipAllowlist\":["
                + "\"10.0.0.1\",".repeat(40) + "\"10.0.0.2\"]}", true, 400, "VALUE_TOO_LONG"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"type\":\"RSA\"}", true, 400,
                "INVALID_VALUE"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"type\":\"ED25519\"}", true, 400,
                "INVALID_PUBLIC_KEY"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"type\":\"ED25519\","
                + "\"publicKey\":\"bm90IGEga2V5\"}", true, 400, "INVALID_PUBLIC_KEY"));
        c.add(nat("POST", "/api-keys", "application/json", "{\"label\":\"x\",\"publicKey\":\"abc\"}", true, 400,
                "INVALID_PUBLIC_KEY"));
        c.add(nat("DELETE", "/api-keys/abc", null, null, true, 404, "API_KEY_NOT_FOUND"));
        c.add(nat("DELETE", "/api-keys/-1", null, null, true, 404, "API_KEY_NOT_FOUND"));
        c.add(nat("DELETE", "/api-keys/99999999999999999999", null, null, true, 404, "API_KEY_NOT_FOUND"));
        c.add(nat("DELETE", "/api-keys/%ff", null, null, true, 404, "API_KEY_NOT_FOUND"));
        c.add(nat("PUT", "/api-keys", "application/json", "{}", true, 405, "METHOD_NOT_ALLOWED"));
        c.add(nat("GET", "/nothing", null, null, true, 404, "NOT_FOUND"));
        c.add(raw("OPTIONS /api-keys with a form body", t -> http.send("OPTIONS", N + "/api-keys",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", session.cookie),
                "a=b".getBytes(StandardCharsets.US_ASCII)), 405, "METHOD_NOT_ALLOWED"));
        c.add(raw("POST /logout without the CSRF token", t -> http.send("POST", N + "/logout",
                Map.of("Cookie", session.cookie), null), 403, "CSRF_TOKEN_INVALID"));
        c.add(nat("POST", "/logout", "application/json", "{\"all\":true}", true, 400, "UNKNOWN_FIELD"));
        // admin
        c.add(adm("/credit", "{", 400, "INVALID_JSON"));
        c.add(adm("/credit", "[1]", 400, "INVALID_JSON"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"-1\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"1e3\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"0\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":10}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"0.001\"}", 400,
                "INVALID_AMOUNT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"" + BIG + "\"}",
                400, "INVALID_AMOUNT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"DOGE\",\"amount\":\"1\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":\"" + id + "\",\"asset\":\"HKD\",\"amount\":\"1\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(id))
                + ",\"asset\":\"HKD\",\"amount\":\"1\"}", 400, "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ".5,\"asset\":\"HKD\",\"amount\":\"1\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + "e0,\"asset\":\"HKD\",\"amount\":\"1\"}", 400,
                "INVALID_ARGUMENT"));
        c.add(adm("/credit", "{\"accountId\":999999999,\"asset\":\"HKD\",\"amount\":\"1\"}", 400, "UNKNOWN_ACCOUNT"));
        c.add(adm("/credit", "{\"accountId\":-1,\"asset\":\"HKD\",\"amount\":\"1\"}", 400, "UNKNOWN_ACCOUNT"));
        c.add(admFor("/credit", id -> "{\"accountId\":" + id + ",\"asset\":\"HKD\",\"amount\":\"1\",\"x\":1}", 400,
                "UNKNOWN_FIELD"));
        c.add(adm("/credit", "{\"email\":\"nobody@example.com\",\"asset\":\"HKD\",\"amount\":\"1\"}", 404,
                "UNKNOWN_USER"));
        c.add(adm("/market-status", "{\"symbol\":\"BTCHKD\",\"status\":\"OPEN\"}", 400, "INVALID_ARGUMENT"));
        c.add(adm("/market-status", "{\"symbol\":\"NOPE\",\"status\":\"HALTED\"}", 400, "INVALID_ARGUMENT"));
        c.add(adm("/market-status", "{\"symbol\":\"BTCHKD\"}", 400, "INVALID_ARGUMENT"));
        c.add(raw("POST admin/credit with a wrong token", t -> http.send("POST", N + "/admin/credit",
                Map.of("Content-Type", "application/json", "X-Lantau-Admin-Token", "x"),
                "{}".getBytes(StandardCharsets.UTF_8)), 401, "ADMIN_TOKEN_INVALID"));
        return c.stream();
    }

    private static Case nat(String method, String path, String contentType, String body, boolean withSession,
            int status, String code) {
        return new Case(method + " " + N + path + " " + (body == null ? "" : abbreviate(body)), t -> {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            if (withSession) {
                headers.put("Cookie", session.cookie);
                headers.put("X-CSRF-Token", session.csrfToken);
            }
            return http.send(method, N + path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }, status, code);
    }

    private static Case adm(String path, String body, int status, String code) {
        return admFor(path, id -> body, status, code);
    }

    private static Case admFor(String path, java.util.function.LongFunction<String> body, int status, String code) {
        return new Case("POST admin" + path + " " + abbreviate(body.apply(0)), t -> http.send("POST",
                N + "/admin" + path, Map.of("Content-Type", "application/json", "X-Lantau-Admin-Token",
                        harness.platform().parts().adminToken),
                body.apply(trader.accountId()).getBytes(StandardCharsets.UTF_8)), status, code);
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------------------------------- the checks

    /** Times past what nanoseconds can hold are valid Binance input: they select nothing. */
    @org.junit.jupiter.api.Test
    void shouldAnswerNothingForHistoryFromBeyondTheYear2262() {
        String far = "startTime=" + (Long.MAX_VALUE / 1_000_000L + 1);
        for (String query : List.of("/api/v3/allOrders?symbol=BTCHKD&" + far, "/api/v3/myTrades?symbol=BTCHKD&" + far)) {
            String path = query.substring(0, query.indexOf('?'));
            RawHttp.Answer a = signed.signed("GET", path, query.substring(query.indexOf('?') + 1), false);
            assertThat(a.status()).as("%s -> %s", query, a).isEqualTo(200);
            assertThat(a.text()).isEqualTo("[]");
        }
        for (String query : List.of("symbol=BTCHKD&" + far, "symbol=BTCHKD&fromId=0&" + far,
                "symbol=BTCHKD&" + far + "&endTime=" + (Long.MAX_VALUE / 1_000_000L + 1_000))) {
            RawHttp.Answer a = signed.publicGet("/api/v3/aggTrades", query);
            assertThat(a.status()).as("aggTrades %s -> %s", query, a).isEqualTo(200);
        }
        RawHttp.Answer k = signed.publicGet("/api/v3/klines", "symbol=BTCHKD&interval=1m&" + far);
        assertThat(k.status()).as("klines -> %s", k).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binanceCases")
    void shouldRejectBadBinanceInputWithItsCodeAndChangeNothing(Case c) {
        run(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nativeAndAdminCases")
    void shouldRejectBadNativeAndAdminInputWithItsCodeAndChangeNothing(Case c) {
        run(c);
    }

    /** The state after the previous case: the next case's state before (saves half the queries). */
    private static AccountState lastState;
    private static String lastKeys;

    private void run(Case c) {
        AccountState before = lastState != null ? lastState : AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
        String keysBefore = lastKeys != null ? lastKeys : session.get("/api-keys").body();
        lastState = null;
        lastKeys = null;
        RawHttp.Answer answer = c.send().apply(this);
        assertThat(answer.status()).as("%s -> %s", c.name(), answer).isEqualTo(c.status());
        JsonObject body = answer.jsonOrNull();
        assertThat(body).as("%s -> JSON body with a code: %s", c.name(), answer).isNotNull();
        if (c.code() != null) {
            assertThat(body.getValue("code")).as("%s -> %s", c.name(), answer).isEqualTo(c.code());
        } else {
            assertThat(body.getValue("code")).as("%s -> %s", c.name(), answer).isNotNull();
        }
        if (c.routed() && c.code() instanceof Integer && answer.status() != 404 && answer.status() != 405
                && answer.status() != 413) {
            assertThat(answer.header(ApiAssertions.WEIGHT)).as("%s weight header", c.name()).isNotNull();
        }
        AccountState after = AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
        if (Integer.valueOf(-2021).equals(c.code())) {
            // A partial cancel-replace (Binance's 409): the cancel happened, nothing else. Put the order back.
            assertThat(after.openOrders()).isEmpty();
            openOrderId = json(ok(trader.client().signed("POST", "/api/v3/order",
                    ORDER + "&newClientOrderId=fx-open"))).getLong("orderId");
        } else {
            assertThat(after).as("%s changed the account", c.name()).isEqualTo(before);
            lastState = after;
        }
        String keysAfter = session.get("/api-keys").body();
        assertThat(keysAfter).as("%s changed the keys", c.name()).isEqualTo(keysBefore);
        lastKeys = keysAfter;
    }
}
