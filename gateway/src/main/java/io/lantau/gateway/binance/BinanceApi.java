package io.lantau.gateway.binance;

import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.auth.Permission;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.limits.RateLimiter;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance Spot API under {@code /api/v3}: every endpoint is registered here with its request weight and security
 * (public, or signed with the permission it needs). Each request is weighed against its IP's limit
 * ({@code X-MBX-USED-WEIGHT-1M} on every answer; 429 with {@code Retry-After}; 418 for an IP that keeps going),
 * parsed, authenticated, then handed to its endpoint; a {@link BinanceException} anywhere becomes Binance's error
 * body.
 */
public final class BinanceApi {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceApi.class);
    static final String PREFIX = "/api/v3";

    private final RequestAuthenticator authenticator;
    private final RateLimiter limiter;

    /** What an endpoint needs from its caller. */
    enum Security {
        PUBLIC(null), SIGNED_READ(Permission.READ), SIGNED_TRADE(Permission.TRADE);

        final Permission permission;

        Security(Permission permission) {
            this.permission = permission;
        }
    }

    /** An endpoint body: reads its parameters, answers now or later. */
    @FunctionalInterface
    interface Endpoint {
        void handle(BinanceCall call);
    }

    public BinanceApi(RequestAuthenticator authenticator, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    void route(Router router, HttpMethod method, String path, int weight, Security security, Endpoint endpoint) {
        router.route(method, PREFIX + path).handler(ctx -> handle(ctx, weight, security, endpoint));
    }

    RateLimiter limiter() {
        return limiter;
    }

    private void handle(RoutingContext ctx, int weight, Security security, Endpoint endpoint) {
        String ip = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        RateLimiter.Verdict verdict = limiter.request(ip, weight);
        ctx.response().putHeader("X-MBX-USED-WEIGHT-1M", Long.toString(verdict.usedWeight()));
        if (!verdict.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            BinanceError error = verdict.banned() ? BinanceError.IP_BANNED : BinanceError.TOO_MANY_REQUESTS;
            ctx.response().setStatusCode(error.httpStatus()).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("code", error.code()).put("msg", error.msg()).encode());
            return;
        }
        BinanceCall call = null;
        try {
            String body = ctx.body() == null || ctx.body().buffer() == null ? ""
                    : new String(ctx.body().buffer().getBytes(), StandardCharsets.ISO_8859_1);
            Params params = Params.parse(ctx.request().query(), body);
            ApiKey key = security == Security.PUBLIC ? null
                    : authenticator.authenticate(params, ctx.request().getHeader("X-MBX-APIKEY"), ip,
                            security.permission);
            call = new BinanceCall(ctx, params, key, ip);
            endpoint.handle(call);
        } catch (BinanceException e) {
            answer(ctx, call, e.error());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), e);
            answer(ctx, call, BinanceError.UNKNOWN);
        }
    }

    private static void answer(RoutingContext ctx, BinanceCall call, BinanceError error) {
        if (call != null) {
            call.fail(error);
        } else if (!ctx.response().ended()) {
            ctx.response().setStatusCode(error.httpStatus()).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("code", error.code()).put("msg", error.msg()).encode());
        }
    }
}
