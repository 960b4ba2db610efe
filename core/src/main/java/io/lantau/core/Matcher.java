package io.lantau.core;

/**
 * Matches a taker against its market's book and settles each fill: price-time priority, the maker's price,
 * self-trade prevention by the taker's mode, and budget bounds for market buys. Also ends orders (releasing whatever
 * they still lock) for every path that ends one. See SEMANTICS.md, "Matching".
 */
final class Matcher {
    private static final int RAN_OUT = 0;
    private static final int STOPPED_BY_STP = 1;
    private static final int STOPPED_BY_BUDGET = 2;

    private final Ledger ledger;
    private final OpenOrders openOrders;
    private final OrderPool pool;
    private final Emitter emitter;
    private Account feeAccount;
    long nextTradeId = 1;

    Matcher(Ledger ledger, OpenOrders openOrders, OrderPool pool, Emitter emitter) {
        this.ledger = ledger;
        this.openOrders = openOrders;
        this.pool = pool;
        this.emitter = emitter;
    }

    void feeAccount(Account account) {
        this.feeAccount = account;
    }

    /** Matches {@code taker}, then rests it (GTC limit), or ends it filled or expired. */
    void execute(Market market, Order taker) {
        int stop = match(market, taker);
        if (taker.status == OrderStatus.FILLED) {
            end(market, taker);
        } else if (stop == STOPPED_BY_STP) {
            expire(market, taker, ExpiryReason.SELF_TRADE_PREVENTION);
        } else if (stop == STOPPED_BY_BUDGET) {
            expire(market, taker, ExpiryReason.BUDGET_EXHAUSTED);
        } else if (taker.type != OrderType.MARKET && taker.timeInForce == TimeInForce.GTC) {
            market.rest(taker);
            emitter.listener.onOrderRested(emitter.sequence, emitter.timestampNanos, taker);
        } else {
            expire(market, taker, ExpiryReason.NO_MORE_LIQUIDITY);
        }
    }

    private int match(Market market, Order taker) {
        OrderBook book = market.book;
        Side makerSide = taker.side.opposite();
        boolean anyPrice = taker.type == OrderType.MARKET;
        while (taker.filledLots < taker.maxLots) {
            Order maker = book.best(makerSide);
            if (maker == null || !anyPrice && !market.crosses(taker.side, taker.priceTicks, maker.priceTicks)) {
                return RAN_OUT;
            }
            if (maker.account == taker.account && taker.stp != SelfTradePrevention.NONE) {
                if (taker.stp == SelfTradePrevention.EXPIRE_TAKER) {
                    return STOPPED_BY_STP;
                }
                market.unrest(maker);
                expire(market, maker, ExpiryReason.SELF_TRADE_PREVENTION);
                if (taker.stp == SelfTradePrevention.EXPIRE_BOTH) {
                    return STOPPED_BY_STP;
                }
                continue;
            }
            long lots = Math.min(taker.maxLots - taker.filledLots, maker.maxLots - maker.filledLots);
            if (taker.budgetBounded) {
                lots = affordableLots(market, taker, maker, lots);
                if (lots == 0) {
                    return STOPPED_BY_BUDGET;
                }
            }
            fill(market, taker, maker, lots);
            if (maker.filledLots == maker.maxLots) {
                market.unrest(maker);
                end(market, maker);
            }
        }
        return RAN_OUT;
    }

    /**
     * The most lots (up to {@code wanted}) that the taker's remaining budget pays for, notional and fee included. A
     * market buy by quote amount whose budget runs out here is capped so that this fill completes it: the order is
     * FILLED when what is left cannot buy one more lot at the next resting price (any later price is no better).
     */
    private long affordableLots(Market market, Order taker, Order maker, long wanted) {
        long budget = taker.lockedMinor;
        long price = maker.priceTicks;
        long lots = wanted;
        if (cost(market, taker, price, lots) > budget) {
            long low = 0;
            long high = lots - 1;
            while (low < high) {
                long mid = (low + high + 1) >>> 1;
                if (cost(market, taker, price, mid) <= budget) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            lots = low;
            if (lots > 0 && taker.quantityLots == 0) {
                taker.maxLots = taker.filledLots + lots;
            }
            return lots;
        }
        if (taker.quantityLots == 0 && lots == maker.maxLots - maker.filledLots) {
            Order next = market.book.next(maker);
            if (next != null && !canAffordOneMoreLot(market, taker, price, lots, next.priceTicks)) {
                taker.maxLots = taker.filledLots + lots;
            }
        }
        return lots;
    }

    private static long cost(Market market, Order taker, long priceTicks, long lots) {
        long notional = market.notional(priceTicks, lots);
        return notional + taker.feeIncrease(notional, taker.takerBps);
    }

    private static boolean canAffordOneMoreLot(Market market, Order taker, long priceTicks, long lots,
            long nextPriceTicks) {
        long notional = market.notional(priceTicks, lots);
        int bps = taker.takerBps;
        long whole = Fees.wholeAfter(taker.feeWhole, taker.feeRemainder, notional, bps);
        int remainder = Fees.remainderAfter(taker.feeRemainder, notional, bps);
        long charged = Fees.charged(whole, remainder);
        long left = taker.lockedMinor - notional - (charged - taker.cumulativeFeeMinor);
        long nextNotional = market.notional(nextPriceTicks, 1);
        long nextFee = Fees.charged(Fees.wholeAfter(whole, remainder, nextNotional, bps),
                Fees.remainderAfter(remainder, nextNotional, bps)) - charged;
        return nextNotional + nextFee <= left;
    }

    private void fill(Market market, Order taker, Order maker, long lots) {
        long priceTicks = maker.priceTicks;
        long notional = market.notional(priceTicks, lots);
        long baseAmount = lots * market.lotSizeMinor;
        long timestamp = emitter.timestampNanos;
        long takerFee = taker.addFill(lots, notional, taker.takerBps, timestamp);
        long makerFee = maker.addFill(lots, notional, maker.makerBps, timestamp);
        market.shrink(maker, lots);

        boolean takerBuys = taker.side == Side.BUY;
        Order buyer = takerBuys ? taker : maker;
        Order seller = takerBuys ? maker : taker;
        long buyerPays = notional + (takerBuys ? takerFee : makerFee);
        long sellerGets = notional - (takerBuys ? makerFee : takerFee);
        int base = market.baseAssetId;
        int quote = market.quoteAssetId;

        buyer.lockedMinor -= buyerPays;
        buyer.account.locked[quote] = Ledger.checked(buyer.account.locked[quote] - buyerPays);
        buyer.account.available[base] += baseAmount;
        seller.lockedMinor -= baseAmount;
        seller.account.locked[base] = Ledger.checked(seller.account.locked[base] - baseAmount);
        seller.account.available[quote] += sellerGets;
        feeAccount.available[quote] += takerFee + makerFee;

        CoreEventListener listener = emitter.listener;
        listener.onTradeExecuted(emitter.sequence, timestamp, nextTradeId++, taker, maker, priceTicks, lots, notional,
                takerFee, makerFee);
        emitter.balanceChanged(taker.account, base, BalanceChangeReason.TRADE);
        emitter.balanceChanged(taker.account, quote, BalanceChangeReason.TRADE);
        emitter.balanceChanged(maker.account, base, BalanceChangeReason.TRADE);
        emitter.balanceChanged(maker.account, quote, BalanceChangeReason.TRADE);
        if (takerFee + makerFee > 0) {
            emitter.balanceChanged(feeAccount, quote, BalanceChangeReason.FEE);
        }
    }

    /** Ends an order that is not in the book with status EXPIRED (or EXPIRED_IN_MATCH for STP). */
    void expire(Market market, Order order, ExpiryReason reason) {
        order.status = reason == ExpiryReason.SELF_TRADE_PREVENTION ? OrderStatus.EXPIRED_IN_MATCH : OrderStatus.EXPIRED;
        order.updatedNanos = emitter.timestampNanos;
        emitter.listener.onOrderExpired(emitter.sequence, emitter.timestampNanos, order, reason);
        end(market, order);
    }

    /** Ends a resting order: it leaves the book, its status is CANCELED. */
    void cancel(Market market, Order order, CancelReason reason) {
        market.unrest(order);
        order.status = OrderStatus.CANCELED;
        order.updatedNanos = emitter.timestampNanos;
        emitter.listener.onOrderCanceled(emitter.sequence, emitter.timestampNanos, order, reason);
        end(market, order);
    }

    /** Releases what the ended order still locks, forgets it, and returns it to the pool. */
    private void end(Market market, Order order) {
        if (order.lockedMinor > 0) {
            int asset = order.side == Side.BUY ? market.quoteAssetId : market.baseAssetId;
            long amount = order.lockedMinor;
            order.lockedMinor = 0;
            ledger.unlock(order.account, asset, amount, BalanceChangeReason.ORDER_RELEASED);
        }
        openOrders.remove(order);
        pool.release(order);
    }
}
