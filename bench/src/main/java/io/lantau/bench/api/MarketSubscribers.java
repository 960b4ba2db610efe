package io.lantau.bench.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * WebSocket subscribers to one symbol's {@code @trade} and {@code @depth@100ms} streams. Each counts what it gets,
 * checks that trade ids follow each other without gap, and records each measured trade's lag: arrival wall-clock time
 * minus the trade time in the event ({@code T}, stamped by the server's sequencer; millisecond resolution). On
 * loopback the subscribers connect from several local addresses ({@code 127.0.0.2}, {@code .3}, ...), at most
 * {@value #PER_ADDRESS} from each, to stay under the server's per-address connection limit (Binance's 300).
 */
final class MarketSubscribers {
    static final int PER_ADDRESS = 250;
    private static final byte[] TRADE_ID = "\"t\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRADE_TIME = "\"T\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final List<Group> groups = new ArrayList<>();
    private final int count;

    /** Subscribers on one event loop: their state and lag histogram are touched on it only. */
    private static final class Group {
        final Context context;
        final List<Subscriber> members = new ArrayList<>();
        final List<WebSocketClient> clients = new ArrayList<>();
        final Histogram lagMillis = new Histogram(3_600_000L, 3);
        Window window;

        Group(Context context) {
            this.context = context;
        }
    }

    /** One subscriber's counts. */
    private static final class Subscriber {
        final Group group;
        long firstTradeId = -1;
        long lastTradeId = -1;
        long trades;
        long depthUpdates;
        long gaps;
        boolean closed;

        Subscriber(Group group) {
            this.group = group;
        }

        void onMessage(Buffer message) {
            if (message.length() < 8 || message.getByte(2) != 'e') {
                return;
            }
            byte kind = message.getByte(6);
            if (kind == 'd') {
                depthUpdates++;
            } else if (kind == 't' && message.getByte(7) == 'r') {
                long id = longAfter(message, TRADE_ID);
                if (lastTradeId >= 0 && id != lastTradeId + 1) {
                    gaps++;
                }
                if (firstTradeId < 0) {
                    firstTradeId = id;
                }
                lastTradeId = id;
                trades++;
                long time = longAfter(message, TRADE_TIME);
                Window w = group.window;
                if (w != null && time >= w.measureStartMillis() && time < w.measureEndMillis()) {
                    group.lagMillis.recordValue(Math.min(3_600_000L, Math.max(0,
                            System.currentTimeMillis() - time)));
                }
            }
        }
    }

    MarketSubscribers(Vertx vertx, int count, int loops) {
        this.count = count;
        for (int i = 0; i < Math.min(loops, Math.max(1, count)); i++) {
            groups.add(new Group(vertx.getOrCreateContext()));
        }
    }

    /** Connects every subscriber; fails if any connection fails. */
    Future<Void> connect(String host, int port, String symbol) {
        if (count == 0) {
            return Future.succeededFuture();
        }
        boolean loopback = host.startsWith("127.") || host.equals("localhost");
        String lower = symbol.toLowerCase(Locale.ROOT);
        String uri = "/ws/" + lower + "@trade/" + lower + "@depth@100ms";
        List<Future<Void>> all = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            int first = g * count / groups.size();
            int last = (g + 1) * count / groups.size();
            Promise<Void> done = Promise.promise();
            all.add(done.future());
            group.context.runOnContext(v -> {
                List<Future<WebSocket>> sockets = new ArrayList<>();
                WebSocketClient client = null;
                int clientAddress = -1;
                for (int i = first; i < last; i++) {
                    int address = loopback ? 2 + i / PER_ADDRESS : -1;
                    if (client == null || address != clientAddress) {
                        WebSocketClientOptions o = new WebSocketClientOptions().setMaxConnections(count)
                                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20).setTcpNoDelay(true);
                        if (address > 0) {
                            o.setLocalAddress("127.0.0." + address);
                        }
                        client = group.context.owner().createWebSocketClient(o);
                        group.clients.add(client);
                        clientAddress = address;
                    }
                    Subscriber s = new Subscriber(group);
                    group.members.add(s);
                    Future<WebSocket> socket = client.connect(new WebSocketConnectOptions().setHost(host)
                            .setPort(port).setURI(uri));
                    socket.onSuccess(ws -> {
                        ws.handler(s::onMessage);
                        ws.closeHandler(c -> s.closed = true);
                    });
                    sockets.add(socket);
                }
                Future.all(sockets).onComplete(r -> {
                    if (r.failed()) {
                        done.fail(r.cause());
                    } else {
                        done.complete();
                    }
                });
            });
        }
        return Future.all(all).mapEmpty();
    }

    void measure(Window window) {
        for (Group g : groups) {
            g.context.runOnContext(v -> g.window = window);
        }
    }

    /**
     * Waits until every open subscriber has seen trade {@code lastTradeId} (or the deadline), then totals.
     *
     * @param lastTradeId the server's last trade of the symbol after the load stopped (REST), or -1 if none.
     */
    SubscriberOutcome awaitAndTotal(long lastTradeId, long timeoutMillis) throws InterruptedException {
        long start = System.currentTimeMillis();
        long deadline = start + timeoutMillis;
        while (true) {
            int behind = 0;
            for (Group g : groups) {
                behind += onLoop(g, () -> {
                    int n = 0;
                    for (Subscriber s : g.members) {
                        if (!s.closed && s.lastTradeId < lastTradeId) {
                            n++;
                        }
                    }
                    return n;
                });
            }
            if (behind == 0 || System.currentTimeMillis() >= deadline) {
                break;
            }
            Thread.sleep(20);
        }
        long catchUp = System.currentTimeMillis() - start;
        Histogram lag = new Histogram(3_600_000L, 3);
        long[] totals = new long[6];
        for (Group g : groups) {
            onLoop(g, () -> {
                lag.add(g.lagMillis);
                for (Subscriber s : g.members) {
                    totals[0] += s.closed ? 0 : 1;
                    totals[1] += s.closed ? 1 : 0;
                    boolean complete = !s.closed && s.gaps == 0 && (lastTradeId < 0 || s.lastTradeId == lastTradeId);
                    totals[2] += complete ? 1 : 0;
                    totals[3] += s.gaps;
                    totals[4] += s.trades;
                    totals[5] += s.depthUpdates;
                }
                return 0;
            });
        }
        return new SubscriberOutcome(count, (int) totals[0], (int) totals[1], (int) totals[2], totals[3], totals[4], totals[5],
                lag, lastTradeId, catchUp);
    }

    void close() {
        for (Group g : groups) {
            onLoop(g, () -> {
                g.clients.forEach(WebSocketClient::close);
                return 0;
            });
        }
    }

    private static int onLoop(Group g, java.util.concurrent.Callable<Integer> action) {
        Promise<Integer> p = Promise.promise();
        g.context.runOnContext(v -> {
            try {
                p.complete(action.call());
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future().await();
    }

    /** @return the unsigned integer after {@code key} in {@code message}, or -1. */
    static long longAfter(Buffer message, byte[] key) {
        int n = message.length();
        outer:
        for (int i = 0; i + key.length <= n; i++) {
            for (int k = 0; k < key.length; k++) {
                if (message.getByte(i + k) != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            boolean any = false;
            for (int j = i + key.length; j < n; j++) {
                byte c = message.getByte(j);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                any = true;
            }
            return any ? value : -1;
        }
        return -1;
    }
}
