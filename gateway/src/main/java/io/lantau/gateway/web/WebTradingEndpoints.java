package io.lantau.gateway.web;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.gateway.binance.BinanceError;
import io.lantau.gateway.binance.BinanceException;
import io.lantau.gateway.binance.CoreErrors;
import io.lantau.gateway.binance.MarketFormat;
import io.lantau.gateway.binance.Markets;
import io.lantau.gateway.binance.OrderJson;
import io.lantau.gateway.binance.OrderRequests;
import io.lantau.gateway.binance.Outcomes;
import io.lantau.gateway.binance.Params;
import io.lantau.gateway.binance.QueryEndpoints;
import io.lantau.gateway.limits.RateLimiter;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.store.account.AccountReadModel;
import io.lantau.store.account.Session;
import io.lantau.store.dispatch.BackgroundProjection;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.history.HistoryQuery;
import io.lantau.store.history.OrderHistoryRepository;
import io.lantau.store.history.TradeHistoryRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * The signed-in browser's trading, under {@code /api/lantau/v1/trading}: the same core commands as the Binance API's
 * {@code OrderEndpoints}, parsed by the same {@link OrderRequests} (so the same filters and the same messages), and
 * the same read models as its {@code QueryEndpoints}, authenticated by the native API's session cookie and, for
 * changes, its CSRF token instead of a signature. The account is always the session's user: no route takes an account
 * id, so a browser can never reach another client's orders or balances.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><th>request</th><th>needs</th><th>answer</th></tr>
 * <tr><td>{@code GET /trading/balances}</td><td>session</td><td>200 {@code [{asset, free, locked}]}</td></tr>
 * <tr><td>{@code GET /trading/open-orders?symbol=}</td><td>session</td><td>200 Binance order objects</td></tr>
 * <tr><td>{@code GET /trading/orders?symbol=}</td><td>session</td><td>200 the latest 100 orders, newest first</td></tr>
 * <tr><td>{@code GET /trading/trades?symbol=}</td><td>session</td><td>200 the latest 100 trades, newest first</td></tr>
 * <tr><td>{@code POST /trading/orders {symbol, side, type, timeInForce?, price?, quantity?, quoteOrderQty?}}</td>
 * <td>session, CSRF</td><td>200 Binance's FULL new-order answer</td></tr>
 * <tr><td>{@code DELETE /trading/orders/:id?symbol=}</td><td>session, CSRF</td><td>200 the canceled order</td></tr>
 * <tr><td>{@code POST /trading/orders/:id/amend {symbol, price, quantity}}</td><td>session, CSRF</td>
 * <td>200 the amended order</td></tr>
 * </table>
 *
 * <p>A refusal is {@code {code, message, binanceCode, reason?}}: {@code message} is the Binance API's exact message
 * for the same mistake and {@code reason} the core's result code when the core rejected the command.
 */
public final class WebTradingEndpoints implements EndpointGroup {
    static final int HISTORY_ROWS = 100;
    private static final long HISTORY_WAIT_MILLIS = 5_000;
    private static final Duration CORE_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> ORDER_FIELDS = Set.of("symbol", "side", "type", "timeInForce", "price",
            "quantity", "quoteOrderQty", "newClientOrderId");
    private static final Set<String> AMEND_FIELDS = Set.of("symbol", "price", "quantity");
    private static final int MAX_FIELD = 64;

    private final Markets markets;
    private final CoreCommands core;
    private final RateLimiter limiter;
    private final AccountReadModel accounts;
    private final OrderHistoryRepository orders;
    private final TradeHistoryRepository trades;
    private final BackgroundProjection history;
    private final LongSupplier appliedSequence;

    /**
     * @param limiter         the Binance API's limiter: a client's orders count against one limit whichever way
     *                        they come in.
     * @param history         the relational history, awaited before reading it.
     * @param appliedSequence the last sequence the in-memory read models (and so every answer sent) have seen.
     */
    public WebTradingEndpoints(Markets markets, CommandSubmitter submitter, RateLimiter limiter,
            AccountReadModel accounts, DataSource dataSource, BackgroundProjection history,
            LongSupplier appliedSequence) {
        this.markets = markets;
        this.core = new CoreCommands(submitter, CORE_TIMEOUT);
        this.limiter = limiter;
        this.accounts = accounts;
        this.orders = new OrderHistoryRepository(dataSource);
        this.trades = new TradeHistoryRepository(dataSource);
        this.history = history;
        this.appliedSequence = appliedSequence;
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, "/trading/balances", Access.SESSION, this::balances);
        routes.add(HttpMethod.GET, "/trading/open-orders", Access.SESSION, this::openOrders);
        routes.add(HttpMethod.GET, "/trading/orders", Access.SESSION, this::orderHistory);
        routes.add(HttpMethod.GET, "/trading/trades", Access.SESSION, this::tradeHistory);
        routes.add(HttpMethod.POST, "/trading/orders", Access.SESSION_CHANGE, this::place);
        routes.add(HttpMethod.DELETE, "/trading/orders/:id", Access.SESSION_CHANGE, this::cancel);
        routes.add(HttpMethod.POST, "/trading/orders/:id/amend", Access.SESSION_CHANGE, this::amend);
    }

    private Reply balances(NativeRequest request, Session session) {
        return Reply.ok(QueryEndpoints.balancesJson(markets, accounts.balances(session.userId()), false));
    }

    private Reply openOrders(NativeRequest request, Session session) {
        String symbol = request.queryParam("symbol");
        int marketId = symbol == null ? -1 : market(symbol).spec().marketId();
        JsonArray list = new JsonArray();
        for (OrderSnapshot o : accounts.openOrders(session.userId(), marketId)) {
            list.add(OrderJson.order(markets.byId(o.marketId()), o));
        }
        return Reply.ok(list);
    }

    private Reply orderHistory(NativeRequest request, Session session) {
        MarketFormat m = market(requiredQuery(request, "symbol"));
        awaitHistory();
        JsonArray list = new JsonArray();
        for (OrderSnapshot o : orders.allOrders(session.userId(), m.spec().marketId(),
                HistoryQuery.latest(HISTORY_ROWS)).reversed()) {
            list.add(OrderJson.order(m, o));
        }
        return Reply.ok(list);
    }

    private Reply tradeHistory(NativeRequest request, Session session) {
        MarketFormat m = market(requiredQuery(request, "symbol"));
        awaitHistory();
        JsonArray list = new JsonArray();
        trades.myTrades(session.userId(), m.spec().marketId(), null, HistoryQuery.latest(HISTORY_ROWS)).reversed()
                .forEach(t -> list.add(QueryEndpoints.tradeJson(m, t)));
        return Reply.ok(list);
    }

    private Reply place(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(ORDER_FIELDS);
        Map<String, String> decoded = new HashMap<>();
        for (String field : ORDER_FIELDS) {
            String value = body.optionalString(field, MAX_FIELD);
            if (value != null) {
                decoded.put(field, value);
            }
        }
        OrderRequests.NewOrder order;
        try {
            order = OrderRequests.parse(Params.of(decoded), session.userId(), markets);
        } catch (BinanceException e) {
            return rejected(e.error(), null);
        }
        RateLimiter.OrderCount count = limiter.order(session.userId());
        if (!count.allowed()) {
            throw new NativeException(WebTradingError.TOO_MANY_ORDERS, WebTradingError.TOO_MANY_ORDERS.message(),
                    count.retryAfterSeconds());
        }
        CommandRecord record = apply(order.command());
        if (record.code() != ResultCode.OK) {
            return rejected(CoreErrors.of(record.code(), false), record.code());
        }
        OrderSnapshot state = Outcomes.finalState(record, Outcomes.acceptedOrderId(record));
        return Reply.ok(OrderJson.newOrder(order.market(), state, "FULL", OrderJson.millis(record.timestampNanos()),
                record.events()));
    }

    private Reply cancel(NativeRequest request, Session session) {
        MarketFormat m = market(requiredQuery(request, "symbol"));
        long orderId = orderId(request);
        CommandRecord record = apply(new CancelOrder(session.userId(), m.spec().marketId(), orderId, null));
        if (record.code() != ResultCode.OK) {
            return rejected(CoreErrors.of(record.code(), true), record.code());
        }
        List<OrderSnapshot> canceled = Outcomes.canceled(record);
        return Reply.ok(OrderJson.order(m, canceled.getFirst()));
    }

    private Reply amend(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(AMEND_FIELDS);
        MarketFormat m = market(body.requiredString("symbol", MAX_FIELD));
        long orderId = orderId(request);
        long priceTicks;
        long lots;
        try {
            priceTicks = m.priceTicks("price", body.requiredString("price", MAX_FIELD));
            lots = m.quantityLots("quantity", body.requiredString("quantity", MAX_FIELD), BinanceError.LOT_SIZE);
        } catch (BinanceException e) {
            return rejected(e.error(), null);
        }
        CommandRecord record = apply(new AmendOrder(session.userId(), m.spec().marketId(), orderId, priceTicks, lots));
        if (record.code() != ResultCode.OK) {
            return rejected(CoreErrors.of(record.code(), false), record.code());
        }
        OrderSnapshot state = Outcomes.finalState(record, orderId);
        return Reply.ok(state == null ? new JsonObject().put("orderId", orderId) : OrderJson.order(m, state));
    }

    private CommandRecord apply(Command command) {
        try {
            return core.apply(command);
        } catch (CoreCommands.Unavailable e) {
            throw new NativeException(WebTradingError.CORE_UNAVAILABLE);
        }
    }

    private void awaitHistory() {
        if (!history.awaitApplied(appliedSequence.getAsLong(), HISTORY_WAIT_MILLIS)) {
            throw new NativeException(WebTradingError.CORE_UNAVAILABLE, "the history is catching up; try again");
        }
    }

    private MarketFormat market(String symbol) {
        try {
            return markets.bySymbol(symbol);
        } catch (BinanceException e) {
            throw new NativeException(NativeError.INVALID_VALUE, "unknown symbol");
        }
    }

    private static String requiredQuery(NativeRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw new NativeException(NativeError.MISSING_FIELD, name);
        }
        return value;
    }

    private static long orderId(NativeRequest request) {
        try {
            long id = Long.parseLong(request.pathId());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new NativeException(WebTradingError.ORDER_NOT_FOUND);
    }

    /** @param reason the core's result code, or null when the request was refused before reaching the core. */
    private static Reply rejected(BinanceError error, ResultCode reason) {
        JsonObject json = new JsonObject().put("code", WebTradingError.ORDER_REJECTED.code())
                .put("message", error.msg()).put("binanceCode", error.code());
        if (reason != null) {
            json.put("reason", reason.name());
        }
        return new Reply(WebTradingError.ORDER_REJECTED.httpStatus(), json.encode(), List.of(), 0);
    }
}
