package io.lantau.gateway.admin;

import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityEventType;
import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.MarketStatus;
import io.lantau.core.RetailAccess;
import io.lantau.core.command.SetRetailAccess;
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
 * Operator actions: demo funding (only in demo mode), market status, retail access, and naming the first staff. Each answers after the core applied the
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
    private final StaffDirectory staff;
    private final SecurityAuditSink audit;

    public AdminEndpoints(Markets markets, CommandSubmitter submitter, UserRepository users, String adminToken,
            boolean demoMode) {
        this(markets, submitter, users, adminToken, demoMode, null, SecurityAuditSink.NONE);
    }

    /**
     * @param staff the staff directory, for naming the first holder of each staff role; null for none.
     * @param audit where a bootstrapped role is recorded (HK-33).
     */
    public AdminEndpoints(Markets markets, CommandSubmitter submitter, UserRepository users, String adminToken,
            boolean demoMode, StaffDirectory staff, SecurityAuditSink audit) {
        this.staff = staff;
        this.audit = audit;
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
        router.post(PREFIX + "/retail-access").handler(this::retailAccess);
        if (staff != null) {
            router.post(PREFIX + "/staff").handler(this::bootstrapStaff);
        }
    }

    /**
     * What retail clients may do in a market (HK-10, HK-14): ELIGIBLE, SELL_ONLY (retail may sell down, not buy) or
     * NOT_ELIGIBLE. Professional investors are not affected. The core cancels retail orders the new access forbids.
     */
    private void retailAccess(RoutingContext ctx) {
        JsonObject body = body(ctx, Set.of("symbol", "access"));
        if (body == null) {
            return;
        }
        MarketFormat market;
        RetailAccess access;
        try {
            market = markets.bySymbol(body.getValue("symbol") instanceof String s ? s : null);
            access = RetailAccess.valueOf(body.getValue("access") instanceof String s ? s : "");
        } catch (BinanceException | IllegalArgumentException e) {
            error(ctx, 400, "INVALID_ARGUMENT",
                    "Give symbol (e.g. BTCHKD) and access (ELIGIBLE, SELL_ONLY, NOT_ELIGIBLE).");
            return;
        }
        submit(ctx, new SetRetailAccess(market.spec().marketId(), access),
                code -> ok(ctx, new JsonObject().put("symbol", market.symbol()).put("access", access.name())));
    }

    /**
     * Names the first holder of a staff role ({@code {email, role}}): allowed only while nobody holds that role, so
     * that a new deployment can name its first operator admin and compliance officer; every later change of roles
     * goes through maker-checker (HK-17). Recorded in the audit trail.
     */
    private void bootstrapStaff(RoutingContext ctx) {
        JsonObject body = body(ctx, Set.of("email", "role"));
        if (body == null) {
            return;
        }
        StaffRole role;
        try {
            role = StaffRole.valueOf(body.getValue("role") instanceof String r ? r : "");
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "INVALID_ARGUMENT",
                    "Give email and role (OPERATOR_ADMIN, COMPLIANCE_OFFICER, CUSTODY_OFFICER, AUDITOR).");
            return;
        }
        String email = body.getValue("email") instanceof String e ? e : null;
        ctx.vertx().executeBlocking(() -> {
            User user = email == null ? null : users.findByEmail(email).orElse(null);
            if (user == null) {
                return "UNKNOWN_USER";
            }
            boolean held = staff.staff().stream().anyMatch(m -> m.roles().contains(role));
            if (held) {
                return "ROLE_ALREADY_BOOTSTRAPPED";
            }
            java.time.Instant now = java.time.Instant.now();
            staff.bootstrap(user.id(), role, now);
            audit.record(new SecurityEvent(SecurityEventType.ROLE_CHANGE, SecurityEvent.UNKNOWN_USER, user.id(),
                    "bootstrap " + role + " by the operator", ctx.request().remoteAddress() == null ? null
                            : ctx.request().remoteAddress().host(), now));
            return "OK:" + user.id();
        }, false).onComplete(done -> {
            if (done.failed()) {
                error(ctx, 503, "SERVICE_BUSY", "The store did not answer; try again.");
            } else if (done.result().equals("UNKNOWN_USER")) {
                error(ctx, 404, "UNKNOWN_USER", "No user has this email.");
            } else if (done.result().equals("ROLE_ALREADY_BOOTSTRAPPED")) {
                error(ctx, 409, "ROLE_ALREADY_BOOTSTRAPPED",
                        "Someone holds this role already: further grants go through maker-checker.");
            } else {
                ok(ctx, new JsonObject().put("userId", Long.parseLong(done.result().substring(3)))
                        .put("role", role.name()));
            }
        });
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
