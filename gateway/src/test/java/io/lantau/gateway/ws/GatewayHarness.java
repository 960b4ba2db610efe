package io.lantau.gateway.ws;

import io.lantau.core.AccountKind;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.binance.BinanceApi;
import io.lantau.gateway.binance.MarketDataEndpoints;
import io.lantau.gateway.binance.Markets;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.limits.RateLimiter;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.store.market.MarketData;
import io.lantau.store.market.MarketDataSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real platform slice for gateway tests: an {@link ExchangeCore} whose events (recorded per command) feed a real
 * {@link MarketData} and the user-data projection, a real Vert.x server on a free port serving the market data REST
 * endpoints and the WebSockets, a Vert.x WebSocket client and a {@code java.net.http} client. Commands are applied
 * on the calling thread, which plays the dispatcher.
 */
public final class GatewayHarness implements AutoCloseable {
    public static final int BTCHKD = 0;
    public static final int ETHHKD = 1;

    public final Vertx vertx = Vertx.vertx();
    public final CoreConfig config = StandardMarkets.config();
    public final Markets markets = new Markets(config);
    public final ExchangeCore core = new ExchangeCore(config, BookKind.FAST);
    public final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    public final WebSocketGateway gateway;
    public final MarketData marketData;
    public final int port;
    private final HttpGateway http;
    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebSocketClient wsClient;
    private final EventRecorder recorder = new EventRecorder();
    private long sequence;
    private long depositId;

    public GatewayHarness(WebSocketLimits limits) {
        gateway = new WebSocketGateway(vertx, markets, keys::get, System::currentTimeMillis, limits);
        marketData = MarketData.create(config, MarketDataSettings.defaults(), gateway.marketDataListener());
        gateway.attach(marketData);
        http = new HttpGateway(vertx);
        BinanceApi api = new BinanceApi(new RequestAuthenticator(keys::get, System::currentTimeMillis),
                new RateLimiter(RateLimits.UNLIMITED, System::currentTimeMillis));
        MarketDataEndpoints endpoints = new MarketDataEndpoints(markets, marketData, null, null, null,
                System::currentTimeMillis);
        http.mount(router -> endpoints.mount(api, router));
        port = http.listen("127.0.0.1", 0, gateway::handle);
        wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(5_000)
                .setConnectTimeout(10_000));
    }

    public GatewayHarness() {
        this(WebSocketLimits.BINANCE.withMaxConnectionsPerIp(5_000).withMaxIncomingPerSecond(100));
    }

    /** Applies one command to the core and feeds its events to the projections, as the dispatcher does. */
    public synchronized ResultCode apply(Command command) {
        long seq = ++sequence;
        long nanos = System.currentTimeMillis() * 1_000_000L;
        ResultCode code = core.apply(seq, nanos, command, recorder);
        List<CoreEvent> events = List.copyOf(recorder.events());
        recorder.clear();
        marketData.onCommand(seq, nanos, events);
        gateway.userDataProjection().onCommand(seq, nanos, events);
        return code;
    }

    /** Opens a client account funded with plenty of every asset. */
    public void fundedAccount(long accountId) {
        apply(new OpenAccount(accountId, AccountKind.CLIENT, 0));
        for (int asset = 0; asset < config.assets().size(); asset++) {
            apply(new Deposit(++depositId, accountId, asset, 1_000_000_000_000L));
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        try {
            return httpClient.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject getObject(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
    }

    public JsonArray getArray(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + " " + response.body());
        }
        return new JsonArray(response.body());
    }

    /**
     * Connects; the client's handlers are set on the connection's event loop as it opens, so a connection the server
     * closes at once (a refused one) is seen as closed rather than missed.
     */
    public Client connect(String uri) {
        return wsClient.connect(port, "127.0.0.1", uri).map(Client::new).await();
    }

    /** Polls until the condition holds or fails after the deadline. */
    public static void await(String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        http.close();
        gateway.close();
        vertx.close().await();
    }

    /** A WebSocket client connection collecting every text message. */
    public static final class Client {
        public final WebSocket ws;
        public final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        /** Every text message received, never consumed. */
        public final List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        public volatile boolean closed;
        public volatile Short closeStatus;

        Client(WebSocket ws) {
            this.ws = ws;
            if (ws.isClosed()) {
                closeStatus = ws.closeStatusCode();
                closed = true;
                return;
            }
            ws.textMessageHandler(text -> {
                all.add(text);
                messages.add(text);
            });
            ws.closeHandler(v -> {
                closeStatus = ws.closeStatusCode();
                closed = true;
            });
        }

        public void send(JsonObject message) {
            ws.writeTextMessage(message.encode()).await();
        }

        /** @return the next message that matches, skipping others; fails after the timeout. */
        public JsonObject next(Predicate<JsonObject> matching, long timeoutMillis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (true) {
                long left = deadline - System.nanoTime();
                String text;
                try {
                    text = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                if (text == null) {
                    throw new AssertionError("no matching message within " + timeoutMillis + " ms");
                }
                if (text.startsWith("[")) {
                    JsonObject wrapped = new JsonObject().put("array", new JsonArray(text));
                    if (matching.test(wrapped)) {
                        return wrapped;
                    }
                    continue;
                }
                JsonObject json = new JsonObject(text);
                if (matching.test(json)) {
                    return json;
                }
            }
        }

        /** Sends a request and returns the reply with the same id. */
        public JsonObject request(JsonObject message) {
            Object id = message.getValue("id");
            send(message);
            return next(m -> m.containsKey("id") && java.util.Objects.equals(String.valueOf(m.getValue("id")),
                    String.valueOf(id)), 5_000);
        }

        public List<String> drain() {
            List<String> all = new ArrayList<>();
            messages.drainTo(all);
            return all;
        }

        public void close() {
            if (!closed) {
                ws.close().await();
            }
        }
    }
}
