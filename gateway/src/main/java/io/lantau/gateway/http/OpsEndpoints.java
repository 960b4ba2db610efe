package io.lantau.gateway.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/**
 * Operations endpoints: {@code GET /health} (200 when every part is healthy, 503 with the reasons otherwise) and
 * {@code GET /metrics} (Prometheus text format).
 */
public final class OpsEndpoints {
    private final Supplier<JsonObject> health;
    private final PrometheusMeterRegistry registry;

    /** @param health returns the health document; {@code "status": "UP"} means healthy. */
    public OpsEndpoints(Supplier<JsonObject> health, PrometheusMeterRegistry registry) {
        this.health = health;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> {
            JsonObject body = health.get();
            ctx.response().setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
                    .putHeader("Content-Type", "application/json").end(body.encode());
        });
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
    }
}
