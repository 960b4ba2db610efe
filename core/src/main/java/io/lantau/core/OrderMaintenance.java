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

    OrderMaintenance(Market[] markets, Ledger ledger, OpenOrders openOrders, Matcher matcher, Emitter emitter) {
        this.markets = markets;
        this.ledger = ledger;
        this.openOrders = openOrders;
        this.matcher = matcher;
        this.emitter = emitter;
    }

    ResultCode cancel(CancelOrder c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        Market market = markets[c.marketId()];
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (market.status == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        Order order = c.orderId() > 0 ? openOrders.get(c.orderId())
                : c.clientOrderId() != null ? openOrders.byClientId(account, c.clientOrderId()) : null;
        if (order == null || order.account != account || order.marketId != market.marketId) {
            return ResultCode.UNKNOWN_ORDER;
        }
        matcher.cancel(market, order, CancelReason.USER);
        return ResultCode.OK;
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
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        ResultCode code = OrderEntry.tradingAllowed(market);
        if (code != ResultCode.OK) {
            return code;
        }
        Order order = openOrders.get(c.orderId());
        if (order == null || order.account != account || order.marketId != market.marketId) {
            return ResultCode.UNKNOWN_ORDER;
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
        return replace(market, order, newPrice, newQuantity);
    }

    private void reduceInPlace(Market market, Order order, long newQuantity) {
        long oldQuantity = order.quantityLots;
        market.book.decreaseQuantity(order, oldQuantity - newQuantity);
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
        market.book.remove(order);
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
