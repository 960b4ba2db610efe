package io.lantau.gateway.binance;

import io.lantau.core.ResultCode;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.compliance.onboarding.AccessAction;
import io.lantau.gateway.auth.AccessRecorder;
import io.lantau.gateway.binance.BinanceApi.Security;
import io.lantau.gateway.limits.RateLimiter;
import io.lantau.store.dispatch.CommandRecord;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Endpoints that change orders: new order (and its test), cancel, cancel all, cancel-replace. Each submits commands
 * and answers when the command is durable and the read models have it, so the client's next query sees it.
 */
public final class OrderEndpoints {
    static final long ANSWER_TIMEOUT_MILLIS = 10_000;
    private static final Set<String> NOTHING_MORE = Set.of();

    private final Markets markets;
    private final CommandSubmitter submitter;
    private final RateLimiter limiter;
    private final AccessRecorder access;

    public OrderEndpoints(Markets markets, CommandSubmitter submitter, RateLimiter limiter) {
        this(markets, submitter, limiter, AccessRecorder.NONE);
    }

    /** @param access told of every order request that passes validation and the order limits (HK-23). */
    public OrderEndpoints(Markets markets, CommandSubmitter submitter, RateLimiter limiter, AccessRecorder access) {
        this.markets = markets;
        this.submitter = submitter;
        this.limiter = limiter;
        this.access = access;
    }

    public void mount(BinanceApi api, Router router) {
        api.route(router, HttpMethod.POST, "/order", 1, Security.SIGNED_TRADE, this::newOrder);
        api.route(router, HttpMethod.POST, "/order/test", 1, Security.SIGNED_TRADE, this::testOrder);
        api.route(router, HttpMethod.DELETE, "/order", 1, Security.SIGNED_TRADE, this::cancelOrder);
        api.route(router, HttpMethod.DELETE, "/openOrders", 1, Security.SIGNED_TRADE, this::cancelAll);
        api.route(router, HttpMethod.POST, "/order/cancelReplace", 1, Security.SIGNED_TRADE, this::cancelReplace);
    }

    private void newOrder(BinanceCall call) {
        OrderRequests.NewOrder order = OrderRequests.parse(call.params(), call.accountId(), markets);
        call.params().requireAllRead(NOTHING_MORE);
        countOrder(call);
        recordAccess(call, order);
        submit(call, order.command(), record -> answerNewOrder(call, order, record));
    }

    private void answerNewOrder(BinanceCall call, OrderRequests.NewOrder order, CommandRecord record) {
        if (record.code() != ResultCode.OK) {
            call.fail(CoreErrors.of(record.code(), false));
            return;
        }
        OrderSnapshot state = Outcomes.finalState(record, Outcomes.acceptedOrderId(record));
        call.ok(OrderJson.newOrder(order.market(), state, order.responseType(),
                OrderJson.millis(record.timestampNanos()), record.events()));
    }

    private void testOrder(BinanceCall call) {
        call.params().optional("computeCommissionRates");
        OrderRequests.parse(call.params(), call.accountId(), markets);
        call.params().requireAllRead(NOTHING_MORE);
        call.ok(new JsonObject());
    }

    private void cancelOrder(BinanceCall call) {
        CancelOrder cancel = cancelCommand(call, "orderId", "origClientOrderId");
        call.params().optional("newClientOrderId");
        call.params().optional("cancelRestrictions");
        call.params().requireAllRead(NOTHING_MORE);
        MarketFormat m = markets.byId(cancel.marketId());
        submit(call, cancel, record -> {
            if (record.code() != ResultCode.OK) {
                call.fail(CoreErrors.of(record.code(), true));
            } else {
                call.ok(canceledJson(m, Outcomes.canceled(record).getFirst(), record));
            }
        });
    }

    private CancelOrder cancelCommand(BinanceCall call, String idParameter, String clientIdParameter) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        long orderId = call.params().optionalLong(idParameter, 0);
        String clientOrderId = OrderRequests.checkedOrigClientOrderId(call.params().optional(clientIdParameter));
        if (orderId <= 0 && clientOrderId == null) {
            throw new BinanceException(BinanceError.mandatory(idParameter));
        }
        return new CancelOrder(call.accountId(), m.spec().marketId(), Math.max(orderId, 0), clientOrderId);
    }

    private static JsonObject canceledJson(MarketFormat m, OrderSnapshot order, CommandRecord record) {
        return OrderJson.order(m, order)
                .put("origClientOrderId", order.clientOrderId())
                .put("transactTime", OrderJson.millis(record.timestampNanos()));
    }

    private void cancelAll(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        call.params().requireAllRead(NOTHING_MORE);
        submit(call, new CancelAllOrders(call.accountId(), m.spec().marketId()), record -> {
            if (record.code() != ResultCode.OK) {
                call.fail(CoreErrors.of(record.code(), true));
                return;
            }
            JsonArray canceled = new JsonArray();
            Outcomes.canceled(record).forEach(o -> canceled.add(canceledJson(m, o, record)));
            call.ok(canceled);
        });
    }

    /**
     * Binance's cancel-replace: cancel one order, then (if the cancel succeeded, or whatever its outcome with
     * {@code ALLOW_FAILURE}) place a new one. Not atomic, as on Binance; a partial outcome answers 409.
     */
    private void cancelReplace(BinanceCall call) {
        String mode = call.params().required("cancelReplaceMode");
        if (!mode.equals("STOP_ON_FAILURE") && !mode.equals("ALLOW_FAILURE")) {
            throw new BinanceException(BinanceError.invalidData("cancelReplaceMode"));
        }
        CancelOrder cancel = cancelCommand(call, "cancelOrderId", "cancelOrigClientOrderId");
        call.params().optional("cancelNewClientOrderId");
        call.params().optional("cancelRestrictions");
        call.params().optional("orderRateLimitExceededMode");
        OrderRequests.NewOrder order = OrderRequests.parse(call.params(), call.accountId(), markets);
        call.params().requireAllRead(NOTHING_MORE);
        if (order.command().marketId() != cancel.marketId()) {
            throw new BinanceException(BinanceError.BAD_SYMBOL);
        }
        countOrder(call);
        recordAccess(call, order);
        MarketFormat m = order.market();
        submit(call, cancel, cancelRecord -> {
            boolean canceled = cancelRecord.code() == ResultCode.OK;
            JsonObject cancelResponse = canceled
                    ? canceledJson(m, Outcomes.canceled(cancelRecord).getFirst(), cancelRecord)
                    : errorJson(CoreErrors.of(cancelRecord.code(), true));
            if (!canceled && mode.equals("STOP_ON_FAILURE")) {
                call.fail(BinanceError.CANCEL_REPLACE_FAILED, new JsonObject()
                        .put("cancelResult", "FAILURE").put("newOrderResult", "NOT_ATTEMPTED")
                        .put("cancelResponse", cancelResponse).putNull("newOrderResponse"));
                return;
            }
            submit(call, order.command(), newRecord -> {
                boolean placed = newRecord.code() == ResultCode.OK;
                JsonObject newResponse = placed
                        ? OrderJson.newOrder(m, Outcomes.finalState(newRecord, Outcomes.acceptedOrderId(newRecord)),
                                order.responseType(), OrderJson.millis(newRecord.timestampNanos()),
                                newRecord.events())
                        : errorJson(CoreErrors.of(newRecord.code(), false));
                JsonObject body = new JsonObject()
                        .put("cancelResult", canceled ? "SUCCESS" : "FAILURE")
                        .put("newOrderResult", placed ? "SUCCESS" : "FAILURE")
                        .put("cancelResponse", cancelResponse)
                        .put("newOrderResponse", newResponse);
                if (canceled && placed) {
                    call.ok(body);
                } else {
                    call.fail(BinanceError.CANCEL_REPLACE_PARTIAL, body);
                }
            });
        });
    }

    private static JsonObject errorJson(BinanceError error) {
        return new JsonObject().put("code", error.code()).put("msg", error.msg());
    }

    /** HK-23: the API key stands for the device of a signed call (its IP allowlist binds it to the client's hosts). */
    private void recordAccess(BinanceCall call, OrderRequests.NewOrder order) {
        access.record(call.accountId(), AccessAction.ORDER, call.clientIp(), "api-key:" + call.key().keyId(),
                order.command().clientOrderId());
    }

    private void countOrder(BinanceCall call) {
        RateLimiter.OrderCount count = limiter.order(call.accountId());
        call.header("X-MBX-ORDER-COUNT-10S", Long.toString(count.in10Seconds()));
        call.header("X-MBX-ORDER-COUNT-1D", Long.toString(count.inDay()));
        if (!count.allowed()) {
            call.header("Retry-After", Long.toString(count.retryAfterSeconds()));
            throw new BinanceException(BinanceError.TOO_MANY_ORDERS);
        }
    }

    /** Submits and answers from the request's thread when the command is applied, or with -1007 on timeout. */
    private void submit(BinanceCall call, Command command, Consumer<CommandRecord> onApplied) {
        long timer = call.vertx().setTimer(ANSWER_TIMEOUT_MILLIS, id -> call.fail(BinanceError.TIMEOUT));
        boolean queued = submitter.submit(command, record -> call.onRequestThread(c -> {
            call.vertx().cancelTimer(timer);
            onApplied.accept(record);
        }));
        if (!queued) {
            call.vertx().cancelTimer(timer);
            throw new BinanceException(BinanceError.OVERLOADED);
        }
    }
}
