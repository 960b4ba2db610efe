package io.lantau.gateway.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The HTTP and WebSocket server: Vert.x HTTP server instances sharing one port and one router, each on an event loop
 * of its own; Vert.x hands each new connection to the next instance. One instance unless
 * {@code -D}{@value #INSTANCES_PROPERTY}{@code =N} asks for more (a tuning knob for {@code lantau bench api}; more
 * than one has not been shown to pay on the 2-core machine yet, see BENCHMARKS.md). Request bodies are capped (413 beyond
 * {@link #MAX_BODY_BYTES}); unknown paths and methods get a JSON 404/405; a handler that fails without answering gets
 * a JSON 500 and the server keeps serving.
 */
public final class HttpGateway implements AutoCloseable {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final String INSTANCES_PROPERTY = "lantau.http.instances";

    private final Vertx vertx;
    private final Router router;
    private final int instances;
    private final List<String> deployments = new CopyOnWriteArrayList<>();

    /** A gateway with one server instance, or {@value #INSTANCES_PROPERTY} of them. */
    public HttpGateway(Vertx vertx) {
        this(vertx, Integer.getInteger(INSTANCES_PROPERTY, 1));
    }

    /** @param instances server instances, each on an event loop of its own (at most the Vert.x event-loop count). */
    public HttpGateway(Vertx vertx, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("at least one server instance");
        }
        this.vertx = vertx;
        this.instances = instances;
        this.router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
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
        router.route().last().handler(ctx -> ctx.response().setStatusCode(404)
                .putHeader("Content-Type", "application/json")
                .end(error(-1100, "Unknown endpoint.")));
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
                .setIdleTimeout(120).setCompressionSupported(false).setTcpNoDelay(true);
        // One verticle instance per server: Vert.x binds the port once and hands each new connection to the next
        // instance's event loop. Vert.x shares a random port only when asked for it as a negative port.
        return deploy(port == 0 ? new HttpServerOptions(options).setPort(-1) : options, webSockets, instances);
    }

    private int deploy(HttpServerOptions options, Consumer<io.vertx.core.http.ServerWebSocket> webSockets, int count) {
        List<Integer> ports = new CopyOnWriteArrayList<>();
        deployments.add(vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                HttpServer created = vertx.createHttpServer(options);
                if (webSockets != null) {
                    created.webSocketHandler(webSockets::accept);
                }
                return created.requestHandler(router).listen().onSuccess(s -> ports.add(s.actualPort()));
            }
        }, new DeploymentOptions().setInstances(count)).await());
        if (ports.stream().distinct().count() != 1) {
            throw new IllegalStateException("server instances listen on different ports: " + ports);
        }
        return ports.getFirst();
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
