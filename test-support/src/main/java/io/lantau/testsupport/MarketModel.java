package io.lantau.testsupport;

import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.config.MarketSpec;
import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * What the generator knows of one market: its open orders (as the core's events told it) and a moving mid price.
 * Open orders sit in dense arrays so that a uniform random pick is one index draw; removal swaps in the last one.
 */
final class MarketModel {
    private static final long MISSING = -1;

    final MarketSpec spec;
    final int marketId;
    final long minLots;
    final long maxLots;
    final long maxPriceTicks;
    final long lowerBoundTicks;
    final long upperBoundTicks;
    final int deviationTicks;
    final int targetOpenOrders;

    long lastTradeTicks;
    /** +1 pushes the price up (more buyers), -1 down, 0 neutral; flips at the bounds, as exchange-core's generator. */
    int priceDirection;

    private final Long2LongHashMap slotByOrderId = new Long2LongHashMap(MISSING);
    private long[] orderIds = new long[1024];
    private long[] accountIds = new long[1024];
    private boolean[] buys = new boolean[1024];
    private long[] priceTicks = new long[1024];
    private long[] quantityLots = new long[1024];
    private long[] filledLots = new long[1024];
    private int size;

    MarketModel(MarketSpec spec, long referencePriceTicks, int targetOpenOrders) {
        this.spec = spec;
        this.marketId = spec.marketId();
        this.targetOpenOrders = targetOpenOrders;
        this.maxLots = spec.maxQuantityLots();
        this.maxPriceTicks = spec.maxPriceTicks();
        this.lastTradeTicks = referencePriceTicks;
        this.lowerBoundTicks = Math.max(1, referencePriceTicks * 95 / 100);
        this.upperBoundTicks = Math.min(maxPriceTicks, referencePriceTicks * 105 / 100);
        this.deviationTicks = (int) Math.max(10, Math.min(Integer.MAX_VALUE / 2, referencePriceTicks / 50));
        // Smallest order that keeps the minimum notional even after the price has drifted to 80 % of the reference.
        long lotValueAtLow = Math.max(1, referencePriceTicks * 8 / 10 * spec.tickValueMinor());
        this.minLots = Math.max(spec.minQuantityLots(), (spec.minNotionalMinor() + lotValueAtLow - 1) / lotValueAtLow);
    }

    int openOrderCount() {
        return size;
    }

    long orderId(int slot) {
        return orderIds[slot];
    }

    long accountId(int slot) {
        return accountIds[slot];
    }

    boolean isBuy(int slot) {
        return buys[slot];
    }

    long priceTicks(int slot) {
        return priceTicks[slot];
    }

    long quantityLots(int slot) {
        return quantityLots[slot];
    }

    long filledLots(int slot) {
        return filledLots[slot];
    }

    long clampPrice(long ticks) {
        return Math.max(1, Math.min(maxPriceTicks, ticks));
    }

    void onTrade(long priceTicks) {
        lastTradeTicks = Math.max(lowerBoundTicks, Math.min(upperBoundTicks, priceTicks));
        if (priceTicks <= lowerBoundTicks) {
            priceDirection = 1;
        } else if (priceTicks >= upperBoundTicks) {
            priceDirection = -1;
        }
    }

    /** Takes the order's latest state from an event: the last view of a command tells whether it rests. */
    void track(OrderView order) {
        boolean resting = order.status().isOpen() && order.type() != OrderType.MARKET
                && order.timeInForce() == TimeInForce.GTC;
        long slot = slotByOrderId.get(order.orderId());
        if (!resting) {
            if (slot != MISSING) {
                remove((int) slot);
            }
            return;
        }
        int s;
        if (slot == MISSING) {
            ensureCapacity();
            s = size++;
            slotByOrderId.put(order.orderId(), s);
        } else {
            s = (int) slot;
        }
        orderIds[s] = order.orderId();
        accountIds[s] = order.accountId();
        buys[s] = order.side() == Side.BUY;
        priceTicks[s] = order.priceTicks();
        quantityLots[s] = order.quantityLots();
        filledLots[s] = order.filledLots();
    }

    private void remove(int slot) {
        slotByOrderId.remove(orderIds[slot]);
        int last = --size;
        if (slot != last) {
            orderIds[slot] = orderIds[last];
            accountIds[slot] = accountIds[last];
            buys[slot] = buys[last];
            priceTicks[slot] = priceTicks[last];
            quantityLots[slot] = quantityLots[last];
            filledLots[slot] = filledLots[last];
            slotByOrderId.put(orderIds[slot], slot);
        }
    }

    private void ensureCapacity() {
        if (size == orderIds.length) {
            int capacity = size * 2;
            orderIds = Arrays.copyOf(orderIds, capacity);
            accountIds = Arrays.copyOf(accountIds, capacity);
            buys = Arrays.copyOf(buys, capacity);
            priceTicks = Arrays.copyOf(priceTicks, capacity);
            quantityLots = Arrays.copyOf(quantityLots, capacity);
            filledLots = Arrays.copyOf(filledLots, capacity);
        }
    }
}
