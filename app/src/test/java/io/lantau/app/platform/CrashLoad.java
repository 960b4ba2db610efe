package io.lantau.app.platform;

import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load of {@link ServeCrashIT}: one thread per user sends signed orders (resting and crossing limit orders, IOC
 * orders, orders that reuse the client order id of one of the user's closed orders) and cancels, and records every
 * answer the server acknowledged. What was not answered (in flight at the kill) is not recorded: it may or may not
 * have happened.
 */
final class CrashLoad {
    /** A market the load trades: symbol, the middle price in ticks, tick and lot as decimals. */
    record Market(String symbol, long midTicks, BigDecimal tick, BigDecimal lot) {
        String price(long ticks) {
            return tick.multiply(BigDecimal.valueOf(ticks)).toPlainString();
        }

        String quantity(long lots) {
            return lot.multiply(BigDecimal.valueOf(lots)).toPlainString();
        }
    }

    static final List<Market> MARKETS = List.of(
            new Market("BTCHKD", 50_000, new BigDecimal("10"), new BigDecimal("0.001")),
            new Market("ETHHKD", 20_000, new BigDecimal("1"), new BigDecimal("0.01")));

    /** A user of the test: core account id, e-mail, and its trading key. */
    record User(int index, long accountId, String email, String apiKey, String secret) {
        BinanceTestClient client(String baseUrl) {
            return new BinanceTestClient(baseUrl, apiKey, secret);
        }
    }

    /** What the server last acknowledged about an order. */
    static final class AckedOrder {
        final User user;
        final String symbol;
        final long orderId;
        final String clientOrderId;
        volatile String status;
        volatile BigDecimal executedQty;
        /** Acknowledged in a round whose GET /order check has not run yet. */
        volatile boolean unchecked = true;

        AckedOrder(User user, String symbol, long orderId, String clientOrderId, String status,
                BigDecimal executedQty) {
            this.user = user;
            this.symbol = symbol;
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.status = status;
            this.executedQty = executedQty;
        }

        boolean terminal() {
            return isTerminal(status);
        }
    }

    /** A fill the server acknowledged to the order's owner. */
    record AckedFill(User user, String symbol, long orderId, long tradeId, BigDecimal qty) {
    }

    final Map<Long, AckedOrder> orders = new ConcurrentHashMap<>();
    final Map<Long, AckedFill> fills = new ConcurrentHashMap<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicInteger clientIds = new AtomicInteger();
    /** Acknowledged requests in the current round. */
    final AtomicInteger roundAcks = new AtomicInteger();
    private volatile boolean killing;
    private volatile boolean stopping;

    static boolean isTerminal(String status) {
        return status.equals("FILLED") || status.equals("CANCELED") || status.equals("EXPIRED")
                || status.equals("EXPIRED_IN_MATCH") || status.equals("REJECTED");
    }

    /** Starts one load thread per user against {@code baseUrl}; they run until {@link #killing()} and a failure. */
    List<Thread> start(List<User> users, String baseUrl, long seed) {
        killing = false;
        stopping = false;
        roundAcks.set(0);
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            Thread t = new Thread(() -> run(user, user.client(baseUrl), new Random(seed * 31 + user.index())),
                    "crash-load-" + user.index());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    /** Called just before the SIGKILL: from now on a failed request ends a thread instead of being an error. */
    void killing() {
        killing = true;
    }

    /** Ends the threads after their current request, for a graceful stop. */
    void stopping() {
        stopping = true;
    }

    private void run(User user, BinanceTestClient client, Random random) {
        List<AckedOrder> open = new ArrayList<>();
        List<AckedOrder> closed = new ArrayList<>();
        Set<String> openClientIds = new HashSet<>();
        try {
            // What is open now, acknowledged or not: a client order id among these is taken.
            BinanceTestClient.Response r = client.signed("GET", "/api/v3/openOrders", "");
            if (r.status() != 200) {
                unexpected.add("user " + user.index() + " openOrders: " + r.status() + " " + r.body());
                return;
            }
            JsonArray list = new JsonArray(r.body());
            Set<Long> openIds = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                openIds.add(list.getJsonObject(i).getLong("orderId"));
                openClientIds.add(list.getJsonObject(i).getString("clientOrderId"));
            }
            for (AckedOrder o : orders.values()) {
                if (o.user == user) {
                    (openIds.contains(o.orderId) ? open : closed).add(o);
                }
            }
        } catch (IllegalStateException e) {
            failed(user, e);
            return;
        }
        while (!stopping) {
            try {
                int action = random.nextInt(100);
                if (action < 25 && !open.isEmpty() || open.size() > 40) {
                    AckedOrder order = open.remove(random.nextInt(open.size()));
                    openClientIds.remove(order.clientOrderId);
                    cancel(client, order, closed);
                } else {
                    Market m = MARKETS.get(random.nextInt(MARKETS.size()));
                    boolean buy = random.nextBoolean();
                    long ticks = m.midTicks() + random.nextInt(11) - 5;
                    long lots = 1 + random.nextInt(20);
                    String tif = action < 40 ? "IOC" : "GTC";
                    String clientOrderId = null;
                    if (action < 32 && !closed.isEmpty()) {
                        clientOrderId = closed.get(random.nextInt(closed.size())).clientOrderId;
                        if (openClientIds.contains(clientOrderId)) {
                            clientOrderId = null;
                        }
                    }
                    if (clientOrderId == null) {
                        clientOrderId = "u" + user.index() + "-" + clientIds.incrementAndGet();
                    }
                    AckedOrder placed = place(client, user, m, buy, ticks, lots, tif, clientOrderId);
                    if (placed != null) {
                        if (placed.terminal()) {
                            closed.add(placed);
                        } else {
                            open.add(placed);
                            openClientIds.add(placed.clientOrderId);
                        }
                    }
                }
            } catch (IllegalStateException e) {
                failed(user, e);
                return;
            }
        }
    }

    private void failed(User user, IllegalStateException e) {
        if (!killing) {
            unexpected.add("user " + user.index() + ": " + e + (e.getCause() == null ? "" : " / " + e.getCause()));
        }
    }

    private AckedOrder place(BinanceTestClient client, User user, Market m, boolean buy, long ticks, long lots,
            String tif, String clientOrderId) {
        BinanceTestClient.Response r = client.signed("POST", "/api/v3/order", "symbol=" + m.symbol()
                + "&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=" + tif + "&price=" + m.price(ticks)
                + "&quantity=" + m.quantity(lots) + "&newClientOrderId=" + clientOrderId + "&newOrderRespType=FULL");
        if (r.status() != 200) {
            unexpected.add("new order " + clientOrderId + ": " + r.status() + " " + r.body());
            return null;
        }
        JsonObject body = new JsonObject(r.body());
        long orderId = body.getLong("orderId");
        AckedOrder acked = new AckedOrder(user, m.symbol(), orderId, body.getString("clientOrderId"),
                body.getString("status"), new BigDecimal(body.getString("executedQty")));
        if (!acked.clientOrderId.equals(clientOrderId)) {
            unexpected.add("order " + orderId + " answered client order id " + acked.clientOrderId + ", sent "
                    + clientOrderId);
        }
        if (orders.putIfAbsent(orderId, acked) != null) {
            unexpected.add("order id " + orderId + " acknowledged twice");
        }
        JsonArray list = body.getJsonArray("fills");
        for (int i = 0; i < list.size(); i++) {
            JsonObject f = list.getJsonObject(i);
            long tradeId = f.getLong("tradeId");
            if (fills.putIfAbsent(tradeId, new AckedFill(user, m.symbol(), orderId, tradeId,
                    new BigDecimal(f.getString("qty")))) != null) {
                unexpected.add("trade id " + tradeId + " acknowledged twice");
            }
        }
        roundAcks.incrementAndGet();
        return acked;
    }

    private void cancel(BinanceTestClient client, AckedOrder order, List<AckedOrder> closed) {
        BinanceTestClient.Response r = client.signed("DELETE", "/api/v3/order", "symbol=" + order.symbol
                + "&orderId=" + order.orderId);
        if (r.status() == 200) {
            JsonObject body = new JsonObject(r.body());
            order.executedQty = new BigDecimal(body.getString("executedQty"));
            order.status = body.getString("status");
            order.unchecked = true;
            if (!order.status.equals("CANCELED")) {
                unexpected.add("cancel of " + order.orderId + " answered " + r.body());
            }
            roundAcks.incrementAndGet();
            closed.add(order);
        } else if (r.body().contains("-2011")) {
            // It filled (or its owner's self-trade prevention expired it) before the cancel.
            closed.add(order);
        } else {
            unexpected.add("cancel of " + order.orderId + ": " + r.status() + " " + r.body());
        }
    }

    /** @return the ids of this user's orders the server acknowledged. */
    Set<Long> orderIdsOf(User user) {
        Set<Long> ids = new HashSet<>();
        orders.values().forEach(o -> {
            if (o.user == user) {
                ids.add(o.orderId);
            }
        });
        return ids;
    }
}
