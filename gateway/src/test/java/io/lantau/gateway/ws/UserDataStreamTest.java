package io.lantau.gateway.ws;

import static io.lantau.gateway.ws.GatewayHarness.BTCHKD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.ResultCode;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.PlaceOrder;
import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.auth.IpAllowlist;
import io.lantau.gateway.auth.SignatureVerifier;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket API's user-data streams through a real server, fed by a real core. */
class UserDataStreamTest {
    private static final byte[] SECRET_2 = "secret-of-account-two".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET_3 = "secret-of-account-three".getBytes(StandardCharsets.UTF_8);

    private GatewayHarness platform;
    private KeyPair ed25519;
    private int ids;

    @BeforeEach
    void start() throws Exception {
        platform = new GatewayHarness();
        platform.fundedAccount(2);
        platform.fundedAccount(3);
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        platform.keys.put("key-2", new ApiKey(1, 2, "key-2", ApiKey.KeyType.HMAC_SHA256, SECRET_2, null, true, true,
                false, IpAllowlist.ANY));
        platform.keys.put("key-3", new ApiKey(2, 3, "key-3", ApiKey.KeyType.HMAC_SHA256, SECRET_3, null, true, true,
                false, IpAllowlist.ANY));
        platform.keys.put("ed-2", new ApiKey(3, 2, "ed-2", ApiKey.KeyType.ED25519, null, ed25519.getPublic(), true,
                true, false, IpAllowlist.ANY));
        platform.keys.put("no-read", new ApiKey(4, 3, "no-read", ApiKey.KeyType.HMAC_SHA256, SECRET_3, null, false,
                true, false, IpAllowlist.ANY));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** The WS-API payload as ccxt builds it: the parameters sorted by name, joined without encoding. */
    private static JsonObject hmacSigned(String apiKey, byte[] secret, long timestamp) {
        String payload = "apiKey=" + apiKey + "&recvWindow=10000&timestamp=" + timestamp;
        return new JsonObject().put("apiKey", apiKey).put("recvWindow", 10000).put("timestamp", timestamp)
                .put("signature", SignatureVerifier.hmacHex(secret, payload));
    }

    private JsonObject ed25519Signed(String apiKey, long timestamp) throws Exception {
        String payload = "apiKey=" + apiKey + "&timestamp=" + timestamp;
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(ed25519.getPrivate());
        signer.update(payload.getBytes(StandardCharsets.UTF_8));
        return new JsonObject().put("apiKey", apiKey).put("timestamp", timestamp)
                .put("signature", Base64.getEncoder().encodeToString(signer.sign()));
    }

    private JsonObject call(GatewayHarness.Client c, String method, JsonObject params) {
        JsonObject request = new JsonObject().put("id", String.valueOf(++ids)).put("method", method);
        if (params != null) {
            request.put("params", params);
        }
        return c.request(request);
    }

    private GatewayHarness.Client subscribed(String apiKey, byte[] secret) {
        GatewayHarness.Client c = platform.connect("/ws-api/v3");
        JsonObject reply = call(c, "userDataStream.subscribe.signature",
                hmacSigned(apiKey, secret, System.currentTimeMillis()));
        assertThat(reply.getInteger("status")).as(reply.encode()).isEqualTo(200);
        assertThat(reply.getJsonObject("result").getLong("subscriptionId")).isZero();
        return c;
    }

    private static JsonObject event(GatewayHarness.Client c, String type) {
        return c.next(m -> m.containsKey("event") && type.equals(m.getJsonObject("event").getString("e")), 5_000)
                .getJsonObject("event");
    }

    private static JsonObject report(GatewayHarness.Client c, String executionType) {
        return c.next(m -> m.containsKey("event") && "executionReport".equals(m.getJsonObject("event").getString("e"))
                && executionType.equals(m.getJsonObject("event").getString("x")), 5_000).getJsonObject("event");
    }

    private void place(PlaceOrder order) {
        assertThat(platform.apply(order)).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldStreamOnlyTheKeyOwnersEventsWithBinanceFields() {
        GatewayHarness.Client two = subscribed("key-2", SECRET_2);
        GatewayHarness.Client three = subscribed("key-3", SECRET_3);
        assertThat(platform.gateway.userDataSubscriptions()).isEqualTo(2);

        place(new PlaceOrder(2, BTCHKD, "maker-1", Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 5001, 1500, 0,
                SelfTradePrevention.MARKET_DEFAULT));
        JsonObject made = report(two, "NEW");
        assertThat(made.fieldNames()).contains("e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "X", "x", "i", "z",
                "Z", "n", "N", "T", "O", "C", "l", "L", "t", "w", "m", "Y", "Q", "W", "V", "g", "r", "F");
        assertThat(made.getString("s")).isEqualTo("BTCHKD");
        assertThat(made.getString("c")).isEqualTo("maker-1");
        assertThat(made.getString("S")).isEqualTo("SELL");
        assertThat(made.getString("o")).isEqualTo("LIMIT");
        assertThat(made.getString("f")).isEqualTo("GTC");
        assertThat(made.getString("q")).isEqualTo("1.500");
        assertThat(made.getString("p")).isEqualTo("50010");
        assertThat(made.getString("X")).isEqualTo("NEW");
        assertThat(made.getLong("t")).isEqualTo(-1);
        long makerOrderId = made.getLong("i");
        JsonObject locked = event(two, "outboundAccountPosition");
        assertThat(locked.getJsonArray("B").getJsonObject(0).getString("a")).isEqualTo("BTC");
        assertThat(locked.getJsonArray("B").getJsonObject(0).getString("l")).isEqualTo("1.50000000");

        place(new PlaceOrder(3, BTCHKD, "taker-1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 5001, 1000, 0,
                SelfTradePrevention.MARKET_DEFAULT));
        JsonObject makerFill = report(two, "TRADE");
        assertThat(makerFill.getLong("i")).isEqualTo(makerOrderId);
        assertThat(makerFill.getString("X")).isEqualTo("PARTIALLY_FILLED");
        assertThat(makerFill.getString("l")).isEqualTo("1.000");
        assertThat(makerFill.getString("L")).isEqualTo("50010");
        assertThat(makerFill.getString("z")).isEqualTo("1.000");
        assertThat(makerFill.getString("Z")).isEqualTo("50010.00");
        assertThat(makerFill.getString("N")).isEqualTo("HKD");
        assertThat(makerFill.getString("n")).isEqualTo("50.01"); // 10 bps maker fee
        assertThat(makerFill.getBoolean("m")).isTrue();
        assertThat(makerFill.getLong("t")).isPositive();
        JsonObject takerNew = report(three, "NEW");
        JsonObject takerFill = report(three, "TRADE");
        assertThat(takerFill.getLong("i")).isEqualTo(takerNew.getLong("i")).isNotEqualTo(makerOrderId);
        assertThat(takerFill.getString("X")).isEqualTo("FILLED");
        assertThat(takerFill.getBoolean("m")).isFalse();
        assertThat(takerFill.getString("n")).isEqualTo("100.02"); // 20 bps taker fee
        assertThat(takerFill.getLong("t")).isEqualTo(makerFill.getLong("t"));
        JsonObject position = event(three, "outboundAccountPosition");
        assertThat(position.getJsonArray("B")).hasSize(2);

        place(new PlaceOrder(3, BTCHKD, "ioc-1", Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 4000, 1000, 0,
                SelfTradePrevention.MARKET_DEFAULT));
        JsonObject expired = report(three, "EXPIRED");
        assertThat(expired.getString("X")).isEqualTo("EXPIRED");
        assertThat(expired.getString("f")).isEqualTo("IOC");

        assertThat(platform.apply(new CancelOrder(2, BTCHKD, makerOrderId, null))).isEqualTo(ResultCode.OK);
        JsonObject canceled = report(two, "CANCELED");
        assertThat(canceled.getString("X")).isEqualTo("CANCELED");
        assertThat(canceled.getString("C")).isEqualTo("maker-1");
        assertThat(canceled.getString("z")).isEqualTo("1.000");

        platform.apply(new Deposit(999, 2, 2, 12_345));
        JsonObject deposit = event(two, "balanceUpdate");
        assertThat(deposit.getString("a")).isEqualTo("HKD");
        assertThat(deposit.getString("d")).isEqualTo("123.45");

        // Nothing of the other account ever reached either connection.
        assertThat(orderIds(two)).containsOnly(makerOrderId);
        assertThat(orderIds(three)).containsOnly(takerNew.getLong("i"), expired.getLong("i"));
    }

    @Test
    void shouldLogOnWithEd25519AndSubscribe() throws Exception {
        GatewayHarness.Client c = platform.connect("/ws-api/v3");
        JsonObject status = call(c, "session.status", null).getJsonObject("result");
        assertThat(status.getValue("apiKey")).isNull();
        assertThat(call(c, "userDataStream.subscribe", null).getJsonObject("error").getInteger("code"))
                .isEqualTo(-1002);
        JsonObject logon = call(c, "session.logon", ed25519Signed("ed-2", System.currentTimeMillis()));
        assertThat(logon.getInteger("status")).as(logon.encode()).isEqualTo(200);
        assertThat(logon.getJsonObject("result").getString("apiKey")).isEqualTo("ed-2");
        JsonObject subscribe = call(c, "userDataStream.subscribe", null);
        assertThat(subscribe).isEqualTo(new JsonObject().put("id", String.valueOf(ids)).put("status", 200)
                .put("result", new JsonObject().put("subscriptionId", 0)));
        assertThat(call(c, "userDataStream.subscribe", null).getJsonObject("error").getInteger("code"))
                .isEqualTo(-2035);
        assertThat(call(c, "session.status", null).getJsonObject("result").getBoolean("userDataStream")).isTrue();
        place(PlaceOrder.limit(2, BTCHKD, Side.BUY, 4000, 10));
        JsonObject message = c.next(m -> m.containsKey("event"), 5_000);
        assertThat(message.getLong("subscriptionId")).isZero();
        assertThat(message.getJsonObject("event").getString("x")).isEqualTo("NEW");
        assertThat(call(c, "userDataStream.unsubscribe", null).getInteger("status")).isEqualTo(200);
        assertThat(platform.gateway.userDataSubscriptions()).isZero();
        assertThat(call(c, "session.logout", null).getJsonObject("result").getValue("apiKey")).isNull();
        assertThat(call(c, "ping", null).getJsonObject("result")).isEqualTo(new JsonObject());
        assertThat(call(c, "time", null).getJsonObject("result").getLong("serverTime")).isPositive();
    }

    @Test
    void shouldRefuseBadSignaturesStaleTimestampsAndWrongKeysWithBinanceCodes() throws Exception {
        GatewayHarness.Client c = platform.connect("/ws-api/v3");
        long now = System.currentTimeMillis();
        JsonObject wrong = hmacSigned("key-2", SECRET_3, now);
        assertThat(error(c, "userDataStream.subscribe.signature", wrong)).isEqualTo(-1022);
        assertThat(error(c, "userDataStream.subscribe.signature", hmacSigned("key-2", SECRET_2, now - 60_000)))
                .isEqualTo(-1021);
        assertThat(error(c, "userDataStream.subscribe.signature", hmacSigned("key-2", SECRET_2, now + 5_000)))
                .isEqualTo(-1021);
        assertThat(error(c, "userDataStream.subscribe.signature", hmacSigned("nobody", SECRET_2, now)))
                .isEqualTo(-2015);
        assertThat(error(c, "userDataStream.subscribe.signature", hmacSigned("no-read", SECRET_3, now)))
                .isEqualTo(-2015);
        assertThat(error(c, "userDataStream.subscribe.signature", new JsonObject().put("timestamp", now)))
                .isEqualTo(-1102);
        JsonObject tampered = hmacSigned("key-2", SECRET_2, now).put("recvWindow", 20000);
        assertThat(error(c, "userDataStream.subscribe.signature", tampered)).isEqualTo(-1022);
        assertThat(error(c, "session.logon", hmacSigned("key-2", SECRET_2, now))).isEqualTo(-4056);
        JsonObject once = ed25519Signed("ed-2", now);
        assertThat(call(c, "session.logon", once).getInteger("status")).isEqualTo(200);
        assertThat(error(c, "session.logon", once)).isEqualTo(-1022);
        assertThat(error(c, "no.such.method", null)).isEqualTo(-1100);
        assertThat(platform.gateway.userDataSubscriptions()).isZero();
    }

    private static List<Long> orderIds(GatewayHarness.Client c) {
        List<Long> ids = new ArrayList<>();
        for (String text : c.all) {
            JsonObject m = new JsonObject(text);
            if (m.containsKey("event") && "executionReport".equals(m.getJsonObject("event").getString("e"))) {
                ids.add(m.getJsonObject("event").getLong("i"));
            }
        }
        return ids;
    }

    private int error(GatewayHarness.Client c, String method, JsonObject params) {
        JsonObject reply = call(c, method, params);
        assertThat(reply.getInteger("status")).as(reply.encode()).isBetween(400, 499);
        return reply.getJsonObject("error").getInteger("code");
    }
}
