package io.lantau.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.CrashLoad.AckedFill;
import io.lantau.app.platform.CrashLoad.AckedOrder;
import io.lantau.app.platform.CrashLoad.Market;
import io.lantau.app.platform.CrashLoad.User;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.journal.Recovery;
import io.lantau.journal.ReplayReport;
import io.lantau.journal.ReplayVerifier;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's acceptance: {@code kill -9} of {@code lantau serve} under load, then a restart: every acknowledged order
 * and every balance is there, and history and candles have no gap or duplicate.
 *
 * <p>Runs {@code lantau serve} as a child JVM, makes users with keys and demo funds the way {@code lantau admin} does,
 * then, round after round, loads it with signed orders and cancels from one thread per user, SIGKILLs it at a seeded
 * random moment, recovers a copy of the journal in this JVM (the core's truth), restarts the server on the same
 * directory and checks it against what was acknowledged and against the recovered core. The last round ends with a
 * graceful stop instead, which must leave a journal with no torn tail. Set {@code -Dservecrash.seed} and
 * {@code -Dservecrash.kills} to explore.
 */
class ServeCrashIT {
    private static final long SEED = Long.getLong("servecrash.seed", 20_260_303L);
    private static final int KILLS = Integer.getInteger("servecrash.kills", 6);
    private static final int USERS = 4;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final CoreConfig CORE = StandardMarkets.config();
    private static final Map<String, BigDecimal> DEPOSIT = Map.of("BTC", new BigDecimal("500"),
            "ETH", new BigDecimal("5000"), "HKD", new BigDecimal("500000000"));

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CrashLoad load = new CrashLoad();
    /** Every acknowledged demo credit, per asset code. */
    private final Map<String, BigDecimal> deposited = new HashMap<>();
    /** The open time of the minute before the test's first trade: klines from here on hold every trade. */
    private final long firstMinuteMillis = (System.currentTimeMillis() / 60_000 - 1) * 60_000;

    @Test
    void shouldKeepEveryAcknowledgedOrderBalanceAndTradeWhenServeIsKilledUnderLoad() throws Exception {
        Path dataDir = work.resolve("data");
        Files.createDirectories(dataDir);
        // Limits out of the way of one machine's load; frequent snapshots so recovery crosses them.
        Files.writeString(dataDir.resolve("lantau.properties"), """
                limits.weight.per.minute=100000000
                limits.orders.per.10s=100000000
                limits.orders.per.day=100000000
                journal.snapshot.every=1500
                """);
        Path log = work.resolve("serve.log");
        Random random = new Random(SEED);
        ServeProcess serve = ServeProcess.start(dataDir, log, START_TIMEOUT);
        try {
            serve.awaitHealthy(START_TIMEOUT);
            List<User> traders = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                traders.add(createUser(serve, dataDir, i, DEPOSIT));
            }
            List<User> users = new ArrayList<>(traders);
            for (int round = 0; round <= KILLS; round++) {
                boolean last = round == KILLS;
                List<Thread> threads = load.start(traders, serve.baseUrl(), SEED + round);
                long loadMillis = 1_000 + random.nextInt(3_000);
                Thread.sleep(loadMillis); // how long the load runs before the kill, not a wait for a result
                String event = last ? "stopped" : "killed";
                if (!last && random.nextInt(3) != 0) {
                    // A user registered, keyed and funded just before the kill must survive it like an order; on
                    // an idle server too, where nothing else makes the store write.
                    if (random.nextBoolean()) {
                        stopLoad(threads);
                        event = "killed idle";
                    }
                    users.add(createUser(serve, dataDir, users.size(), Map.of("HKD", new BigDecimal("12345.67"))));
                    event += " after a new user";
                }
                if (last) {
                    stopLoad(threads);
                    assertThat(serve.stop(Duration.ofSeconds(60))).as("exit code of a graceful stop")
                            .isIn(0, 143);
                } else {
                    load.killing();
                    serve.kill();
                    for (Thread t : threads) {
                        t.join(30_000);
                    }
                }
                assertThat(load.unexpected).as("unexpected answers in round %d", round).isEmpty();
                assertThat(load.roundAcks.get()).as("acknowledged requests in round %d (the server takes orders "
                        + "after a restart)", round).isGreaterThan(20);

                long t0 = System.nanoTime();
                ExchangeCore core = recoverCopy(dataDir, round, last);
                assertLedgerConserved(core);
                long t1 = System.nanoTime();
                if (random.nextInt(3) == 0) {
                    // Killed again while it recovers: the next start must not mind.
                    int afterMillis = random.nextInt(3_000);
                    serve = ServeProcess.start(dataDir, log, START_TIMEOUT, afterMillis);
                    serve.kill();
                    event += ", killed again " + afterMillis + " ms into the restart";
                }
                serve = ServeProcess.start(dataDir, log, START_TIMEOUT);
                serve.awaitHealthy(START_TIMEOUT);
                long t2 = System.nanoTime();
                new Check(serve, core, users, round).run();
                long t3 = System.nanoTime();
                System.out.printf("round %d: %d ms of load, %d acknowledged, %s at sequence %d; recovery %d ms, "
                        + "restart %d ms, checks %d ms%n", round, loadMillis, load.roundAcks.get(),
                        event, core.lastSequence(), (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            }
            assertThat(serve.stop(Duration.ofSeconds(60))).isIn(0, 143);
            ReplayReport report = ReplayVerifier.verify(dataDir, CORE);
            assertThat(report.problems()).as("the journal after the final graceful stop").isEmpty();
            assertThat(load.orders).hasSizeGreaterThan(200);
            assertThat(load.fills).hasSizeGreaterThan(50);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n---- last lines of lantau serve:\n" + serve.lastLines(), e);
        } finally {
            serve.close();
        }
    }

    private void stopLoad(List<Thread> threads) throws InterruptedException {
        load.stopping();
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** Registers, signs in, creates a trading key and credits demo funds: as {@code lantau admin} does. */
    private User createUser(ServeProcess serve, Path dataDir, int index, Map<String, BigDecimal> credits)
            throws Exception {
        String email = "crash" + index + "@example.com";
        String password = "crash test passphrase " + index;
        JsonObject credentials = new JsonObject().put("email", email).put("password", password);
        HttpResponse<String> registered = postJson(serve, "/api/lantau/v1/register", credentials);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long accountId = new JsonObject(registered.body()).getLong("userId");
        HttpResponse<String> login = postJson(serve, "/api/lantau/v1/login", credentials);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = new JsonObject(login.body()).getString("csrfToken");
        HttpResponse<String> key = postJson(serve, "/api/lantau/v1/api-keys", new JsonObject().put("label", "crash")
                .put("permissions", new JsonObject().put("read", true).put("trade", true)),
                "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        JsonObject keyJson = new JsonObject(key.body());
        User user = new User(index, accountId, email, keyJson.getString("apiKey"), keyJson.getString("secret"));
        // A new user's account is new: nobody else's balances or orders (a reissued id would show them).
        BinanceTestClient.Response account = user.client(serve.baseUrl()).signed("GET", "/api/v3/account",
                "omitZeroBalances=true");
        assertThat(account.status()).as(account.body()).isEqualTo(200);
        assertThat(new JsonObject(account.body()).getJsonArray("balances")).as("balances of new user %d (account "
                + "%d)", index, accountId).isEmpty();
        String adminToken = Files.readString(dataDir.resolve("admin.token"), StandardCharsets.UTF_8).trim();
        for (Map.Entry<String, BigDecimal> d : credits.entrySet()) {
            HttpResponse<String> credited = postJson(serve, "/api/lantau/v1/admin/credit", new JsonObject()
                    .put("email", email).put("asset", d.getKey()).put("amount", d.getValue().toPlainString()),
                    "X-Lantau-Admin-Token", adminToken);
            assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
            deposited.merge(d.getKey(), d.getValue(), BigDecimal::add);
        }
        return user;
    }

    private HttpResponse<String> postJson(ServeProcess serve, String path, JsonObject body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------------ the core

    /**
     * Recovers a copy of the directory's journal and snapshots in this JVM, so that the server's own recovery still
     * meets the torn tail the kill left. After a graceful stop there is none.
     */
    private ExchangeCore recoverCopy(Path dataDir, int round, boolean graceful) throws IOException {
        Path copy = work.resolve("recovered-" + round);
        for (String part : List.of("journal", "snapshots")) {
            Path from = dataDir.resolve(part);
            Path to = copy.resolve(part);
            Files.createDirectories(to);
            if (Files.isDirectory(from)) {
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
        }
        if (graceful) {
            assertThat(ReplayVerifier.verify(copy, CORE).problems()).as("journal after a graceful stop").isEmpty();
        }
        return Recovery.recover(CORE, copy, CoreEventListener.NO_OP).core();
    }

    /** For each asset, the sum over all accounts (fee account included) equals the deposits made. */
    private void assertLedgerConserved(ExchangeCore core) {
        for (Asset asset : CORE.assets()) {
            long total = 0;
            for (long id : core.accountIds()) {
                total = Math.addExact(total, core.availableMinor(id, asset.assetId()));
                total = Math.addExact(total, core.lockedMinor(id, asset.assetId()));
            }
            assertThat(total).as("sum of %s over all accounts", asset.code())
                    .isEqualTo(asset.toMinor(deposited.getOrDefault(asset.code(), BigDecimal.ZERO)));
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Everything checked after one restart. */
    private final class Check {
        private final ServeProcess serve;
        private final ExchangeCore core;
        private final List<User> users;
        private final int round;
        private final Map<User, BinanceTestClient> clients = new HashMap<>();

        Check(ServeProcess serve, ExchangeCore core, List<User> users, int round) {
            this.serve = serve;
            this.core = core;
            this.users = users;
            this.round = round;
            users.forEach(u -> clients.put(u, u.client(serve.baseUrl())));
        }

        void run() throws Exception {
            awaitCaughtUp();
            for (User user : users) {
                assertBalancesAreTheCores(user);
                assertOpenOrdersAreTheCores(user);
            }
            for (Market m : CrashLoad.MARKETS) {
                Map<Long, List<JsonObject>> tradesByUser = new HashMap<>();
                BigDecimal executedTotal = BigDecimal.ZERO;
                for (User user : users) {
                    Map<Long, JsonObject> orders = allOrders(user, m);
                    assertAcknowledgedOrders(user, m, orders);
                    for (JsonObject o : orders.values()) {
                        executedTotal = executedTotal.add(new BigDecimal(o.getString("executedQty")));
                    }
                    tradesByUser.put(user.accountId(), myTrades(user, m));
                }
                BigDecimal volume = assertTrades(m, tradesByUser);
                assertThat(executedTotal).as("%s: filled quantity of all orders = twice the traded volume "
                        + "(round %d)", m.symbol(), round).isEqualByComparingTo(volume.multiply(BigDecimal.TWO));
            }
            assertOpenClientOrderIdStaysTaken();
        }

        private String as(String what) {
            return what + " (round " + round + ")";
        }

        /** The restarted server has replayed nothing new yet: every part stands where the recovered core does. */
        private void awaitCaughtUp() throws InterruptedException {
            long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
            String health;
            do {
                health = serve.awaitHealthy(CATCH_UP_TIMEOUT);
                JsonObject h = new JsonObject(health);
                if (h.getLong("durableSequence") == core.lastSequence()
                        && h.getLong("projectedSequence") == core.lastSequence()
                        && h.getLong("historySequence") == core.lastSequence()) {
                    return;
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
            throw new AssertionError(as("the server's sequences never reached the recovered core's "
                    + core.lastSequence() + ": " + health));
        }

        private JsonObject getObject(User user, String path, String params) {
            BinanceTestClient.Response r = clients.get(user).signed("GET", path, params);
            assertThat(r.status()).as(as("user " + user.index() + " (account " + user.accountId() + "): " + path
                    + "?" + params + ": " + r.body())).isEqualTo(200);
            return new JsonObject(r.body());
        }

        private JsonArray getArray(User user, String path, String params) {
            BinanceTestClient.Response r = user == null ? clients.get(users.getFirst()).get(path, params)
                    : clients.get(user).signed("GET", path, params);
            assertThat(r.status()).as(as((user == null ? "" : "user " + user.index() + ": ") + path + "?" + params
                    + ": " + r.body())).isEqualTo(200);
            return new JsonArray(r.body());
        }

        private void assertBalancesAreTheCores(User user) {
            JsonArray balances = getObject(user, "/api/v3/account", "").getJsonArray("balances");
            Map<String, long[]> api = new HashMap<>();
            for (int i = 0; i < balances.size(); i++) {
                JsonObject b = balances.getJsonObject(i);
                Asset asset = CORE.asset(b.getString("asset")).orElseThrow();
                api.put(asset.code(), new long[] {asset.toMinor(new BigDecimal(b.getString("free"))),
                        asset.toMinor(new BigDecimal(b.getString("locked")))});
            }
            for (Asset asset : CORE.assets()) {
                long[] shown = api.getOrDefault(asset.code(), new long[2]);
                assertThat(shown).as(as("user " + user.index() + " " + asset.code() + " free/locked"))
                        .containsExactly(core.availableMinor(user.accountId(), asset.assetId()),
                                core.lockedMinor(user.accountId(), asset.assetId()));
            }
        }

        private void assertOpenOrdersAreTheCores(User user) {
            JsonArray open = getArray(user, "/api/v3/openOrders", "");
            Map<Long, String> shown = new TreeMap<>();
            for (int i = 0; i < open.size(); i++) {
                JsonObject o = open.getJsonObject(i);
                shown.put(o.getLong("orderId"), o.getString("status") + " "
                        + new BigDecimal(o.getString("executedQty")).stripTrailingZeros().toPlainString());
            }
            Map<Long, String> expected = new TreeMap<>();
            for (OrderView o : core.openOrders(user.accountId())) {
                Market m = CrashLoad.MARKETS.stream().filter(x -> CORE.markets().get(o.marketId()).compactSymbol()
                        .equals(x.symbol())).findFirst().orElseThrow();
                expected.put(o.orderId(), o.status().name() + " "
                        + m.lot().multiply(BigDecimal.valueOf(o.filledLots())).stripTrailingZeros().toPlainString());
            }
            assertThat(shown).as(as("user " + user.index() + " open orders")).isEqualTo(expected);
        }

        /** All of the user's orders in the market from the relational history, paged by order id; ids unique. */
        private Map<Long, JsonObject> allOrders(User user, Market m) {
            Map<Long, JsonObject> orders = new HashMap<>();
            long from = 1;
            while (true) {
                JsonArray page = getArray(user, "/api/v3/allOrders", "symbol=" + m.symbol() + "&orderId=" + from
                        + "&limit=1000");
                for (int i = 0; i < page.size(); i++) {
                    JsonObject o = page.getJsonObject(i);
                    assertThat(orders.put(o.getLong("orderId"), o)).as(as("allOrders: order " + o.getLong("orderId")
                            + " once")).isNull();
                    from = Math.max(from, o.getLong("orderId") + 1);
                }
                if (page.size() < 1000) {
                    return orders;
                }
            }
        }

        /**
         * Every acknowledged order is in the history with a state its acknowledgement allows (a later one: a NEW
         * order may have filled since); those acknowledged since the last check are read with GET /order too, which
         * must agree with the history.
         */
        private void assertAcknowledgedOrders(User user, Market m, Map<Long, JsonObject> history) {
            for (AckedOrder acked : load.orders.values()) {
                if (acked.user != user || !acked.symbol.equals(m.symbol())) {
                    continue;
                }
                JsonObject stored = history.get(acked.orderId);
                assertThat(stored).as(as("acknowledged order " + acked.orderId + " in allOrders")).isNotNull();
                assertConsistent(acked, stored, "allOrders");
                if (acked.unchecked) {
                    JsonObject one = getObject(user, "/api/v3/order", "symbol=" + m.symbol() + "&orderId="
                            + acked.orderId);
                    assertConsistent(acked, one, "GET /order");
                    assertThat(one.getString("status") + " " + one.getString("executedQty"))
                            .as(as("order " + acked.orderId + ": GET /order agrees with allOrders"))
                            .isEqualTo(stored.getString("status") + " " + stored.getString("executedQty"));
                    acked.unchecked = false;
                }
            }
        }

        private void assertConsistent(AckedOrder acked, JsonObject shown, String source) {
            String what = as(source + ": order " + acked.orderId + " acknowledged " + acked.status + " "
                    + acked.executedQty + ", shown " + shown.encode());
            assertThat(shown.getString("clientOrderId")).as(what).isEqualTo(acked.clientOrderId);
            String status = shown.getString("status");
            BigDecimal executed = new BigDecimal(shown.getString("executedQty"));
            if (acked.terminal()) {
                assertThat(status).as(what).isEqualTo(acked.status);
                assertThat(executed).as(what).isEqualByComparingTo(acked.executedQty);
            } else {
                assertThat(status).as(what).isIn("NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "EXPIRED",
                        "EXPIRED_IN_MATCH");
                assertThat(executed).as(what).isGreaterThanOrEqualTo(acked.executedQty);
            }
        }

        /** All of the user's trades in the market, paged by trade id; ids unique; acknowledged fills there. */
        private List<JsonObject> myTrades(User user, Market m) {
            List<JsonObject> trades = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            long from = 0;
            while (true) {
                JsonArray page = getArray(user, "/api/v3/myTrades", "symbol=" + m.symbol() + "&fromId=" + from
                        + "&limit=1000");
                for (int i = 0; i < page.size(); i++) {
                    JsonObject t = page.getJsonObject(i);
                    assertThat(ids.add(t.getLong("id"))).as(as("myTrades of user " + user.index() + ": trade "
                            + t.getLong("id") + " once")).isTrue();
                    trades.add(t);
                    from = Math.max(from, t.getLong("id") + 1);
                }
                if (page.size() < 1000) {
                    break;
                }
            }
            Map<Long, JsonObject> byId = new HashMap<>();
            trades.forEach(t -> byId.put(t.getLong("id"), t));
            for (AckedFill fill : load.fills.values()) {
                if (fill.user() == user && fill.symbol().equals(m.symbol())) {
                    JsonObject t = byId.get(fill.tradeId());
                    assertThat(t).as(as("acknowledged fill " + fill + " in myTrades")).isNotNull();
                    assertThat(t.getLong("orderId")).as(as("order of trade " + fill.tradeId())).isEqualTo(
                            fill.orderId());
                    assertThat(new BigDecimal(t.getString("qty"))).as(as("qty of trade " + fill.tradeId()))
                            .isEqualByComparingTo(fill.qty());
                }
            }
            return trades;
        }

        /**
         * The market's trades (historicalTrades from the start) are exactly the users' trades, each seen by one
         * buyer and one seller; klines and the 24-hour ticker add up to them.
         *
         * @return the traded volume.
         */
        private BigDecimal assertTrades(Market m, Map<Long, List<JsonObject>> byUser) {
            Map<Long, JsonObject> market = new TreeMap<>();
            long from = 0;
            while (true) {
                JsonArray page = getArray(null, "/api/v3/historicalTrades", "symbol=" + m.symbol() + "&fromId="
                        + from + "&limit=1000");
                for (int i = 0; i < page.size(); i++) {
                    JsonObject t = page.getJsonObject(i);
                    assertThat(market.put(t.getLong("id"), t)).as(as(m.symbol() + " historicalTrades: trade "
                            + t.getLong("id") + " once")).isNull();
                    from = Math.max(from, t.getLong("id") + 1);
                }
                if (page.size() < 1000) {
                    break;
                }
            }
            Map<Long, String> sides = new TreeMap<>();
            for (List<JsonObject> trades : byUser.values()) {
                for (JsonObject t : trades) {
                    sides.merge(t.getLong("id"), t.getBoolean("isBuyer") ? "B" : "S", (a, b) -> a + b);
                    JsonObject same = market.get(t.getLong("id"));
                    assertThat(same).as(as(m.symbol() + ": user trade " + t.encode() + " in historicalTrades"))
                            .isNotNull();
                    assertThat(t.getString("qty") + "@" + t.getString("price")).as(as("trade " + t.getLong("id")))
                            .isEqualTo(same.getString("qty") + "@" + same.getString("price"));
                }
            }
            assertThat(sides.keySet()).as(as(m.symbol() + ": trades of the users = trades of the market"))
                    .isEqualTo(market.keySet());
            sides.forEach((id, s) -> assertThat(s.length() == 2 && s.contains("B") && s.contains("S"))
                    .as(as(m.symbol() + " trade " + id + " has one buyer and one seller: " + s)).isTrue());
            BigDecimal volume = BigDecimal.ZERO;
            for (JsonObject t : market.values()) {
                volume = volume.add(new BigDecimal(t.getString("qty")));
            }
            assertCandles(m, volume, market.size());
            JsonObject ticker = new JsonObject(clients.get(users.getFirst()).get("/api/v3/ticker/24hr",
                    "symbol=" + m.symbol()).body());
            assertThat(new BigDecimal(ticker.getString("volume"))).as(as(m.symbol() + " 24h volume " + ticker))
                    .isEqualByComparingTo(volume);
            assertThat(ticker.getLong("count")).as(as(m.symbol() + " 24h trade count")).isEqualTo(market.size());
            return volume;
        }

        /**
         * The stored 1-minute candles (no duplicate open time) add up to the trades; each but the oldest, read
         * from the in-memory market data, equals the stored one.
         */
        private void assertCandles(Market m, BigDecimal volume, int trades) {
            JsonArray stored = getArray(null, "/api/v3/klines", "symbol=" + m.symbol()
                    + "&interval=1m&startTime=" + firstMinuteMillis + "&limit=1000");
            BigDecimal candleVolume = BigDecimal.ZERO;
            long candleTrades = 0;
            Set<Long> opens = new HashSet<>();
            for (int i = 0; i < stored.size(); i++) {
                JsonArray k = stored.getJsonArray(i);
                assertThat(opens.add(k.getLong(0))).as(as(m.symbol() + " candle " + k + " once")).isTrue();
                candleVolume = candleVolume.add(new BigDecimal(k.getString(5)));
                candleTrades += k.getLong(8);
                if (i > 0) {
                    JsonArray memory = getArray(null, "/api/v3/klines", "symbol=" + m.symbol()
                            + "&interval=1m&startTime=" + k.getLong(0) + "&limit=1");
                    assertThat(memory.encode()).as(as(m.symbol() + " candle from memory = stored"))
                            .isEqualTo(new JsonArray().add(k).encode());
                }
            }
            assertThat(candleVolume).as(as(m.symbol() + " candle volume = traded volume"))
                    .isEqualByComparingTo(volume);
            assertThat(candleTrades).as(as(m.symbol() + " candle trade count")).isEqualTo(trades);
            BigDecimal hourVolume = BigDecimal.ZERO;
            JsonArray hours = getArray(null, "/api/v3/klines", "symbol=" + m.symbol() + "&interval=1h&startTime="
                    + firstMinuteMillis / 3_600_000 * 3_600_000 + "&limit=10");
            for (int i = 0; i < hours.size(); i++) {
                hourVolume = hourVolume.add(new BigDecimal(hours.getJsonArray(i).getString(5)));
            }
            assertThat(hourVolume).as(as(m.symbol() + " 1h candle volume = traded volume"))
                    .isEqualByComparingTo(volume);
        }

        /** A client order id of an open order is still taken after the restart: a new order with it is refused. */
        private void assertOpenClientOrderIdStaysTaken() {
            for (User user : users) {
                for (OrderView o : core.openOrders(user.accountId())) {
                    Market m = CrashLoad.MARKETS.stream().filter(x -> CORE.markets().get(o.marketId())
                            .compactSymbol().equals(x.symbol())).findFirst().orElseThrow();
                    BinanceTestClient.Response r = clients.get(user).signed("POST", "/api/v3/order", "symbol="
                            + m.symbol() + "&side=" + o.side().name() + "&type=LIMIT&timeInForce=GTC&price="
                            + m.price(o.priceTicks()) + "&quantity=" + m.quantity(1) + "&newClientOrderId="
                            + o.clientOrderId());
                    assertThat(r.body()).as(as("reuse of open client order id " + o.clientOrderId()))
                            .contains("-2010");
                    return;
                }
            }
        }
    }
}
