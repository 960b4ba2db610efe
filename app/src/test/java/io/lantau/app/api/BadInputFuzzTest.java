package io.lantau.app.api;

import static io.lantau.app.api.ApiAssertions.json;
import static io.lantau.app.api.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.limits.RateLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzzer over every endpoint: it takes a valid request and mutates it (drops, repeats and garbles
 * parameters; random bytes, invalid UTF-8, 10^30, negative and empty values, long strings; wrong methods, bodies over
 * 64 KiB, wrong content types; JSON garbage to the native API) and checks every answer: never a 5xx; a 4xx carries a
 * JSON code; the caller's balances, open orders and order history are unchanged unless the mutated request happened
 * to be valid and answered 2xx (then the fixture is put back); the server keeps answering.
 *
 * <p>The seed is fixed so that the run is repeatable; {@code -Dlantau.fuzz.seed=N} tries another, and
 * {@code -Dlantau.fuzz.cases=N} changes how many cases run. A failure names the seed and the case number.
 */
class BadInputFuzzTest {
    private static final long SEED = Long.getLong("lantau.fuzz.seed", 20261129L);
    private static final int CASES = Integer.getInteger("lantau.fuzz.cases", 600);
    private static final String ORDER = "symbol=BTCHKD&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010"
            + "&price=500000";
    private static final String[] METHODS = {"GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "BREW"};

    @TempDir
    static Path dataDir;
    static PlatformHarness harness;
    static Trader trader;
    static RawHttp http;
    static SignedRaw signed;
    static NativeSession session;
    static long openOrderId;

    /** A valid request to mutate. */
    record Template(String method, String path, boolean signed, Supplier<String> params) {
    }

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dataDir, PlatformHarness.openDefaults().withRateLimits(RateLimits.UNLIMITED));
        trader = harness.trader();
        harness.deposit(trader.accountId(), StandardMarkets.HKD.assetId(), 100_000_000L);
        harness.deposit(trader.accountId(), StandardMarkets.BTC.assetId(), 100_000_000L);
        http = new RawHttp(harness.platform().port());
        signed = new SignedRaw(http, trader);
        session = NativeSession.registerAndLogin(harness.baseUrl());
        restoreFixture();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** No open orders but {@code fx-open}, a BTCHKD bid. */
    private static void restoreFixture() {
        ok(trader.client().signed("DELETE", "/api/v3/openOrders", "symbol=BTCHKD"));
        ok(trader.client().signed("DELETE", "/api/v3/openOrders", "symbol=ETHHKD"));
        openOrderId = json(ok(trader.client().signed("POST", "/api/v3/order", ORDER + "&newClientOrderId=fx-open")))
                .getLong("orderId");
    }

    private static List<Template> binanceTemplates() {
        List<Template> t = new ArrayList<>();
        t.add(new Template("GET", "/ping", false, () -> ""));
        t.add(new Template("GET", "/time", false, () -> ""));
        t.add(new Template("GET", "/exchangeInfo", false, () -> "symbols=%5B%22BTCHKD%22%2C%22ETHHKD%22%5D"));
        t.add(new Template("GET", "/depth", false, () -> "symbol=BTCHKD&limit=10"));
        t.add(new Template("GET", "/trades", false, () -> "symbol=BTCHKD&limit=5"));
        t.add(new Template("GET", "/historicalTrades", false, () -> "symbol=BTCHKD&limit=5&fromId=1"));
        t.add(new Template("GET", "/aggTrades", false, () -> "symbol=BTCHKD&limit=5&startTime=1000&endTime=2000"));
        t.add(new Template("GET", "/klines", false, () -> "symbol=BTCHKD&interval=1m&limit=5&startTime=0"));
        t.add(new Template("GET", "/ticker/24hr", false, () -> "symbol=BTCHKD&type=MINI"));
        t.add(new Template("GET", "/ticker/price", false, () -> "symbols=%5B%22BTCHKD%22%2C%22ETHHKD%22%5D"));
        t.add(new Template("GET", "/ticker/bookTicker", false, () -> "symbol=BTCHKD"));
        t.add(new Template("GET", "/avgPrice", false, () -> "symbol=BTCHKD"));
        t.add(new Template("GET", "/account", true, () -> "omitZeroBalances=true"));
        t.add(new Template("POST", "/order", true, () -> ORDER.replace("price=500000", "price=400000")
                + "&newClientOrderId=fz-1&newOrderRespType=ACK"));
        t.add(new Template("POST", "/order", true, () -> "symbol=BTCHKD&side=SELL&type=MARKET&quantity=0.010"));
        t.add(new Template("POST", "/order/test", true, () -> ORDER + "&selfTradePreventionMode=EXPIRE_BOTH"));
        t.add(new Template("GET", "/order", true, () -> "symbol=BTCHKD&orderId=" + openOrderId));
        t.add(new Template("GET", "/order", true, () -> "symbol=BTCHKD&origClientOrderId=fx-open"));
        t.add(new Template("DELETE", "/order", true, () -> "symbol=BTCHKD&orderId=" + openOrderId));
        t.add(new Template("DELETE", "/order", true, () -> "symbol=BTCHKD&origClientOrderId=fx-open"));
        t.add(new Template("POST", "/order/cancelReplace", true, () -> ORDER.replace("price=500000", "price=400000")
                + "&cancelReplaceMode=STOP_ON_FAILURE&cancelOrderId=" + openOrderId));
        t.add(new Template("GET", "/openOrders", true, () -> "symbol=BTCHKD"));
        t.add(new Template("DELETE", "/openOrders", true, () -> "symbol=ETHHKD"));
        t.add(new Template("GET", "/allOrders", true, () -> "symbol=BTCHKD&limit=5&startTime=1"));
        t.add(new Template("GET", "/myTrades", true, () -> "symbol=BTCHKD&limit=5&fromId=0"));
        return t;
    }

    // ----------------------------------------------------------------------------------------------- mutations

    private static String randomPercentBytes(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) r.nextInt(256)));
        }
        return sb.toString();
    }

    private static String oddValue(Random r) {
        return switch (r.nextInt(18)) {
            case 0 -> "1" + "0".repeat(30);
            case 1 -> "-1";
            case 2 -> "-" + Long.MAX_VALUE;
            case 3 -> "";
            case 4 -> "x".repeat(2000 + r.nextInt(3000));
            case 5 -> randomPercentBytes(r, 1 + r.nextInt(40));
            case 6 -> List.of("%ff%fe", "%c0%80", "%ed%a0%80", "%f4%90%80%80", "%e2%82", "%")
                    .get(r.nextInt(6));
            case 7 -> List.of("1e3", "0x10", ".5", "5.", "00001", "1.000000000000000000000001", "NaN", "Infinity",
                    "+1", "1_000", "1%2C5", "%201").get(r.nextInt(12));
            case 8 -> Long.toString(r.nextLong());
            case 9 -> Long.toString(Long.MAX_VALUE);
            case 10 -> "9".repeat(19 + r.nextInt(3));
            case 11 -> List.of("BTCHKD", "ETHHKD", "btchkd", "BTC-HKD", "NOPE").get(r.nextInt(5));
            case 12 -> List.of("BUY", "SELL", "LIMIT", "MARKET", "GTC", "IOC", "FOK", "LIMIT_MAKER", "ACK", "FULL",
                    "STOP_ON_FAILURE", "ALLOW_FAILURE", "1m", "MINI", "true").get(r.nextInt(15));
            case 13 -> "%5B%22BTCHKD%22" + "%2C%22ETHHKD%22".repeat(r.nextInt(3)) + (r.nextBoolean() ? "%5D" : "");
            case 14 -> "%00";
            case 15 -> "a&b=c";
            case 16 -> Integer.toString(r.nextInt(2000) - 100);
            default -> "0";
        };
    }

    private static List<String[]> pairs(String params) {
        List<String[]> list = new ArrayList<>();
        if (!params.isEmpty()) {
            for (String p : params.split("&")) {
                int eq = p.indexOf('=');
                list.add(eq < 0 ? new String[] {p, null} : new String[] {p.substring(0, eq), p.substring(eq + 1)});
            }
        }
        return list;
    }

    private static String join(List<String[]> pairs) {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(p[0]);
            if (p[1] != null) {
                sb.append('=').append(p[1]);
            }
        }
        return sb.toString();
    }

    private static String mutateParams(Random r, String params) {
        List<String[]> p = pairs(params);
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int i = p.isEmpty() ? -1 : r.nextInt(p.size());
            switch (r.nextInt(7)) {
                case 0 -> {
                    if (i >= 0) {
                        p.remove(i);
                    }
                }
                case 1 -> {
                    if (i >= 0) {
                        p.add(r.nextInt(p.size() + 1), new String[] {p.get(i)[0], r.nextBoolean() ? p.get(i)[1]
                                : oddValue(r)});
                    }
                }
                case 2, 3, 4 -> {
                    if (i >= 0) {
                        p.get(i)[1] = oddValue(r);
                    }
                }
                case 5 -> p.add(r.nextInt(p.size() + 1), new String[] {r.nextBoolean() ? "junk" + r.nextInt(9)
                        : randomPercentBytes(r, 3), oddValue(r)});
                default -> {
                    if (i >= 0) {
                        p.get(i)[0] = r.nextBoolean() ? p.get(i)[0].toUpperCase() : randomPercentBytes(r, 2);
                    }
                }
            }
        }
        return join(p);
    }

    /** What the last case sent, for failure messages. */
    private static String sent;

    private RawHttp.Answer sendBinance(Random r, Template t) {
        String path = "/api/v3" + t.path();
        int shape = r.nextInt(20);
        String params = mutateParams(r, t.params().get());
        String method = shape == 0 ? METHODS[r.nextInt(METHODS.length)] : t.method();
        sent = method + " " + path + " shape " + shape + " " + (params.length() > 300 ? params.substring(0, 300)
                : params);
        if (shape == 1) {
            String body = signed.signedParams(params) + "&pad=" + "p".repeat(64 * 1024 + r.nextInt(4096));
            return signed.withBody("POST", path, "application/x-www-form-urlencoded",
                    body.getBytes(StandardCharsets.US_ASCII));
        }
        if (shape == 2) {
            JsonObject json = new JsonObject();
            pairs(params).forEach(kv -> json.put(kv[0], kv[1]));
            return signed.withBody(t.method(), path, r.nextBoolean() ? "application/json" : "text/plain",
                    json.encode().getBytes(StandardCharsets.UTF_8));
        }
        if (shape == 3) {
            byte[] garbage = new byte[r.nextInt(2048)];
            r.nextBytes(garbage);
            return signed.withBody(method, path + "?" + signed.signedParams(params), null, garbage);
        }
        if (shape == 4 && t.signed()) {
            // Signed, then tampered with.
            String all = signed.signedParams(t.params().get());
            return signed.withBody(method, path + "?" + mutateParams(r, all), null, null);
        }
        if (!t.signed()) {
            return http.send(method, path + (params.isEmpty() ? "" : "?" + params), Map.of(), null);
        }
        boolean inBody = method.equals("POST") && r.nextInt(4) != 0;
        return signed.signed(method, path, params, inBody);
    }

    private static String jsonGarbage(Random r) {
        String valid = "{\"email\":\"f-" + r.nextInt(1_000_000) + "@example.com\",\"password\":\""
                + NativeSession.PASSWORD + "\",\"label\":\"l\"}";
        return switch (r.nextInt(14)) {
            case 0 -> valid.substring(0, r.nextInt(valid.length()));
            case 1 -> "[" + valid + "]";
            case 2 -> valid.replace("\"l\"", Integer.toString(r.nextInt()));
            case 3 -> valid.replace("}", ",\"x\":" + "[".repeat(r.nextInt(3000)) + "]".repeat(r.nextInt(3000)) + "}");
            case 4 -> valid.replace("\"l\"", "\"" + "l".repeat(r.nextInt(30_000)) + "\"");
            case 5 -> valid.replace("\"label\"", "\"label\":null,\"label\"");
            case 6 -> valid.replace("\"l\"", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}");
            case 7 -> "null";
            case 8 -> "\"" + valid + "\"";
            case 9 -> valid.replace("\"l\"", "\"\\ud800\"");
            case 10 -> valid.replace("\"l\"", "1e999999");
            case 11 -> valid.replace(",", r.nextBoolean() ? ",," : ":");
            case 12 -> valid.replace("\"l\"", "\"" + "\\u0000".repeat(10) + "\"");
            default -> valid;
        };
    }

    private RawHttp.Answer sendNative(Random r) {
        String[] paths = {"/register", "/login", "/me", "/api-keys", "/api-keys/" + r.nextInt(1000),
            "/api-keys/" + oddValue(r), "/logout", "/admin/credit", "/admin/market-status", "/" + oddValue(r)};
        String path = NativeSession.PREFIX + paths[r.nextInt(paths.length)];
        if (path.endsWith("/logout") && r.nextBoolean()) {
            path += "x"; // a valid sign-out would end the fuzzer's session
        }
        String method = r.nextInt(4) == 0 ? METHODS[r.nextInt(METHODS.length)] : r.nextBoolean() ? "POST" : "GET";
        if (path.endsWith("/logout")) {
            method = "POST";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json", "application/json; charset=utf-8", "text/plain",
                "application/x-www-form-urlencoded", "application/json; charset=latin1").get(r.nextInt(5)));
        if (r.nextInt(3) != 0) {
            headers.put("Cookie", r.nextInt(5) == 0 ? "lantau_session=" + oddValue(r) : session.cookie);
            // Without a valid CSRF token a sign-out changes nothing.
            headers.put("X-CSRF-Token", path.endsWith("/logout") || r.nextInt(4) == 0 ? oddValue(r)
                    : session.csrfToken);
        }
        if (path.contains("/admin/") && r.nextBoolean()) {
            headers.put("X-Lantau-Admin-Token", r.nextBoolean() ? harness.platform().parts().adminToken
                    : oddValue(r));
        }
        sent = method + " " + path + " " + headers;
        byte[] body;
        if (r.nextInt(6) == 0) {
            body = new byte[r.nextInt(r.nextBoolean() ? 2048 : 70_000)];
            r.nextBytes(body);
        } else {
            body = jsonGarbage(r).getBytes(StandardCharsets.UTF_8);
        }
        return http.send(method, path.replace(" ", "%20"), headers, method.equals("GET") ? null : body);
    }

    // ------------------------------------------------------------------------------------------------ the run

    @Test
    void shouldAnswerEveryMutatedRequestWithA4xxCodeOrAValid2xxAndNeverChangeStateOnRefusal() {
        Random r = new Random(SEED);
        List<Template> templates = binanceTemplates();
        AccountState state = AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
        String keys = session.get("/api-keys").body();
        int refused = 0;
        int accepted = 0;
        for (int n = 0; n < CASES; n++) {
            boolean binance = r.nextInt(5) != 0;
            Template t = templates.get(r.nextInt(templates.size()));
            RawHttp.Answer a = binance ? sendBinance(r, t) : sendNative(r);
            String what = "seed " + SEED + " case " + n + " (" + sent + ")";
            assertThat(a.status()).as("%s -> %s", what, a).isLessThan(500).isGreaterThanOrEqualTo(200);
            boolean changesState = binance && t.signed() && !t.method().equals("GET") && !t.path().equals(
                    "/order/test");
            if (a.status() >= 400) {
                refused++;
                if (sent.startsWith("HEAD ")) {
                    continue; // an answer to HEAD has no body; the state is checked after the next case
                }
                JsonObject body = a.jsonOrNull();
                assertThat(body).as("%s -> JSON error: %s", what, a).isNotNull();
                assertThat(body.getValue("code")).as("%s -> code: %s", what, a).isNotNull();
                if (binance && a.status() != 409) {
                    assertThat(body.getValue("code")).as("%s -> Binance code: %s", what, a).isInstanceOf(Integer.class);
                }
            } else {
                accepted++;
            }
            AccountState after = AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
            String keysAfter = session.get("/api-keys").body();
            boolean validChange = a.status() < 300 || a.status() == 409;
            if (validChange && (changesState || !binance)) {
                // A mutation that stayed valid did what it says: put the fixture back and carry on from there.
                if (!after.equals(state)) {
                    restoreFixture();
                    after = AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
                }
                if (!binance && !keysAfter.equals(keys)) {
                    assertThat(a.status()).as("%s changed the keys: %s", what, a).isBetween(200, 299);
                }
                if (!binance) {
                    assertThat(after).as("%s changed the account: %s", what, a).isEqualTo(state);
                }
            } else {
                assertThat(after).as("%s changed the account: %s", what, a).isEqualTo(state);
                assertThat(keysAfter).as("%s changed the keys: %s", what, a).isEqualTo(keys);
            }
            state = after;
            keys = keysAfter;
            if (new JsonArray(state.openOrders().encode()).size() != 1) {
                restoreFixture();
                state = AccountState.of(trader.client(), "BTCHKD", "ETHHKD");
            }
        }
        assertThat(ok(trader.client().signed("GET", "/api/v3/account", "")).status()).isEqualTo(200);
        System.out.printf("BadInputFuzzTest: seed %d, %d cases, %d refused, %d accepted%n", SEED, CASES, refused,
                accepted);
        assertThat(refused).as("most mutations are refused").isGreaterThan(CASES / 2);
    }
}
