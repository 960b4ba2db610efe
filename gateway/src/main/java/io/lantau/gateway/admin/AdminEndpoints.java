package io.lantau.gateway.admin;

import io.lantau.core.MarketStatus;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.config.Asset;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.gateway.binance.BinanceException;
import io.lantau.gateway.binance.Decimals;
import io.lantau.gateway.binance.MarketFormat;
import io.lantau.gateway.binance.Markets;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Operator actions: demo funding (only in demo mode) and market status. Each answers after the core applied the
 * command. Errors are {@code {"code": "...", "message": "..."}} with a stable code.
 */
public final class AdminEndpoints {
    static final String PREFIX = "/api/lantau/v1/admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Markets markets;
    private final CommandSubmitter submitter;
    private final UserRepository users;
    private final byte[] token;
    private final boolean demoMode;

    public AdminEndpoints(Markets markets, CommandSubmitter submitter, UserRepository users, String adminToken,
            boolean demoMode) {
        this.markets = markets;
        this.submitter = submitter;
        this.users = users;
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.demoMode = demoMode;
    }

    public void mount(Router router) {
        router.route(PREFIX + "/*").handler(this::authenticate);
        router.post(PREFIX + "/credit").handler(this::credit);
        router.post(PREFIX + "/market-status").handler(this::marketStatus);
    }

    private void authenticate(RoutingContext ctx) {
        String given = ctx.request().getHeader("X-Lantau-Admin-Token");
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            error(ctx, 401, "ADMIN_TOKEN_INVALID", "The admin token is missing or wrong.");
            return;
        }
        ctx.next();
    }

    /**
     * Demo faucet: credits an account (by {@code accountId} or the user's {@code email}) with a deposit of a fresh
     * id. Only in demo mode.
     */
    private void credit(RoutingContext ctx) {
        if (!demoMode) {
            error(ctx, 403, "DEMO_MODE_OFF", "Demo funding is off in this deployment.");
            return;
        }
        JsonObject body = body(ctx, Set.of("accountId", "email", "asset", "amount"));
        if (body == null) {
            return;
        }
        if (body.getValue("email") instanceof String email) {
            ctx.vertx().executeBlocking(() -> users.findByEmail(email).map(User::id).orElse(-1L), false)
                    .onComplete(found -> {
                        if (found.failed() || found.result() < 0) {
                            error(ctx, 404, "UNKNOWN_USER", "No user has this email.");
                        } else {
                            credit(ctx, body, found.result());
                        }
                    });
            return;
        }
        // Only an integer literal that fits a long: Number.longValue() would turn 2^64 + 5, 5.5 or 5e0 into 5.
        Object id = body.getValue("accountId");
        credit(ctx, body, id instanceof Integer || id instanceof Long ? ((Number) id).longValue() : null);
    }

    private void credit(RoutingContext ctx, JsonObject body, Long accountId) {
        Asset asset = body.getValue("asset") instanceof String s
                ? markets.config().asset(s.toUpperCase(Locale.ROOT)).orElse(null) : null;
        BigDecimal amount = body.getValue("amount") instanceof String s ? Decimals.parseNonNegative(s) : null;
        if (accountId == null || asset == null || amount == null || amount.signum() <= 0) {
            error(ctx, 400, "INVALID_ARGUMENT", "Give accountId (number), asset (code) and amount (decimal string).");
            return;
        }
        long minor;
        try {
            minor = asset.toMinor(amount);
        } catch (ArithmeticException e) {
            error(ctx, 400, "INVALID_AMOUNT", "The amount has more decimals than " + asset.code() + " or is too large.");
            return;
        }
        long depositId = RANDOM.nextLong(1, Long.MAX_VALUE);
        submit(ctx, new Deposit(depositId, accountId, asset.assetId(), minor),
                code -> ok(ctx, new JsonObject().put("depositId", depositId).put("asset", asset.code())
                        .put("amount", asset.toDecimal(minor).toPlainString())));
    }

    private void marketStatus(RoutingContext ctx) {
        JsonObject body = body(ctx, Set.of("symbol", "status"));
        if (body == null) {
            return;
        }
        MarketFormat market;
        MarketStatus status;
        try {
            market = markets.bySymbol(body.getValue("symbol") instanceof String s ? s : null);
            status = MarketStatus.valueOf(body.getValue("status") instanceof String s ? s : "");
        } catch (BinanceException | IllegalArgumentException e) {
            error(ctx, 400, "INVALID_ARGUMENT", "Give symbol (e.g. BTCHKD) and status (TRADING, CANCEL_ONLY, HALTED).");
            return;
        }
        submit(ctx, new SetMarketStatus(market.spec().marketId(), status),
                code -> ok(ctx, new JsonObject().put("symbol", market.symbol()).put("status", status.name())));
    }

    private JsonObject body(RoutingContext ctx, Set<String> allowed) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            error(ctx, 400, "INVALID_JSON", "The body must be a JSON object.");
            return null;
        }
        for (String field : body.fieldNames()) {
            if (!allowed.contains(field)) {
                error(ctx, 400, "UNKNOWN_FIELD", "Unknown field: " + field);
                return null;
            }
        }
        return body;
    }

    private void submit(RoutingContext ctx, Command command, Consumer<ResultCode> onOk) {
        Context context = Vertx.currentContext();
        boolean queued = submitter.submit(command, record -> context.runOnContext(v -> {
            if (record.code() == ResultCode.OK) {
                onOk.accept(record.code());
            } else {
                error(ctx, 400, record.code().name(), record.code().message());
            }
        }));
        if (!queued) {
            error(ctx, 503, "OVERLOADED", "The engine is busy; try again.");
        }
    }

    private static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("code", code).put("message", message).encode());
        }
    }
}
