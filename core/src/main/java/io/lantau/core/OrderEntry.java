package io.lantau.core;

import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.FeeSchedule;

/**
 * Validates a {@link PlaceOrder} in the order SEMANTICS.md fixes, locks what the order can spend, and hands it to the
 * {@link Matcher}. A rejection changes nothing.
 */
final class OrderEntry {
    static final int MAX_CLIENT_ORDER_ID_LENGTH = 36;

    private final Market[] markets;
    private final Ledger ledger;
    private final OpenOrders openOrders;
    private final OrderPool pool;
    private final Matcher matcher;
    private final Emitter emitter;
    private final FeeSchedule fees;
    private final Exposure exposure;
    long nextOrderId = 1;

    OrderEntry(Market[] markets, Ledger ledger, OpenOrders openOrders, OrderPool pool, Matcher matcher,
            Emitter emitter, FeeSchedule fees, Exposure exposure) {
        this.markets = markets;
        this.ledger = ledger;
        this.openOrders = openOrders;
        this.pool = pool;
        this.matcher = matcher;
        this.emitter = emitter;
        this.fees = fees;
        this.exposure = exposure;
    }

    ResultCode place(PlaceOrder command) {
        ResultCode code = tryPlace(command);
        if (code != ResultCode.OK) {
            emitter.listener.onOrderRejected(emitter.sequence, emitter.timestampNanos, command, code);
        }
        return code;
    }

    private ResultCode tryPlace(PlaceOrder c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        Market market = markets[c.marketId()];
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (account.kind == AccountKind.FEE) {
            return ResultCode.ACCOUNT_CANNOT_TRADE;
        }
        if (account.status != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        ResultCode code = tradingAllowed(market);
        if (code != ResultCode.OK) {
            return code;
        }
        code = checkShape(c);
        if (code != ResultCode.OK) {
            return code;
        }
        code = retailAccess(account, market, c.side());
        if (code != ResultCode.OK) {
            return code;
        }
        String clientOrderId = c.clientOrderId();
        if (clientOrderId != null
                && (clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH)) {
            return ResultCode.INVALID_CLIENT_ORDER_ID;
        }
        boolean isMarket = c.type() == OrderType.MARKET;
        if (!isMarket) {
            code = checkPrice(market, c.priceTicks());
            if (code != ResultCode.OK) {
                return code;
            }
        }
        boolean byQuote = isMarket && c.quoteAmountMinor() != 0;
        if (byQuote) {
            if (c.quoteAmountMinor() < 0) {
                return ResultCode.INVALID_AMOUNT;
            }
            if (c.quoteAmountMinor() < market.minNotionalMinor) {
                return ResultCode.NOTIONAL_BELOW_MIN;
            }
        } else {
            code = checkQuantity(market, c.quantityLots());
            if (code != ResultCode.OK) {
                return code;
            }
            if (!isMarket && market.notional(c.priceTicks(), c.quantityLots()) < market.minNotionalMinor) {
                return ResultCode.NOTIONAL_BELOW_MIN;
            }
        }
        if (clientOrderId != null && openOrders.byClientId(account, clientOrderId) != null) {
            return ResultCode.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (c.type() == OrderType.LIMIT_MAKER && wouldTake(market, c.side(), c.priceTicks())) {
            return ResultCode.WOULD_TAKE;
        }
        if (account.isRetail() && c.side() == Side.BUY) {
            code = byQuote ? exposure.withinLimit(account, market.quoteAssetId, c.quoteAmountMinor())
                    : exposure.withinLimit(account, market.baseAssetId,
                            Math.multiplyExact(c.quantityLots(), market.lotSizeMinor));
            if (code != ResultCode.OK) {
                return code;
            }
        }
        return accept(market, account, c, byQuote);
    }

    private ResultCode accept(Market market, Account account, PlaceOrder c, boolean byQuote) {
        Order order = pool.acquire();
        order.account = account;
        order.marketId = market.marketId;
        order.clientOrderId = c.clientOrderId();
        order.side = c.side();
        order.type = c.type();
        order.timeInForce = c.timeInForce();
        order.stp = c.selfTradePrevention() == SelfTradePrevention.MARKET_DEFAULT
                ? market.defaultStp : c.selfTradePrevention();
        order.priceTicks = c.priceTicks();
        order.quantityLots = c.quantityLots();
        order.quoteAmountMinor = c.quoteAmountMinor();
        order.maxLots = byQuote ? Long.MAX_VALUE : c.quantityLots();
        order.budgetBounded = c.type() == OrderType.MARKET && c.side() == Side.BUY;
        order.makerBps = fees.makerBps(account.feeTier);
        order.takerBps = fees.takerBps(account.feeTier);
        order.status = OrderStatus.NEW;
        order.createdNanos = order.updatedNanos = emitter.timestampNanos;

        long lock;
        try {
            lock = lockFor(market, order, byQuote);
        } catch (ArithmeticException e) {
            pool.release(order);
            return ResultCode.OVERFLOW;
        }
        int lockAsset = order.side == Side.BUY ? market.quoteAssetId : market.baseAssetId;
        if (account.available[lockAsset] < lock) {
            pool.release(order);
            return ResultCode.INSUFFICIENT_BALANCE;
        }
        order.orderId = nextOrderId++;
        order.lockedMinor = lock;
        openOrders.add(order);
        emitter.listener.onOrderAccepted(emitter.sequence, emitter.timestampNanos, order);
        ledger.lock(account, lockAsset, lock, BalanceChangeReason.ORDER_LOCKED);
        if (order.timeInForce == TimeInForce.FOK && !fillOrKillCanFill(market, order)) {
            matcher.expire(market, order, ExpiryReason.FILL_OR_KILL);
        } else {
            matcher.execute(market, order);
        }
        return ResultCode.OK;
    }

    private long lockFor(Market market, Order order, boolean byQuote) {
        if (order.side == Side.SELL) {
            return Math.multiplyExact(order.quantityLots, market.lotSizeMinor);
        }
        if (byQuote) {
            return order.quoteAmountMinor;
        }
        if (order.type == OrderType.MARKET) {
            return costOfMarketBuy(market, order);
        }
        return market.lockFor(order, order.priceTicks, order.quantityLots);
    }

    /** The exact cost, taker fee included, of buying the order's quantity from the asks as they stand. */
    private static long costOfMarketBuy(Market market, Order order) {
        long notional = 0;
        long needed = order.quantityLots;
        for (Order ask = market.book.best(Side.SELL); ask != null && needed > 0; ask = market.book.next(ask)) {
            long lots = Math.min(needed, ask.remainingLots());
            notional = Math.addExact(notional, market.notional(ask.priceTicks, lots));
            needed -= lots;
        }
        return Math.addExact(notional, Fees.fee(notional, order.takerBps));
    }

    /**
     * A FOK order fills completely only if the crossing liquidity covers it and it meets no order of its own account
     * on the way (unless its STP mode is NONE): otherwise matching would stop early or expire resting orders.
     */
    private static boolean fillOrKillCanFill(Market market, Order order) {
        long needed = order.quantityLots;
        Side makerSide = order.side.opposite();
        for (Order maker = market.book.best(makerSide); maker != null; maker = market.book.next(maker)) {
            if (!market.crosses(order.side, order.priceTicks, maker.priceTicks)) {
                return false;
            }
            if (maker.account == order.account && order.stp != SelfTradePrevention.NONE) {
                return false;
            }
            needed -= maker.remainingLots();
            if (needed <= 0) {
                return true;
            }
        }
        return false;
    }

    /** HK-10, HK-14: a retail client trades only where retail may, and only sells where retail is sell-only. */
    static ResultCode retailAccess(Account account, Market market, Side side) {
        if (!account.isRetail()) {
            return ResultCode.OK;
        }
        return switch (market.retailAccess) {
            case ELIGIBLE -> ResultCode.OK;
            case SELL_ONLY -> side == Side.BUY ? ResultCode.RETAIL_SELL_ONLY : ResultCode.OK;
            case NOT_ELIGIBLE -> ResultCode.NOT_RETAIL_ELIGIBLE;
        };
    }

    static ResultCode tradingAllowed(Market market) {
        return switch (market.status) {
            case TRADING -> ResultCode.OK;
            case CANCEL_ONLY -> ResultCode.MARKET_CANCEL_ONLY;
            case HALTED -> ResultCode.MARKET_HALTED;
        };
    }

    static ResultCode checkPrice(Market market, long priceTicks) {
        if (priceTicks <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        return priceTicks > market.maxPriceTicks ? ResultCode.PRICE_ABOVE_MAX : ResultCode.OK;
    }

    static ResultCode checkQuantity(Market market, long quantityLots) {
        if (quantityLots <= 0) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (quantityLots < market.minQuantityLots) {
            return ResultCode.QUANTITY_BELOW_MIN;
        }
        return quantityLots > market.maxQuantityLots ? ResultCode.QUANTITY_ABOVE_MAX : ResultCode.OK;
    }

    static boolean wouldTake(Market market, Side side, long priceTicks) {
        long best = market.book.bestPrice(side.opposite());
        return best != OrderBook.NO_PRICE && market.crosses(side, priceTicks, best);
    }

    private static ResultCode checkShape(PlaceOrder c) {
        if (c.side() == null || c.type() == null || c.timeInForce() == null || c.selfTradePrevention() == null) {
            return ResultCode.INVALID_ORDER_PARAMETERS;
        }
        boolean valid = switch (c.type()) {
            case LIMIT -> c.quoteAmountMinor() == 0;
            case LIMIT_MAKER -> c.quoteAmountMinor() == 0 && c.timeInForce() == TimeInForce.GTC;
            case MARKET -> c.priceTicks() == 0 && c.timeInForce() == TimeInForce.IOC
                    && (c.quantityLots() == 0) != (c.quoteAmountMinor() == 0)
                    && (c.quoteAmountMinor() == 0 || c.side() == Side.BUY);
        };
        return valid ? ResultCode.OK : ResultCode.INVALID_ORDER_PARAMETERS;
    }
}
