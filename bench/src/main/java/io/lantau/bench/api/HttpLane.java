package io.lantau.bench.api;

import io.lantau.bench.api.OrderFlow.Kind;
import io.lantau.bench.api.OrderFlow.Request;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The HTTP connections of one driver event loop, its share of the offered rate and its measurements. Open loop: a
 * 1 ms timer moves every request whose intended time has come into a backlog, and idle connections take from it; a
 * request's latency runs from its intended time, so time spent waiting for a free connection counts (no coordinated
 * omission; the timer's granularity adds up to 1 ms, which counts too). Closed loop: each connection sends its next
 * request when an answer arrives, latency from the actual send. Confined to its event loop after construction.
 */
final class HttpLane {
    /** Latencies are recorded in microseconds, up to an hour. */
    static final long MAX_MICROS = 3_600_000_000L;

    private final Context context;
    private final ApiLoadOptions options;
    private final String host;
    private final int port;
    private final List<Slot> slots = new ArrayList<>();
    private final ArrayDeque<Slot> idle = new ArrayDeque<>();
    private final LongRing backlog = new LongRing(1 << 16);
    private final double intervalNanos;
    private HttpClientAgent client;
    private Window window;
    private long scheduled;
    private long timer = -1;
    private boolean finished;

    // Measurements (this loop only, read after finish()).
    final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
    long answeredInWindow;
    long okInWindow;
    long unansweredInWindow;
    long connectionFailures;
    final Map<String, Long> answersByStatus = new TreeMap<>();
    final long[] sentByKind = new long[Kind.values().length];
    /** Answers so far, for progress lines (single writer). */
    volatile long answered;

    /** One connection and the requests in flight on it, oldest first. */
    private final class Slot {
        final HttpClientConnection connection;
        final OrderFlow flow;
        final LongRing inFlight;
        boolean queuedIdle;
        boolean dead;

        Slot(HttpClientConnection connection, OrderFlow flow) {
            this.connection = connection;
            this.flow = flow;
            this.inFlight = new LongRing(options.pipelineDepth());
        }
    }

    HttpLane(Vertx vertx, ApiLoadOptions options, String host, int port, double lanesShareOfRate) {
        this.context = vertx.getOrCreateContext();
        this.options = options;
        this.host = host;
        this.port = port;
        this.intervalNanos = options.openLoop() ? 1e9 / (options.ratePerSec() * lanesShareOfRate) : 0;
    }

    /** Opens this lane's connections; {@code flows} has one entry per connection (null entries for hello). */
    Future<Void> connect(List<OrderFlow> flows) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            HttpClientOptions clientOptions = new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                    .setPipelining(options.pipelineDepth() > 1).setPipeliningLimit(options.pipelineDepth())
                    .setIdleTimeout(0);
            client = context.owner().httpClientBuilder().with(clientOptions).build();
            List<Future<HttpClientConnection>> connecting = new ArrayList<>();
            for (int i = 0; i < flows.size(); i++) {
                connecting.add(client.connect(new HttpConnectOptions().setHost(host).setPort(port)));
            }
            Future.all(connecting).onComplete(all -> {
                if (all.failed()) {
                    done.fail(all.cause());
                    return;
                }
                for (int i = 0; i < flows.size(); i++) {
                    slots.add(new Slot(connecting.get(i).result(), flows.get(i)));
                }
                done.complete();
            });
        });
        return done.future();
    }

    /** Starts sending at {@code window.startNanos()}. */
    void begin(Window w) {
        context.runOnContext(v -> {
            window = w;
            long delayMillis = Math.max(1, (w.startNanos() - System.nanoTime()) / 1_000_000);
            context.owner().setTimer(delayMillis, id -> {
                if (options.openLoop()) {
                    for (Slot s : slots) {
                        s.queuedIdle = true;
                        idle.add(s);
                    }
                    timer = context.owner().setPeriodic(1, t -> tick());
                    tick();
                } else {
                    for (Slot s : slots) {
                        for (int d = 0; d < options.pipelineDepth(); d++) {
                            send(s, System.nanoTime());
                        }
                    }
                }
            });
        });
    }

    private void tick() {
        long now = System.nanoTime();
        long horizon = Math.min(now, window.measureEndNanos() - 1);
        long due = horizon < window.startNanos() ? 0 : (long) ((horizon - window.startNanos()) / intervalNanos) + 1;
        while (scheduled < due) {
            backlog.add(window.startNanos() + (long) (scheduled * intervalNanos));
            scheduled++;
        }
        dispatch();
        if (now >= window.measureEndNanos() && timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
    }

    private void dispatch() {
        while (!backlog.isEmpty() && !idle.isEmpty()) {
            Slot s = idle.peek();
            send(s, backlog.poll());
            if (s.inFlight.size() >= options.pipelineDepth()) {
                idle.poll();
                s.queuedIdle = false;
            }
        }
    }

    private void send(Slot s, long intendedNanos) {
        Request request = s.flow == null
                ? new Request(Kind.HELLO, HttpMethod.GET, options.helloPath(), null)
                : s.flow.next(System.currentTimeMillis());
        sentByKind[request.kind().ordinal()]++;
        s.inFlight.add(intendedNanos);
        RequestOptions ro = new RequestOptions().setMethod(request.method()).setURI(request.uri());
        if (s.flow != null) {
            ro.putHeader("X-MBX-APIKEY", s.flow.apiKey());
        }
        if (request.body() != null) {
            ro.putHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        s.connection.request(ro).onComplete(created -> {
            if (created.failed()) {
                answer(s, request.kind(), intendedNanos, -1, null);
                return;
            }
            Future<HttpClientResponse> response = request.body() == null ? created.result().send()
                    : created.result().send(request.body());
            response.onComplete(r -> {
                if (r.failed()) {
                    answer(s, request.kind(), intendedNanos, -1, null);
                    return;
                }
                int status = r.result().statusCode();
                r.result().body().onComplete((AsyncResult<Buffer> body) ->
                        answer(s, request.kind(), intendedNanos, body.failed() ? -1 : status,
                                body.failed() ? null : body.result()));
            });
        });
    }

    private void answer(Slot s, Kind kind, long intendedNanos, int status, Buffer body) {
        if (finished) {
            return; // counted by finish(); failures now are the connections closing
        }
        long now = System.nanoTime();
        s.inFlight.poll();
        answered++;
        if (window.measures(intendedNanos)) {
            latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, (now - intendedNanos) / 1_000)));
        }
        if (window.measures(now)) {
            answeredInWindow++;
            if (status == 200) {
                okInWindow++;
            }
        }
        if (status != 200) {
            answersByStatus.merge(statusKey(status, body), 1L, Long::sum);
        }
        if (s.flow != null) {
            s.flow.onAnswer(kind, status, body);
        }
        if (status < 0) {
            connectionFailures++;
            s.dead = true;
            return;
        }
        if (s.dead) {
            return;
        }
        if (options.openLoop()) {
            if (!s.queuedIdle && s.inFlight.size() < options.pipelineDepth()) {
                s.queuedIdle = true;
                idle.add(s);
            }
            dispatch();
        } else if (now < window.measureEndNanos()) {
            send(s, now);
        }
    }

    private static String statusKey(int status, Buffer body) {
        if (status < 0) {
            return "connection failed";
        }
        String code = "";
        if (body != null) {
            String text = body.toString(StandardCharsets.ISO_8859_1);
            int at = text.indexOf("\"code\":");
            if (at >= 0) {
                int end = at + 7;
                while (end < text.length() && (text.charAt(end) == '-' || Character.isDigit(text.charAt(end)))) {
                    end++;
                }
                code = " " + text.substring(at + 7, end);
            }
        }
        return status + code;
    }

    /** @return how many requests are still queued or in flight. */
    Future<Long> outstanding() {
        Promise<Long> p = Promise.promise();
        context.runOnContext(v -> {
            long n = backlog.size();
            for (Slot s : slots) {
                n += s.dead ? 0 : s.inFlight.size();
            }
            p.complete(n);
        });
        return p.future();
    }

    /**
     * Ends the run: every measured request still queued or in flight gets its latency so far (it is at least that
     * late), and the connections close.
     */
    Future<Void> finish() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            long now = System.nanoTime();
            finished = true;
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
                timer = -1;
            }
            while (!backlog.isEmpty()) {
                unanswered(backlog.poll(), now);
            }
            for (Slot s : slots) {
                while (!s.inFlight.isEmpty()) {
                    unanswered(s.inFlight.poll(), now);
                }
                s.dead = true;
            }
            client.close().onComplete(c -> done.complete());
        });
        return done.future();
    }

    private void unanswered(long intendedNanos, long now) {
        if (window != null && window.measures(intendedNanos)) {
            unansweredInWindow++;
            latencyMicros.recordValue(Math.min(MAX_MICROS, Math.max(0, (now - intendedNanos) / 1_000)));
        }
    }

    /** A growable FIFO of longs. */
    static final class LongRing {
        private long[] items;
        private int head;
        private int size;

        LongRing(int capacity) {
            items = new long[Math.max(2, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1)];
        }

        void add(long value) {
            if (size == items.length) {
                long[] grown = new long[items.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = items[(head + i) & (items.length - 1)];
                }
                items = grown;
                head = 0;
            }
            items[(head + size++) & (items.length - 1)] = value;
        }

        long poll() {
            long value = items[head];
            head = (head + 1) & (items.length - 1);
            size--;
            return value;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }
    }
}
