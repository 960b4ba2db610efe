package io.lantau.gateway.ws;

import io.lantau.gateway.auth.ApiKeyDirectory;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.binance.Markets;
import io.lantau.store.Projection;
import io.lantau.store.market.MarketData;
import io.lantau.store.market.MarketDataListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The Binance-compatible WebSockets: market streams at {@code /ws}, {@code /ws/<anything>} (ccxt numbers its
 * connections), {@code /ws/<stream>[/<stream>...]} and {@code /stream?streams=<a>/<b>} (combined), and the WebSocket
 * API at {@code /ws-api/v3} for user-data streams.
 *
 * <p><b>Wiring:</b> construct this first, create the {@link MarketData} with {@link #marketDataListener()} as its
 * listener, {@link #attach} it (before the first connection), add {@link #userDataProjection()} to the dispatcher's in-memory projections, pass
 * {@link #handle} to {@code HttpGateway.listen}, and read the gauges ({@link #openSessions()},
 * {@link #streamSubscriptions()}, {@link #userDataSubscriptions()}, {@link #droppedSlowConsumers()}) into metrics.
 * {@link #close} stops the fan-out thread.
 *
 * <p>Connections beyond the per-address limit and paths that are none of the above are closed right after the
 * handshake with 1008 (policy violation), with the reason as text.
 */
public final class WebSocketGateway implements AutoCloseable {
    private final Vertx vertx;
    private final WebSocketLimits limits;
    private final LongSupplier clockMillis;
    private final StreamCatalog catalog;
    private final MarketStreams streams;
    private final UserDataProjection userData;
    private final WsApiAuthenticator authenticator;
    private final ConcurrentHashMap<Thread, EventLoopFanOut> loops = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> connectionsByIp = new ConcurrentHashMap<>();
    private final AtomicInteger openSessions = new AtomicInteger();
    private final AtomicLong streamSubscriptions = new AtomicLong();
    private final AtomicLong droppedSlowConsumers = new AtomicLong();
    private final AtomicLong refusedConnections = new AtomicLong();

    /**
     * Starts the fan-out thread.
     *
     * @param keys        the API keys that may open user-data streams.
     * @param clockMillis the server's clock (time answers, timestamps of signed requests, liveness).
     */
    public WebSocketGateway(Vertx vertx, Markets markets, ApiKeyDirectory keys,
            LongSupplier clockMillis, WebSocketLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
        this.clockMillis = clockMillis;
        this.catalog = new StreamCatalog(markets);
        this.streams = new MarketStreams(markets, catalog, clockMillis);
        this.userData = new UserDataProjection(markets);
        this.authenticator = new WsApiAuthenticator(new RequestAuthenticator(keys, clockMillis), clockMillis);
        streams.start();
    }

    /** Gives the streams the market data to read partial books from: the one fed {@link #marketDataListener()}. */
    public WebSocketGateway attach(MarketData marketData) {
        streams.attach(marketData);
        return this;
    }

    /** The listener to give the {@link MarketData}: called on the projection thread, hands off at once. */
    public MarketDataListener marketDataListener() {
        return streams;
    }

    /** The projection that feeds user-data streams; the dispatcher calls it after durability. */
    public Projection userDataProjection() {
        return userData;
    }

    /** Takes one upgraded connection (call on its event loop, as {@code HttpGateway.listen} does). */
    public void handle(ServerWebSocket ws) {
        String ip = ws.remoteAddress() == null ? "unknown" : ws.remoteAddress().host();
        String path = ws.path() == null ? "" : ws.path();
        boolean marketStreams = path.equals("/ws") || path.startsWith("/ws/") || path.equals("/stream")
                || path.equals("/stream/");
        boolean api = path.equals("/ws-api/v3") || path.equals("/ws-api/v3/");
        if (!marketStreams && !api) {
            refuse(ws, "Unknown path");
            return;
        }
        List<Topic> initial = marketStreams ? initialStreams(path, ws.query()) : List.of();
        if (initial == null) {
            refuse(ws, "Invalid stream name");
            return;
        }
        if (initial.size() > limits.maxStreamsPerConnection()) {
            refuse(ws, "Too many streams");
            return;
        }
        AtomicInteger count = connectionsByIp.computeIfAbsent(ip, k -> new AtomicInteger());
        if (count.incrementAndGet() > limits.maxConnectionsPerIp()) {
            count.decrementAndGet();
            refuse(ws, "Too many connections");
            return;
        }
        openSessions.incrementAndGet();
        EventLoopFanOut loop = loop();
        if (marketStreams) {
            MarketStreamSession session = new MarketStreamSession(ws, loop, this, ip, catalog, streams,
                    path.startsWith("/stream"));
            loop.add(session);
            session.subscribeAll(initial);
        } else {
            loop.add(new UserDataSession(ws, loop, this, ip, authenticator, userData));
        }
    }

    /**
     * @return the streams named by the URL ({@code /ws/a/b} or {@code /stream?streams=a/b}); empty for a path such
     *     as {@code /ws/0} that names none; {@code null} if a name looks like a stream but is none.
     */
    private List<Topic> initialStreams(String path, String query) {
        String names = null;
        if (path.startsWith("/ws/")) {
            names = path.substring("/ws/".length());
        } else if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("streams=")) {
                    names = java.net.URLDecoder.decode(part.substring("streams=".length()),
                            java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        List<Topic> topics = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            return topics;
        }
        for (String name : names.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            Topic topic = catalog.byName(name);
            if (topic == null && (name.contains("@") || name.startsWith("!"))) {
                return null;
            }
            if (topic != null && !topics.contains(topic)) {
                topics.add(topic);
            }
        }
        return topics;
    }

    private void refuse(ServerWebSocket ws, String reason) {
        refusedConnections.incrementAndGet();
        ws.close(Connection.POLICY_VIOLATION, reason);
    }

    private EventLoopFanOut loop() {
        Context context = Vertx.currentContext();
        if (context == null) {
            context = vertx.getOrCreateContext();
        }
        Context owner = context;
        return loops.computeIfAbsent(Thread.currentThread(), t -> new EventLoopFanOut(owner, this));
    }

    WebSocketLimits limits() {
        return limits;
    }

    long nowMillis() {
        return clockMillis.getAsLong();
    }

    void countSubscriptions(int delta) {
        streamSubscriptions.addAndGet(delta);
    }

    void countDroppedSlowConsumer() {
        droppedSlowConsumers.incrementAndGet();
    }

    void connectionClosed(String ip) {
        openSessions.decrementAndGet();
        connectionsByIp.computeIfPresent(ip, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** @return open WebSocket connections, market streams and API together. */
    public int openSessions() {
        return openSessions.get();
    }

    /** @return market-stream subscriptions over all connections (a connection with three streams counts three). */
    public long streamSubscriptions() {
        return streamSubscriptions.get();
    }

    /** @return active user-data subscriptions. */
    public int userDataSubscriptions() {
        return userData.subscriptions();
    }

    /** @return connections dropped because their output queue was full, since start. */
    public long droppedSlowConsumers() {
        return droppedSlowConsumers.get();
    }

    /** @return connections refused (per-address limit, unknown path or stream), since start. */
    public long refusedConnections() {
        return refusedConnections.get();
    }

    /** @return market stream messages encoded since start (each once, however many connections received it). */
    public long publishedMessages() {
        return streams.published();
    }

    /** @return market-data changes handed off by the projection thread and not yet fanned out. */
    public long fanOutBacklog() {
        return streams.backlog();
    }

    @Override
    public void close() {
        streams.close();
    }
}
