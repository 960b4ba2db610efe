package io.lantau.gateway.binance;

import io.lantau.core.config.Asset;
import io.lantau.core.config.FeeSchedule;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.gateway.binance.BinanceApi.Security;
import io.lantau.store.account.AccountReadModel;
import io.lantau.store.dispatch.BackgroundProjection;
import io.lantau.store.history.AccountTrade;
import io.lantau.store.history.HistoryQuery;
import io.lantau.store.history.OrderHistoryRepository;
import io.lantau.store.history.TradeHistoryRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Signed queries of the caller's own account: balances, one order, open orders, all orders, own trades. Open and
 * recent orders and balances come from the in-memory read model (up to date with every answer already sent); older
 * history comes from the relational store, after it has caught up with what the client has seen, read off the event
 * loop. Only the caller's account is ever read: ids of other accounts' orders are "does not exist".
 */
public final class QueryEndpoints {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NOTHING_MORE = Set.of();

    private final Markets markets;
    private final AccountReadModel accounts;
    private final OrderHistoryRepository orders;
    private final TradeHistoryRepository trades;
    private final BackgroundProjection history;
    private final LongSupplier appliedSequence;

    /**
     * @param history         the relational history projection, to wait for before reading it.
     * @param appliedSequence the last sequence every in-memory read model (and so every answer sent) has seen.
     */
    public QueryEndpoints(Markets markets, AccountReadModel accounts, OrderHistoryRepository orders,
            TradeHistoryRepository trades, BackgroundProjection history, LongSupplier appliedSequence) {
        this.markets = markets;
        this.accounts = accounts;
        this.orders = orders;
        this.trades = trades;
        this.history = history;
        this.appliedSequence = appliedSequence;
    }

    public void mount(BinanceApi api, Router router) {
        api.route(router, HttpMethod.GET, "/account", 20, Security.SIGNED_READ, this::account);
        api.route(router, HttpMethod.GET, "/order", 4, Security.SIGNED_READ, this::order);
        api.route(router, HttpMethod.GET, "/openOrders", 6, Security.SIGNED_READ, c -> openOrders(api, c));
        api.route(router, HttpMethod.GET, "/allOrders", 20, Security.SIGNED_READ, this::allOrders);
        api.route(router, HttpMethod.GET, "/myTrades", 20, Security.SIGNED_READ, this::myTrades);
    }

    private void account(BinanceCall call) {
        boolean omitZero = "true".equals(call.params().optional("omitZeroBalances"));
        call.params().requireAllRead(NOTHING_MORE);
        AccountReadModel.Balances balances = accounts.balances(call.accountId());
        FeeSchedule fees = markets.config().fees();
        int tier = balances == null ? 0 : balances.feeTier();
        JsonArray list = balancesJson(markets, balances, omitZero);
        String maker = rate(fees.makerBps(tier));
        String taker = rate(fees.takerBps(tier));
        call.ok(new JsonObject()
                .put("makerCommission", fees.makerBps(tier))
                .put("takerCommission", fees.takerBps(tier))
                .put("buyerCommission", 0)
                .put("sellerCommission", 0)
                .put("commissionRates", new JsonObject().put("maker", maker).put("taker", taker)
                        .put("buyer", "0.00000000").put("seller", "0.00000000"))
                .put("canTrade", call.key().canTrade())
                .put("canWithdraw", call.key().canWithdraw())
                .put("canDeposit", true)
                .put("brokered", false)
                .put("requireSelfTradePrevention", false)
                .put("preventSor", false)
                .put("updateTime", balances == null ? 0 : OrderJson.millis(balances.updateTimeNanos()))
                .put("accountType", "SPOT")
                .put("balances", list)
                .put("permissions", new JsonArray().add("SPOT"))
                .put("uid", call.accountId()));
    }

    /** @return each asset's free and locked amount in Binance's shape; {@code balances} null for a new account. */
    public static JsonArray balancesJson(Markets markets, AccountReadModel.Balances balances, boolean omitZero) {
        JsonArray list = new JsonArray();
        for (Asset asset : markets.config().assets()) {
            long free = balances == null ? 0 : balances.availableMinor()[asset.assetId()];
            long locked = balances == null ? 0 : balances.lockedMinor()[asset.assetId()];
            if (omitZero && free == 0 && locked == 0) {
                continue;
            }
            list.add(new JsonObject().put("asset", asset.code())
                    .put("free", Decimals.format(free, asset.scale()))
                    .put("locked", Decimals.format(locked, asset.scale())));
        }
        return list;
    }

    private static String rate(int bps) {
        return BigDecimal.valueOf(bps, 4).setScale(8).toPlainString();
    }

    private void order(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        long orderId = call.params().optionalLong("orderId", 0);
        String clientOrderId = OrderRequests.checkedOrigClientOrderId(call.params().optional("origClientOrderId"));
        call.params().requireAllRead(NOTHING_MORE);
        if (orderId <= 0 && clientOrderId == null) {
            throw new BinanceException(BinanceError.mandatory("orderId"));
        }
        int marketId = m.spec().marketId();
        OrderSnapshot recent = orderId > 0 ? accounts.order(call.accountId(), orderId)
                : accounts.orderByClientId(call.accountId(), clientOrderId);
        if (recent != null && recent.marketId() == marketId) {
            call.ok(OrderJson.order(m, recent));
            return;
        }
        fromHistory(call, () -> (orderId > 0 ? orders.findByOrderId(call.accountId(), orderId)
                : orders.findByClientOrderId(call.accountId(), clientOrderId))
                .filter(o -> o.marketId() == marketId).orElse(null), order -> {
                    if (order == null) {
                        call.fail(BinanceError.NO_SUCH_ORDER);
                    } else {
                        call.ok(OrderJson.order(m, order));
                    }
                });
    }

    private void openOrders(BinanceApi api, BinanceCall call) {
        String symbol = call.params().optional("symbol");
        call.params().requireAllRead(NOTHING_MORE);
        int marketId = -1;
        if (symbol != null) {
            marketId = markets.bySymbol(symbol).spec().marketId();
        } else {
            api.limiter().request(call.clientIp(), 74); // Binance weighs the all-symbols query at 80
        }
        JsonArray list = new JsonArray();
        for (OrderSnapshot o : accounts.openOrders(call.accountId(), marketId)) {
            list.add(OrderJson.order(markets.byId(o.marketId()), o));
        }
        call.ok(list);
    }

    private void allOrders(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        Long fromId = positive(call, "orderId");
        Long start = positive(call, "startTime");
        Long end = positive(call, "endTime");
        int limit = limit(call);
        call.params().requireAllRead(NOTHING_MORE);
        int marketId = m.spec().marketId();
        HistoryQuery query = new HistoryQuery(fromId, start, end, limit);
        fromHistory(call, () -> orders.allOrders(call.accountId(), marketId, query), found -> {
            JsonArray list = new JsonArray();
            found.forEach(o -> list.add(OrderJson.order(m, o)));
            call.ok(list);
        });
    }

    private void myTrades(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        Long orderId = positive(call, "orderId");
        Long fromId = positive(call, "fromId");
        Long start = positive(call, "startTime");
        Long end = positive(call, "endTime");
        int limit = limit(call);
        call.params().requireAllRead(NOTHING_MORE);
        int marketId = m.spec().marketId();
        HistoryQuery query = new HistoryQuery(fromId, start, end, limit);
        fromHistory(call, () -> trades.myTrades(call.accountId(), marketId, orderId, query), found -> {
            JsonArray list = new JsonArray();
            for (AccountTrade t : found) {
                list.add(tradeJson(m, t));
            }
            call.ok(list);
        });
    }

    /** @return one of the caller's trades in Binance's {@code myTrades} shape. */
    public static JsonObject tradeJson(MarketFormat m, AccountTrade t) {
        return new JsonObject().put("symbol", m.symbol()).put("id", t.trade().tradeId())
                .put("orderId", t.orderId()).put("orderListId", -1)
                .put("price", m.price(t.trade().priceTicks()))
                .put("qty", m.quantity(t.trade().quantityLots()))
                .put("quoteQty", m.quote(t.trade().quoteMinor()))
                .put("commission", m.quote(t.feeMinor()))
                .put("commissionAsset", m.spec().quote().code())
                .put("time", t.trade().timeMillis()).put("isBuyer", t.buyer()).put("isMaker", t.maker())
                .put("isBestMatch", true);
    }

    private static Long positive(BinanceCall call, String name) {
        long value = call.params().optionalLong(name, -1);
        if (value == -1 && !call.params().has(name)) {
            return null;
        }
        if (value < 0) {
            throw new BinanceException(BinanceError.illegalValue(name));
        }
        return value;
    }

    private static int limit(BinanceCall call) {
        long limit = call.params().optionalLong("limit", DEFAULT_LIMIT);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new BinanceException(BinanceError.invalidData("limit"));
        }
        return (int) limit;
    }

    /** Reads the history once it holds what the client has seen, then answers. */
    private <T> void fromHistory(BinanceCall call, Supplier<T> query, java.util.function.Consumer<T> answer) {
        HistoryReads.read(call, history, appliedSequence.getAsLong(), query, answer);
    }
}
