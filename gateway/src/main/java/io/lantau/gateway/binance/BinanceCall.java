package io.lantau.gateway.binance;

import io.lantau.gateway.auth.ApiKey;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One request to the Binance-compatible API: its parameters, its authenticated key (for signed endpoints), and the
 * way to answer exactly once, now or later from another thread (a command's result). Answers are JSON.
 */
public final class BinanceCall {
    private final RoutingContext ctx;
    private final Params params;
    private final ApiKey key;
    private final String clientIp;
    private final Context context;
    private final AtomicBoolean answered = new AtomicBoolean();

    BinanceCall(RoutingContext ctx, Params params, ApiKey key, String clientIp) {
        this.ctx = ctx;
        this.params = params;
        this.key = key;
        this.clientIp = clientIp;
        this.context = Vertx.currentContext();
    }

    public Params params() {
        return params;
    }

    /** @return the caller's key; only on signed endpoints. */
    public ApiKey key() {
        return key;
    }

    public long accountId() {
        return key.accountId();
    }

    public String clientIp() {
        return clientIp;
    }

    public Vertx vertx() {
        return ctx.vertx();
    }

    public void header(String name, String value) {
        ctx.response().putHeader(name, value);
    }

    public void ok(JsonObject body) {
        send(200, body.encode());
    }

    public void ok(JsonArray body) {
        send(200, body.encode());
    }

    public void fail(BinanceError error) {
        send(error.httpStatus(), new JsonObject().put("code", error.code()).put("msg", error.msg()).encode());
    }

    /** An error with Binance's {@code data} object (cancel-replace outcomes). */
    public void fail(BinanceError error, JsonObject data) {
        send(error.httpStatus(), new JsonObject().put("code", error.code()).put("msg", error.msg()).put("data", data)
                .encode());
    }

    /** Runs {@code action} on this request's event-loop thread (from a result arriving on another thread). */
    public void onRequestThread(Consumer<BinanceCall> action) {
        context.runOnContext(v -> {
            try {
                action.accept(this);
            } catch (BinanceException e) {
                fail(e.error());
            }
        });
    }

    public boolean answered() {
        return answered.get();
    }

    private void send(int status, String body) {
        if (!answered.compareAndSet(false, true) || ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .end(body);
    }
}
