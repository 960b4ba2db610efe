package io.lantau.gateway.ws;

import static io.lantau.gateway.ws.GatewayHarness.BTCHKD;
import static io.lantau.gateway.ws.GatewayHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.ResultCode;
import io.lantau.core.Side;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.PlaceOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market streams through a real server, fed by a real core: methods, payloads, depth sync, combined streams. */
class MarketStreamsTest {
    private GatewayHarness platform;

    @BeforeEach
    void start() {
        platform = new GatewayHarness();
        platform.fundedAccount(2);
        platform.fundedAccount(3);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private void place(PlaceOrder order) {
        assertThat(platform.apply(order)).isEqualTo(ResultCode.OK);
    }

    private static JsonObject request(String method, Object params, Object id) {
        JsonObject json = new JsonObject().put("method", method).put("id", id);
        if (params != null) {
            json.put("params", params);
        }
        return json;
    }

    @Test
    void shouldAnswerSubscribeUnsubscribeAndListSubscriptions() {
        GatewayHarness.Client c = platform.connect("/ws/0");
        assertThat(c.request(request("SUBSCRIBE", new JsonArray().add("btchkd@trade").add("btchkd@depth@100ms"), 1)))
                .isEqualTo(new JsonObject().putNull("result").put("id", 1));
        assertThat(c.request(request("LIST_SUBSCRIPTIONS", null, 2)))
                .isEqualTo(new JsonObject().put("result", new JsonArray().add("btchkd@trade")
                        .add("btchkd@depth@100ms")).put("id", 2));
        assertThat(platform.gateway.streamSubscriptions()).isEqualTo(2);
        assertThat(c.request(request("UNSUBSCRIBE", new JsonArray().add("btchkd@trade"), 3)))
                .isEqualTo(new JsonObject().putNull("result").put("id", 3));
        assertThat(c.request(request("LIST_SUBSCRIPTIONS", null, "four")).getJsonArray("result"))
                .containsExactly("btchkd@depth@100ms");
        c.close();
        await("the session to go", 5_000, () -> platform.gateway.openSessions() == 0);
        assertThat(platform.gateway.streamSubscriptions()).isZero();
    }

    @Test
    void shouldAnswerErrorsAsBinanceDoes() {
        GatewayHarness.Client c = platform.connect("/ws");
        c.ws.writeTextMessage("{not json").await();
        assertThat(c.next(m -> m.containsKey("error"), 5_000).getJsonObject("error").getInteger("code"))
                .isEqualTo(3);
        JsonObject unknownMethod = c.request(request("SUBSCRIBE_ALL", new JsonArray(), 5));
        assertThat(unknownMethod.getJsonObject("error").getInteger("code")).isEqualTo(2);
        JsonObject badStream = c.request(request("SUBSCRIBE", new JsonArray().add("nope@trade"), 6));
        assertThat(badStream.getJsonObject("error").getInteger("code")).isEqualTo(2);
        assertThat(badStream.getJsonObject("error").getString("msg")).contains("nope@trade");
        assertThat(c.request(request("SUBSCRIBE", new JsonArray().add("btchkd@kline_7m"), 7))
                .getJsonObject("error").getInteger("code")).isEqualTo(2);
        assertThat(c.request(request("SET_PROPERTY", new JsonArray().add("combined").add(true), 8)))
                .isEqualTo(new JsonObject().putNull("result").put("id", 8));
        assertThat(c.request(request("GET_PROPERTY", new JsonArray().add("combined"), 9)).getBoolean("result"))
                .isTrue();
        assertThat(c.request(request("GET_PROPERTY", new JsonArray().add("colour"), 10)).getJsonObject("error")
                .getInteger("code")).isZero();
        assertThat(c.request(request("SET_PROPERTY", new JsonArray().add("combined").add("yes"), 11))
                .getJsonObject("error").getInteger("code")).isEqualTo(1);
        assertThat(c.request(request("LIST_SUBSCRIPTIONS", null, 12)).getJsonArray("result")).isEmpty();
    }

    @Test
    void shouldSendEveryStreamPayloadOnACombinedConnection() {
        String streams = "btchkd@trade/btchkd@aggTrade/btchkd@kline_1m/btchkd@miniTicker/btchkd@ticker"
                + "/btchkd@bookTicker/btchkd@depth@100ms/btchkd@depth/!miniTicker@arr/!ticker@arr";
        GatewayHarness.Client c = platform.connect("/stream?streams=" + streams);
        assertThat(c.request(request("LIST_SUBSCRIPTIONS", null, 1)).getJsonArray("result")).hasSize(10);
        assertThat(c.request(request("SUBSCRIBE", new JsonArray().add("btchkd@depth5@100ms"), 2))
                .getValue("result")).isNull();
        // The partial book stream starts with the current (empty) book.
        JsonObject initial = c.next(m -> "btchkd@depth5@100ms".equals(m.getString("stream")), 5_000);
        assertThat(initial.getJsonObject("data").getJsonArray("bids")).isEmpty();

        place(PlaceOrder.limit(2, BTCHKD, Side.SELL, 5001, 1500));
        place(PlaceOrder.limit(3, BTCHKD, Side.BUY, 5001, 1000));
        long tradeId = platform.marketData.recentTrades(BTCHKD, 1).getFirst().tradeId();

        // Streams interleave (the book ticker moves before the trade, tickers come on the second): collect them.
        Map<String, List<JsonObject>> seen = new HashMap<>();
        Set<String> expected = Set.of("btchkd@trade", "btchkd@aggTrade", "btchkd@kline_1m", "btchkd@miniTicker",
                "btchkd@ticker", "btchkd@bookTicker", "btchkd@depth@100ms", "btchkd@depth5@100ms", "btchkd@depth",
                "!miniTicker@arr", "!ticker@arr");
        while (!seen.keySet().containsAll(expected) || seen.get("btchkd@depth5@100ms").getLast()
                .getJsonArray("asks").isEmpty()) {
            JsonObject m = c.next(x -> true, 5_000);
            Object data = m.getValue("data");
            seen.computeIfAbsent(m.getString("stream"), k -> new ArrayList<>()).add(data instanceof JsonArray array
                    ? new JsonObject().put("array", array) : (JsonObject) data);
        }
        JsonObject trade = first(seen, "btchkd@trade");
        assertThat(trade.getString("e")).isEqualTo("trade");
        assertThat(trade.getString("s")).isEqualTo("BTCHKD");
        assertThat(trade.getLong("t")).isEqualTo(tradeId);
        assertThat(trade.getString("p")).isEqualTo("50010");
        assertThat(trade.getString("q")).isEqualTo("1.000");
        assertThat(trade.getBoolean("m")).isFalse();
        assertThat(trade.fieldNames()).contains("E", "T", "M");

        JsonObject agg = first(seen, "btchkd@aggTrade");
        assertThat(agg.getString("e")).isEqualTo("aggTrade");
        assertThat(agg.getLong("a")).isEqualTo(tradeId);
        assertThat(agg.getLong("f")).isEqualTo(tradeId);
        assertThat(agg.getLong("l")).isEqualTo(tradeId);
        JsonArray restAggs = platform.getArray("/api/v3/aggTrades?symbol=BTCHKD");
        assertThat(restAggs.getJsonObject(restAggs.size() - 1).getLong("a")).isEqualTo(agg.getLong("a"));

        JsonObject kline = first(seen, "btchkd@kline_1m");
        assertThat(kline.getString("e")).isEqualTo("kline");
        JsonObject k = kline.getJsonObject("k");
        assertThat(k.getString("i")).isEqualTo("1m");
        assertThat(k.getString("s")).isEqualTo("BTCHKD");
        assertThat(k.getString("o")).isEqualTo("50010");
        assertThat(k.getString("v")).isEqualTo("1.000");
        assertThat(k.getBoolean("x")).isFalse();
        assertThat(k.getLong("T") - k.getLong("t")).isEqualTo(59_999);

        JsonObject book = first(seen, "btchkd@bookTicker");
        assertThat(book.fieldNames()).containsExactlyInAnyOrder("u", "s", "b", "B", "a", "A");

        JsonObject diff = first(seen, "btchkd@depth@100ms");
        assertThat(diff.getString("e")).isEqualTo("depthUpdate");
        assertThat(diff.fieldNames()).contains("E", "s", "U", "u", "b", "a");
        assertThat(first(seen, "btchkd@depth").getString("e")).isEqualTo("depthUpdate");

        List<JsonObject> partials = seen.get("btchkd@depth5@100ms");
        JsonObject partial = partials.getLast();
        assertThat(partial.getJsonArray("asks").getJsonArray(0)).containsExactly("50010", "0.500");
        assertThat(partial.getLong("lastUpdateId")).isPositive();

        JsonObject mini = first(seen, "btchkd@miniTicker");
        assertThat(mini.getString("e")).isEqualTo("24hrMiniTicker");
        assertThat(mini.getString("c")).isEqualTo("50010");
        assertThat(mini.fieldNames()).contains("E", "s", "o", "h", "l", "v", "q");

        JsonObject ticker = first(seen, "btchkd@ticker");
        assertThat(ticker.getString("e")).isEqualTo("24hrTicker");
        assertThat(ticker.fieldNames()).contains("p", "P", "w", "x", "c", "Q", "b", "B", "a", "A", "o", "h", "l",
                "v", "q", "O", "C", "F", "L", "n");
        assertThat(ticker.getLong("n")).isEqualTo(1);

        JsonArray all = seen.get("!miniTicker@arr").getFirst().getJsonArray("array");
        assertThat(all.getJsonObject(0).getString("s")).isEqualTo("BTCHKD");
        assertThat(seen.get("!ticker@arr").getFirst().getJsonArray("array")).isNotEmpty();
    }

    private static JsonObject first(Map<String, List<JsonObject>> seen, String stream) {
        return seen.get(stream).getFirst();
    }

    @Test
    void shouldSubscribeToTheStreamNamedInARawPath() {
        GatewayHarness.Client c = platform.connect("/ws/btchkd@trade");
        assertThat(c.request(request("LIST_SUBSCRIPTIONS", null, 1)).getJsonArray("result"))
                .containsExactly("btchkd@trade");
        place(PlaceOrder.limit(2, BTCHKD, Side.SELL, 5001, 1500));
        place(PlaceOrder.limit(3, BTCHKD, Side.BUY, 5001, 1000));
        JsonObject trade = c.next(m -> "trade".equals(m.getString("e")), 5_000);
        assertThat(trade.containsKey("stream")).isFalse();
        GatewayHarness.Client bad;
        try {
            bad = platform.connect("/ws/btchkd@nothing");
        } catch (IllegalStateException closedAtOnce) {
            bad = null; // closed before the client could set its handlers
        }
        if (bad != null) {
            GatewayHarness.Client refused = bad;
            await("an invalid stream path to be closed", 5_000, () -> refused.closed);
            assertThat(refused.closeStatus).isEqualTo((short) 1008);
        }
        assertThat(platform.gateway.refusedConnections()).isEqualTo(1);
    }

    /**
     * ccxt's watchOrderBook: subscribe, take the REST snapshot after the reply, drop buffered diffs up to its
     * lastUpdateId, then require U <= lastUpdateId + 1 <= u for the first diff and U == previous u + 1 after it
     * (else ChecksumError), across many commands that change the book while all this happens.
     */
    @Test
    void shouldKeepRestSnapshotAndDiffStreamOneGapFreeSequence() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commands = new AtomicInteger();
        Thread feeder = Thread.ofPlatform().name("feeder").start(() -> {
            Random random = new Random(42);
            while (!stop.get()) {
                int n = commands.incrementAndGet();
                long account = 2 + random.nextInt(2);
                if (n % 97 == 0) {
                    platform.apply(new CancelAllOrders(account, BTCHKD));
                } else {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    long price = 4990 + random.nextInt(21);
                    platform.apply(PlaceOrder.limit(account, BTCHKD, side, price, 1 + random.nextInt(50)));
                }
            }
        });
        try {
            await("the book to move", 5_000, () -> commands.get() > 100);
            GatewayHarness.Client c = platform.connect("/ws/1");
            assertThat(c.request(request("SUBSCRIBE", new JsonArray().add("btchkd@depth@100ms"), 1))
                    .getValue("result")).isNull();
            JsonObject snapshot = platform.getObject("/api/v3/depth?symbol=BTCHKD&limit=5000");
            long nonce = snapshot.getLong("lastUpdateId");
            Book book = new Book(snapshot);
            boolean first = true;
            int applied = 0;
            long finalId = -1;
            while (finalId < 0 || nonce < finalId) {
                JsonObject diff = c.next(m -> "depthUpdate".equals(m.getString("e")), 10_000);
                long from = diff.getLong("U");
                long to = diff.getLong("u");
                if (to <= nonce) {
                    continue;
                }
                if (first) {
                    assertThat(from).as("first diff %d..%d after snapshot %d", from, to, nonce)
                            .isLessThanOrEqualTo(nonce + 1);
                    first = false;
                } else {
                    assertThat(from).as("diff %d..%d after %d", from, to, nonce).isEqualTo(nonce + 1);
                }
                book.apply(diff);
                nonce = to;
                if (++applied == 20) {
                    stop.set(true);
                    feeder.join();
                    finalId = platform.marketData.depth(BTCHKD, 1).lastUpdateId();
                }
            }
            assertThat(nonce).isEqualTo(finalId);
            assertThat(commands.get()).isGreaterThan(1_000);
            assertThat(book).isEqualTo(new Book(platform.getObject("/api/v3/depth?symbol=BTCHKD&limit=5000")));
        } finally {
            stop.set(true);
            feeder.join();
        }
    }

    /** A client's copy of a book: price to quantity per side, as decimals. */
    private record Book(TreeMap<BigDecimal, BigDecimal> bids, TreeMap<BigDecimal, BigDecimal> asks) {
        Book(JsonObject snapshot) {
            this(new TreeMap<>(Comparator.reverseOrder()), new TreeMap<>());
            put(bids, snapshot.getJsonArray("bids"));
            put(asks, snapshot.getJsonArray("asks"));
        }

        void apply(JsonObject diff) {
            put(bids, diff.getJsonArray("b"));
            put(asks, diff.getJsonArray("a"));
        }

        private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonArray levels) {
            for (int i = 0; i < levels.size(); i++) {
                BigDecimal price = new BigDecimal(levels.getJsonArray(i).getString(0));
                BigDecimal quantity = new BigDecimal(levels.getJsonArray(i).getString(1));
                if (quantity.signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, quantity);
                }
            }
        }
    }

    @Test
    void shouldCloseAConnectionThatSendsTooManyMessages() {
        platform.close();
        platform = new GatewayHarness(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(10));
        GatewayHarness.Client c = platform.connect("/ws/0");
        for (int i = 0; i < 6 && !c.closed; i++) {
            c.ws.writeTextMessage(request("LIST_SUBSCRIPTIONS", null, i).encode());
        }
        await("the connection to be closed", 5_000, () -> c.closed);
        assertThat(c.closeStatus).isEqualTo((short) 1008);
        assertThat(c.drain()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void shouldRefuseConnectionsBeyondThePerAddressLimit() {
        platform.close();
        platform = new GatewayHarness(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(2));
        GatewayHarness.Client one = platform.connect("/ws/0");
        GatewayHarness.Client two = platform.connect("/ws-api/v3");
        GatewayHarness.Client three = platform.connect("/ws/2");
        await("the third connection to be closed", 5_000, () -> three.closed);
        assertThat(three.closeStatus).isEqualTo((short) 1008);
        assertThat(one.closed || two.closed).isFalse();
        assertThat(platform.gateway.refusedConnections()).isEqualTo(1);
        one.close();
        await("the first to go", 5_000, () -> platform.gateway.openSessions() == 1);
        GatewayHarness.Client four = platform.connect("/ws/3");
        assertThat(four.request(request("LIST_SUBSCRIPTIONS", null, 1)).getJsonArray("result")).isEmpty();
    }

    @Test
    void shouldCloseAConnectionThatNeverAnswersPings() {
        platform.close();
        // Pings are never due, so no pong ever comes: the pong timeout closes the connection.
        platform = new GatewayHarness(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(10)
                .withPing(3_600_000, 200));
        GatewayHarness.Client c = platform.connect("/ws/0");
        await("the silent connection to be closed", 5_000, () -> c.closed);
        assertThat(c.closeStatus).isEqualTo((short) 1008);
    }

    @Test
    void shouldKeepAConnectionThatAnswersPings() {
        platform.close();
        platform = new GatewayHarness(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(10).withPing(20, 150));
        GatewayHarness.Client c = platform.connect("/ws/0");
        AtomicInteger pings = new AtomicInteger();
        c.ws.frameHandler(frame -> {
            if (frame.isPing()) {
                pings.incrementAndGet();
            }
        });
        await("twenty pings (longer than the pong timeout)", 10_000, () -> pings.get() >= 20 || c.closed);
        assertThat(c.closed).isFalse();
    }

    @Test
    void shouldDeliverEveryTradeToAThousandSubscribers() {
        int subscribers = 1_000;
        int trades = 2_000;
        Map<Integer, AtomicInteger> received = new HashMap<>();
        AtomicInteger subscribed = new AtomicInteger();
        for (int i = 0; i < subscribers; i++) {
            AtomicInteger count = new AtomicInteger();
            received.put(i, count);
            GatewayHarness.Client c = platform.connect("/ws/" + i);
            c.ws.textMessageHandler(text -> {
                if (text.startsWith("{\"e\":\"trade\"")) {
                    count.incrementAndGet();
                } else if (text.contains("\"result\":null")) {
                    subscribed.incrementAndGet();
                }
            });
            c.ws.writeTextMessage(request("SUBSCRIBE", new JsonArray().add("btchkd@trade"), 1).encode());
        }
        await("every subscription", 30_000, () -> subscribed.get() == subscribers);
        assertThat(platform.gateway.openSessions()).isEqualTo(subscribers);
        place(PlaceOrder.limit(2, BTCHKD, Side.SELL, 5000, 1_000_000));
        long start = System.nanoTime();
        for (int i = 0; i < trades; i++) {
            place(PlaceOrder.market(3, BTCHKD, Side.BUY, 1));
        }
        long applied = System.nanoTime();
        await("every trade at every subscriber", 120_000,
                () -> received.values().stream().allMatch(n -> n.get() >= trades));
        long done = System.nanoTime();
        assertThat(received.values()).allMatch(n -> n.get() == trades);
        assertThat(platform.gateway.droppedSlowConsumers()).isZero();
        System.out.printf("fan-out: %d subscribers x %d trades = %d messages; commands applied in %d ms, "
                + "all delivered after %d ms (%.0f messages/s); %d encodings%n", subscribers, trades,
                (long) subscribers * trades, TimeUnit.NANOSECONDS.toMillis(applied - start),
                TimeUnit.NANOSECONDS.toMillis(done - start),
                (double) subscribers * trades / ((done - start) / 1e9), platform.gateway.publishedMessages());
    }

    @Test
    void shouldDropASlowConsumerAndKeepServingTheOthers() {
        platform.close();
        platform = new GatewayHarness(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(10).withMaxIncomingPerSecond(50)
                .withWriteQueueMaxBytes(8 * 1024));
        GatewayHarness.Client slow = platform.connect("/ws/slow");
        GatewayHarness.Client fast = platform.connect("/ws/fast");
        assertThat(slow.request(request("SUBSCRIBE", new JsonArray().add("btchkd@trade"), 1)).getValue("result"))
                .isNull();
        assertThat(fast.request(request("SUBSCRIBE", new JsonArray().add("btchkd@trade"), 1)).getValue("result"))
                .isNull();
        slow.ws.pause();
        AtomicInteger fastCount = new AtomicInteger();
        fast.ws.textMessageHandler(text -> fastCount.incrementAndGet());
        long tradeId = 0;
        while (platform.gateway.droppedSlowConsumers() == 0 && tradeId < 5_000_000) {
            for (int i = 0; i < 1_000; i++) {
                platform.gateway.marketDataListener().onTrade(new io.lantau.store.market.Trade(BTCHKD, ++tradeId,
                        5000, 1, 50_000, System.currentTimeMillis(), false));
            }
            long sent = tradeId;
            await("the fast consumer to keep up", 60_000,
                    () -> fastCount.get() >= sent || platform.gateway.droppedSlowConsumers() > 0);
        }
        assertThat(platform.gateway.droppedSlowConsumers()).isEqualTo(1);
        await("the slow session to be gone", 5_000, () -> platform.gateway.openSessions() == 1);
        long sent = tradeId;
        await("the fast consumer to get everything", 60_000, () -> fastCount.get() >= sent);
        assertThat(fast.closed).isFalse();
    }
}
