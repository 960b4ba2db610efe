package io.lantau.core;

import io.lantau.core.config.MarketSpec;

/**
 * A market's live state (status and book) with its spec's numbers unpacked into fields, because the hot path reads
 * them on every command.
 */
final class Market {
    final MarketSpec spec;
    final int marketId;
    final int baseAssetId;
    final int quoteAssetId;
    final long lotSizeMinor;
    final long tickValueMinor;
    final long minQuantityLots;
    final long maxQuantityLots;
    final long maxPriceTicks;
    final long minNotionalMinor;
    final SelfTradePrevention defaultStp;
    final OrderBook book;
    MarketStatus status;
    RetailAccess retailAccess = RetailAccess.ELIGIBLE;

    Market(MarketSpec spec, BookKind bookKind) {
        this.spec = spec;
        this.marketId = spec.marketId();
        this.baseAssetId = spec.base().assetId();
        this.quoteAssetId = spec.quote().assetId();
        this.lotSizeMinor = spec.lotSizeMinor();
        this.tickValueMinor = spec.tickValueMinor();
        this.minQuantityLots = spec.minQuantityLots();
        this.maxQuantityLots = spec.maxQuantityLots();
        this.maxPriceTicks = spec.maxPriceTicks();
        this.minNotionalMinor = spec.minNotionalMinor();
        this.defaultStp = spec.defaultStp();
        this.status = spec.initialStatus();
        this.book = bookKind == BookKind.FAST ? new FastOrderBook() : new ReferenceOrderBook();
    }

    /** Puts the order's remainder in the book; a buy's remainder counts towards its account's open buys. */
    void rest(Order order) {
        book.add(order);
        if (order.side == Side.BUY) {
            order.account.openBuyBaseMinor[baseAssetId] += order.remainingLots() * lotSizeMinor;
        }
    }

    /** Takes a resting order out of the book (call before changing its quantity or price). */
    void unrest(Order order) {
        book.remove(order);
        if (order.side == Side.BUY) {
            order.account.openBuyBaseMinor[baseAssetId] -= order.remainingLots() * lotSizeMinor;
        }
    }

    /** A resting order's remainder fell by {@code lots} (a fill or a reduction). */
    void shrink(Order order, long lots) {
        book.decreaseQuantity(order, lots);
        if (order.side == Side.BUY) {
            order.account.openBuyBaseMinor[baseAssetId] -= lots * lotSizeMinor;
        }
    }

    /** Notional of {@code lots} at {@code priceTicks}; the market's limits guarantee it fits a long. */
    long notional(long priceTicks, long lots) {
        return priceTicks * lots * tickValueMinor;
    }

    /** @return what a resting-capable order locks for {@code lots} at {@code priceTicks}: base for a sell, quote plus
     *  fee headroom for a buy. */
    long lockFor(Order order, long priceTicks, long lots) {
        if (order.side == Side.SELL) {
            return lots * lotSizeMinor;
        }
        long notional = notional(priceTicks, lots);
        return notional + order.feeIncrease(notional, order.maxBps());
    }

    boolean crosses(Side takerSide, long limitTicks, long makerPriceTicks) {
        return takerSide == Side.BUY ? makerPriceTicks <= limitTicks : makerPriceTicks >= limitTicks;
    }
}
