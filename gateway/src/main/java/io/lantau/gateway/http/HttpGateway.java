package io.lantau.gateway.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The HTTP and WebSocket server: Vert.x HTTP server instances sharing one port and one router, each on an event loop
 * of its own; Vert.x hands each new connection to the next instance. One instance unless
 * {@code -D}{@value #INSTANCES_PROPERTY}{@code =N} asks for more (a tuning knob for {@code lantau bench api}; more
 * than one has not been shown to pay on the 2-core machine yet, see BENCHMARKS.md). Request bodies are capped (413 beyond
 * {@link #MAX_BODY_BYTES}); unknown paths and methods get a JSON 404/405; requests the HTTP decoder cannot read get a
 * JSON 400/414/431; a handler that fails without answering gets a JSON 500 and the server keeps serving.
 */
public final class HttpGateway implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The cap for paths given to {@link #allowLargeBodies} (document uploads, media). */
    public static final int MAX_LARGE_BODY_BYTES = 16 * 1024 * 1024;
    private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** The default for {@link #HttpGateway(Vertx, int)}. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 120;
    public static final String INSTANCES_PROPERTY = "lantau.http.instances";

    private final Vertx vertx;
    private final Router router;
    private final int idleTimeoutSeconds;
    private final int instances;
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private final List<String> largeBodyPrefixes = new CopyOnWriteArrayList<>();

    public HttpGateway(Vertx vertx) {
        this(vertx, DEFAULT_IDLE_TIMEOUT_SECONDS);
    }

    /** @param idleTimeoutSeconds a connection that neither sends nor receives for this long is closed. */
    public HttpGateway(Vertx vertx, int idleTimeoutSeconds) {
        this(vertx, idleTimeoutSeconds, Integer.getInteger(INSTANCES_PROPERTY, 1));
    }

    /** @param instances server instances, each on an event loop of its own (at most the Vert.x event-loop count). */
    public HttpGateway(Vertx vertx, int idleTimeoutSeconds, int instances) {
        if (idleTimeoutSeconds < 1) {
            throw new IllegalArgumentException("idle timeout must be at least one second");
        }
        if (instances < 1) {
            throw new IllegalArgumentException("at least one server instance");
        }
        this.vertx = vertx;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.instances = instances;
        this.router = Router.router(vertx);
        router.route().handler(HttpGateway::dropFormTypeWithoutFormMethod);
        BodyHandler small = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false);
        BodyHandler large = BodyHandler.create(false).setBodyLimit(MAX_LARGE_BODY_BYTES).setHandleFileUploads(false);
        router.route().handler(ctx -> {
            String path = ctx.request().path();
            boolean isLarge = path != null && largeBodyPrefixes.stream().anyMatch(path::startsWith);
            (isLarge ? large : small).handle(ctx);
        });
    }

    /**
     * Lets requests under {@code pathPrefix} carry bodies up to {@link #MAX_LARGE_BODY_BYTES} (the route's own limit
     * still applies); every other path keeps {@link #MAX_BODY_BYTES}.
     */
    public HttpGateway allowLargeBodies(String pathPrefix) {
        largeBodyPrefixes.add(pathPrefix);
        return this;
    }

    public Router router() {
        return router;
    }

    /** Lets a part of the API add its routes. */
    public HttpGateway mount(Consumer<Router> routes) {
        routes.accept(router);
        return this;
    }

    /**
     * Starts listening.
     *
     * @param port 0 for any free port.
     * @param webSockets called with each WebSocket upgrade before routing, or {@code null}.
     * @return the port listened on.
     */
    public int listen(String host, int port, Consumer<io.vertx.core.http.ServerWebSocket> webSockets) {
        // Not a catch-all route: that would also swallow the router's 405 for a known path with another method.
        router.errorHandler(404, ctx -> ctx.response().setStatusCode(404).putHeader("Content-Type",
                "application/json").end(error(-1100, "Unknown endpoint.")));
        router.errorHandler(413, ctx -> ctx.response().setStatusCode(413).putHeader("Content-Type",
                "application/json").end(error(-1100, "Request body is too large.")));
        router.errorHandler(405, ctx -> ctx.response().setStatusCode(405).putHeader("Content-Type",
                "application/json").end(error(-1100, "Method not allowed for this endpoint.")));
        router.errorHandler(400, ctx -> ctx.response().setStatusCode(400).putHeader("Content-Type",
                "application/json").end(error(-1100, "Malformed request.")));
        router.errorHandler(500, ctx -> ctx.response().setStatusCode(500).putHeader("Content-Type",
                "application/json").end(error(-1000, "An unknown error occurred while processing the request.")));
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
                .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(64 * 1024)
                .setIdleTimeout(idleTimeoutSeconds).setCompressionSupported(false).setTcpNoDelay(true);
        // One verticle instance per server: Vert.x binds the port once and hands each new connection to the next
        // instance's event loop. Vert.x shares a random port only when asked for it as a negative port.
        return deploy(port == 0 ? new HttpServerOptions(options).setPort(-1) : options, webSockets);
    }

    private int deploy(HttpServerOptions options, Consumer<io.vertx.core.http.ServerWebSocket> webSockets) {
        List<Integer> ports = new CopyOnWriteArrayList<>();
        deployments.add(vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                HttpServer created = vertx.createHttpServer(options);
                if (webSockets != null) {
                    created.webSocketHandler(webSockets::accept);
                }
                return created.requestHandler(router).invalidRequestHandler(HttpGateway::invalidRequest).listen()
                        .onSuccess(server -> ports.add(server.actualPort()));
            }
        }, new DeploymentOptions().setInstances(instances)).await());
        if (ports.stream().distinct().count() != 1) {
            throw new IllegalStateException("server instances listen on different ports: " + ports);
        }
        return ports.getFirst();
    }

    /**
     * Vert.x's body handler decodes form and multipart bodies only for POST, PUT, PATCH and DELETE and throws (a 500)
     * for any other method that declares such a body. Nothing here reads decoded forms (the Binance API reads the raw
     * body), so for those methods the declaration is dropped and the body is kept as raw bytes.
     */
    private static void dropFormTypeWithoutFormMethod(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !FORM_METHODS.contains(method)) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.contains("multipart/") || lower.contains("application/x-www-form-urlencoded")) {
                ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
            }
        }
        ctx.next();
    }

    /**
     * A request the HTTP decoder could not read (a request line or headers too long, not HTTP at all): answered as
     * every other refusal, with a JSON code, instead of Vert.x's empty answer or a bare close; then the connection is
     * closed, since its framing can no longer be trusted.
     */
    private static void invalidRequest(HttpServerRequest request) {
        if (!request.decoderResult().isFailure()) {
            // Vert.x also routes here requests it finds invalid for other reasons (WebSocket handshakes among them).
            HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
            return;
        }
        Throwable cause = request.decoderResult().cause();
        int status;
        String msg;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            msg = "Request line is too long.";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            msg = "Request headers are too large.";
        } else {
            status = 400;
            msg = "Malformed request.";
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close").end(error(-1100, msg))
                .onComplete(done -> request.connection().close());
    }

    private static String error(int code, String msg) {
        return new JsonObject().put("code", code).put("msg", msg).encode();
    }

    @Override
    public void close() {
        for (String id : deployments) {
            vertx.undeploy(id).await();
        }
        deployments.clear();
    }
}
