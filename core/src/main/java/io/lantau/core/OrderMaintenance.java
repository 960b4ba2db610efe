package io.lantau.core;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;

/**
 * Cancels and amends open orders. An account only ever sees its own orders: another account's order id is
 * {@code UNKNOWN_ORDER}, exactly as an id that never existed. See SEMANTICS.md, "Cancel and amend".
 */
final class OrderMaintenance {
    private final Market[] markets;
    private final Ledger ledger;
    private final OpenOrders openOrders;
    private final Matcher matcher;
    private final Emitter emitter;
    private final Exposure exposure;

    OrderMaintenance(Market[] markets, Ledger ledger, OpenOrders openOrders, Matcher matcher, Emitter emitter,
            Exposure exposure) {
        this.markets = markets;
        this.ledger = ledger;
        this.openOrders = openOrders;
        this.matcher = matcher;
        this.emitter = emitter;
        this.exposure = exposure;
    }

    ResultCode cancel(CancelOrder c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        Market market = markets[c.marketId()];
        Order order;
        if (c.orderId() > 0) {
            order = ownOrder(c.accountId(), c.orderId(), market);
        } else {
            Account account = ledger.account(c.accountId());
            order = account == null || c.clientOrderId() == null ? null
                    : openOrders.byClientId(account, c.clientOrderId());
            order = order != null && order.marketId == market.marketId ? order : null;
        }
        if (order == null) {
            return notFound(c.accountId(), market, MarketStatus.HALTED);
        }
        if (market.status == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        matcher.cancel(market, order, CancelReason.USER);
        return ResultCode.OK;
    }

    /**
     * The hot path of cancels and amends finds the order first, without looking the account up: if the order is the
     * caller's, the account exists. Only a miss pays for the account lookup.
     *
     * @return the open order if it is the account's and in the market, else {@code null}.
     */
    private Order ownOrder(long accountId, long orderId, Market market) {
        Order order = openOrders.get(orderId);
        return order != null && order.account.accountId == accountId && order.marketId == market.marketId ? order
                : null;
    }

    /**
     * The answer when the order was not found, with the documented precedence: unknown account, then the market's
     * status (from {@code blockingFrom}: HALTED blocks cancels, CANCEL_ONLY and HALTED block amends), then unknown
     * order.
     */
    private ResultCode notFound(long accountId, Market market, MarketStatus blockingFrom) {
        if (ledger.account(accountId) == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (market.status.compareTo(blockingFrom) >= 0) {
            return market.status == MarketStatus.HALTED ? ResultCode.MARKET_HALTED : ResultCode.MARKET_CANCEL_ONLY;
        }
        return ResultCode.UNKNOWN_ORDER;
    }

    ResultCode cancelAll(CancelAllOrders c) {
        boolean allMarkets = c.marketId() == CancelAllOrders.ALL_MARKETS;
        if (!allMarkets && (c.marketId() < 0 || c.marketId() >= markets.length)) {
            return ResultCode.UNKNOWN_MARKET;
        }
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (!allMarkets && markets[c.marketId()].status == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        Order order = account.firstOrder;
        while (order != null) {
            Order next = order.nextOfAccount;
            Market market = markets[order.marketId];
            if ((allMarkets || order.marketId == c.marketId()) && market.status != MarketStatus.HALTED) {
                matcher.cancel(market, order, CancelReason.CANCEL_ALL);
            }
            order = next;
        }
        return ResultCode.OK;
    }

    ResultCode amend(AmendOrder c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        Market market = markets[c.marketId()];
        Order order = ownOrder(c.accountId(), c.orderId(), market);
        if (order == null) {
            return notFound(c.accountId(), market, MarketStatus.CANCEL_ONLY);
        }
        ResultCode code = OrderEntry.tradingAllowed(market);
        if (code != ResultCode.OK) {
            return code;
        }
        if (order.account.status != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        long newPrice = c.newPriceTicks();
        long newQuantity = c.newQuantityLots();
        code = OrderEntry.checkPrice(market, newPrice);
        if (code != ResultCode.OK) {
            return code;
        }
        code = OrderEntry.checkQuantity(market, newQuantity);
        if (code != ResultCode.OK) {
            return code;
        }
        if (newQuantity <= order.filledLots) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (market.notional(newPrice, newQuantity) < market.minNotionalMinor) {
            return ResultCode.NOTIONAL_BELOW_MIN;
        }
        if (newPrice == order.priceTicks && newQuantity == order.quantityLots) {
            return ResultCode.AMEND_NO_CHANGE;
        }
        if (newPrice == order.priceTicks && newQuantity < order.quantityLots) {
            reduceInPlace(market, order, newQuantity);
            return ResultCode.OK;
        }
        code = retailRules(market, order, newQuantity);
        if (code != ResultCode.OK) {
            return code;
        }
        return replace(market, order, newPrice, newQuantity);
    }

    private void reduceInPlace(Market market, Order order, long newQuantity) {
        long oldQuantity = order.quantityLots;
        market.shrink(order, oldQuantity - newQuantity);
        order.quantityLots = order.maxLots = newQuantity;
        long newLock = market.lockFor(order, order.priceTicks, newQuantity - order.filledLots);
        long released = order.lockedMinor - newLock;
        order.lockedMinor = newLock;
        order.updatedNanos = emitter.timestampNanos;
        emitter.listener.onOrderAmended(emitter.sequence, emitter.timestampNanos, order, order.priceTicks,
                oldQuantity, true);
        if (released > 0) {
            ledger.unlock(order.account, lockedAsset(market, order), released, BalanceChangeReason.ORDER_RELEASED);
        }
    }

    /**
     * A retail client's buy that is repriced or enlarged buys more: retail access (HK-10, HK-14) and the exposure
     * limit (HK-04) apply to the extra quantity as to a new order.
     */
    private ResultCode retailRules(Market market, Order order, long newQuantity) {
        if (order.side != Side.BUY || !order.account.isRetail()) {
            return ResultCode.OK;
        }
        ResultCode code = OrderEntry.retailAccess(order.account, market, Side.BUY);
        long extraLots = newQuantity - order.quantityLots;
        if (code == ResultCode.OK && extraLots > 0) {
            code = exposure.withinLimit(order.account, market.baseAssetId, extraLots * market.lotSizeMinor);
        }
        return code;
    }

    /** A new price or a larger quantity: the order leaves its place and is matched again as a taker. */
    private ResultCode replace(Market market, Order order, long newPrice, long newQuantity) {
        if (order.type == OrderType.LIMIT_MAKER && OrderEntry.wouldTake(market, order.side, newPrice)) {
            return ResultCode.WOULD_TAKE;
        }
        long newLock = market.lockFor(order, newPrice, newQuantity - order.filledLots);
        long extra = newLock - order.lockedMinor;
        int asset = lockedAsset(market, order);
        if (extra > order.account.available[asset]) {
            return ResultCode.INSUFFICIENT_BALANCE;
        }
        long oldPrice = order.priceTicks;
        long oldQuantity = order.quantityLots;
        market.unrest(order);
        order.priceTicks = newPrice;
        order.quantityLots = order.maxLots = newQuantity;
        order.lockedMinor = newLock;
        order.updatedNanos = emitter.timestampNanos;
        emitter.listener.onOrderAmended(emitter.sequence, emitter.timestampNanos, order, oldPrice, oldQuantity, false);
        if (extra > 0) {
            ledger.lock(order.account, asset, extra, BalanceChangeReason.ORDER_LOCKED);
        } else if (extra < 0) {
            ledger.unlock(order.account, asset, -extra, BalanceChangeReason.ORDER_RELEASED);
        }
        matcher.execute(market, order);
        return ResultCode.OK;
    }

    private static int lockedAsset(Market market, Order order) {
        return order.side == Side.BUY ? market.quoteAssetId : market.baseAssetId;
    }
}
