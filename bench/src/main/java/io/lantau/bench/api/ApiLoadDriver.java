package io.lantau.bench.api;

import io.lantau.bench.api.OrderFlow.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The load driver behind {@code lantau bench api}: knows the server only by its URL and the API keys it is given.
 * Connects the WebSocket subscribers, then the HTTP connections, sends signed orders (or hello requests) for the
 * warm-up and the measured window, waits for the answers, asks the server for its last trade and waits for the
 * subscribers to reach it, and reports. It runs on a Vert.x of its own ({@code clientThreads} event loops), in the
 * same process as the server when {@code app} started one: on a small machine the driver's CPU is part of the result.
 */
public final class ApiLoadDriver {
    private static final long DRAIN_TIMEOUT_MILLIS = 10_000;
    private static final long CATCH_UP_TIMEOUT_MILLIS = 15_000;

    private final ApiLoadOptions options;
    private final PrintWriter log;

    public ApiLoadDriver(ApiLoadOptions options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    public ApiLoadReport run() throws InterruptedException {
        URI base = URI.create(options.baseUrl());
        String host = base.getHost();
        int port = base.getPort() > 0 ? base.getPort() : 80;
        String loadBefore = LoadAverage.read();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientThreads())
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        try {
            MarketGrid grid = options.hello() ? null : grid(vertx, host, port);
            MarketSubscribers subscribers = new MarketSubscribers(vertx, options.hello() ? 0 : options.subscribers(),
                    options.clientThreads());
            subscribers.connect(host, port, options.symbol()).await();
            if (options.subscribers() > 0 && !options.hello()) {
                log.printf(Locale.ROOT, "%,d WebSocket subscribers connected%n", options.subscribers());
                log.flush();
            }
            List<HttpLane> lanes = new ArrayList<>();
            List<Future<Void>> connecting = new ArrayList<>();
            int laneCount = Math.min(options.clientThreads(), options.connections());
            for (int l = 0; l < laneCount; l++) {
                int first = l * options.connections() / laneCount;
                int last = (l + 1) * options.connections() / laneCount;
                HttpLane lane = new HttpLane(vertx, options, host, port,
                        (double) (last - first) / options.connections());
                List<OrderFlow> flows = new ArrayList<>();
                for (int c = first; c < last; c++) {
                    flows.add(options.hello() ? null : new OrderFlow(options.keys().get(c % options.keys().size()),
                            grid, options.symbol(), options.restingTarget() / options.connections(),
                            options.seed(), c));
                }
                lanes.add(lane);
                connecting.add(lane.connect(flows));
            }
            Future.all(connecting).await();
            log.printf(Locale.ROOT, "%,d HTTP connections open; %s for %d s warm-up + %d s measured%n",
                    options.connections(), options.openLoop()
                            ? String.format(Locale.ROOT, "offering %,d requests/s open loop", options.ratePerSec())
                            : "closed loop (" + options.pipelineDepth() + " in flight per connection)",
                    options.warmupSeconds(), options.durationSeconds());
            log.flush();

            Window window = Window.startingIn(100_000_000L, options.warmupSeconds(), options.durationSeconds());
            subscribers.measure(window);
            lanes.forEach(lane -> lane.begin(window));
            progressUntil(lanes, window);
            long drainDeadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
            while (outstanding(lanes) > 0 && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(5);
            }
            for (HttpLane lane : lanes) {
                lane.finish().await();
            }
            String loadAfter = LoadAverage.read();
            SubscriberOutcome ws = null;
            if (!options.hello() && options.subscribers() > 0) {
                long lastTrade = lastTradeId(vertx, host, port);
                ws = subscribers.awaitAndTotal(lastTrade, CATCH_UP_TIMEOUT_MILLIS);
                subscribers.close();
            }
            return report(lanes, window, ws, loadBefore, loadAfter);
        } finally {
            vertx.close().await();
        }
    }

    private void progressUntil(List<HttpLane> lanes, Window window) throws InterruptedException {
        long last = 0;
        long next = window.startNanos() + 1_000_000_000L;
        int second = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= window.measureEndNanos()) {
                return;
            }
            long sleepNanos = Math.min(next, window.measureEndNanos()) - now;
            if (sleepNanos > 0) {
                Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            }
            if (System.nanoTime() >= next) {
                long answered = 0;
                for (HttpLane lane : lanes) {
                    answered += lane.answered;
                }
                second++;
                log.printf(Locale.ROOT, "  %s %d: %,d answers/s%n",
                        second <= options.warmupSeconds() ? "warm-up" : "second", second <= options.warmupSeconds()
                                ? second : second - options.warmupSeconds(), answered - last);
                log.flush();
                last = answered;
                next += 1_000_000_000L;
            }
        }
    }

    private static long outstanding(List<HttpLane> lanes) {
        long n = 0;
        for (HttpLane lane : lanes) {
            n += lane.outstanding().await();
        }
        return n;
    }

    private ApiLoadReport report(List<HttpLane> lanes, Window window, SubscriberOutcome ws,
            String loadBefore, String loadAfter) {
        Histogram latency = new Histogram(HttpLane.MAX_MICROS, 3);
        long answered = 0;
        long ok = 0;
        long unanswered = 0;
        long failures = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        long[] sent = new long[Kind.values().length];
        for (HttpLane lane : lanes) {
            latency.add(lane.latencyMicros);
            answered += lane.answeredInWindow;
            ok += lane.okInWindow;
            unanswered += lane.unansweredInWindow;
            failures += lane.connectionFailures;
            lane.answersByStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
            for (int k = 0; k < sent.length; k++) {
                sent[k] += lane.sentByKind[k];
            }
        }
        Map<String, Long> mix = new TreeMap<>();
        for (Kind k : Kind.values()) {
            if (sent[k.ordinal()] > 0) {
                mix.put(k.name(), sent[k.ordinal()]);
            }
        }
        double seconds = window.measuredSeconds();
        return new ApiLoadReport(options, ok / seconds, answered / seconds, latency, unanswered, failures, byStatus,
                mix, ws, loadBefore, loadAfter);
    }

    private MarketGrid grid(Vertx vertx, String host, int port) {
        JsonObject info = new JsonObject(get(vertx, host, port, "/api/v3/exchangeInfo?symbol=" + options.symbol()));
        JsonArray symbols = info.getJsonArray("symbols");
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalStateException("the server does not list " + options.symbol() + ": " + info.encode());
        }
        return new MarketGrid(symbols.getJsonObject(0), options.midPrice());
    }

    private long lastTradeId(Vertx vertx, String host, int port) {
        JsonArray trades = new JsonArray(get(vertx, host, port, "/api/v3/trades?symbol=" + options.symbol()
                + "&limit=1"));
        return trades.isEmpty() ? -1 : trades.getJsonObject(0).getLong("id");
    }

    private static String get(Vertx vertx, String host, int port, String uri) {
        HttpClientAgent client = vertx.createHttpClient();
        try {
            // Read the body inside the chain: asked for later, from this thread, it may already be gone.
            String[] statusAndBody = client.request(HttpMethod.GET, port, host, uri)
                    .compose(HttpClientRequest::send)
                    .compose(r -> r.body().map(b -> new String[] {Integer.toString(r.statusCode()), b.toString()}))
                    .await();
            String body = statusAndBody[1];
            if (!statusAndBody[0].equals("200")) {
                throw new IllegalStateException("GET " + uri + " answered " + statusAndBody[0] + ": " + body);
            }
            return body;
        } finally {
            client.close();
        }
    }
}
