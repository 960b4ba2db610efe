package io.lantau.store.market;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * Merges consecutive {@link DepthUpdate}s per market until drained, for the time-sliced diff streams: Binance's
 * {@code <symbol>@depth@100ms} and {@code <symbol>@depth} (1,000 ms). The projection emits one update per command; the
 * gateway feeds them here from its listener and drains every market on its own timer. A drained update keeps the
 * first update id of the first merged update, the final update id and time of the last, and each level's absolute
 * quantity from the last update that had it, as {@link DepthUpdate#coalesce} does, so the drained stream is as
 * gap-free as the one fed in.
 *
 * <p><b>Threading:</b> {@link #add} and {@link #drain} may be called from different threads; each market has its own
 * monitor.
 */
public final class DepthUpdateCoalescer {
    private final Pending[] markets;

    public DepthUpdateCoalescer(int marketCount) {
        this.markets = new Pending[marketCount];
        for (int m = 0; m < marketCount; m++) {
            markets[m] = new Pending(m);
        }
    }

    /**
     * @throws IllegalArgumentException if the update does not follow the one added before it.
     */
    public void add(DepthUpdate update) {
        Pending pending = markets[update.marketId()];
        synchronized (pending) {
            pending.add(update);
        }
    }

    /** @return everything added for the market since the last drain as one update, or {@code null} if nothing. */
    public DepthUpdate drain(int marketId) {
        Pending pending = markets[marketId];
        synchronized (pending) {
            return pending.drain();
        }
    }

    private static final class Pending {
        final int marketId;
        final Long2LongHashMap bids = new Long2LongHashMap(-1);
        final Long2LongHashMap asks = new Long2LongHashMap(-1);
        long firstUpdateId;
        long finalUpdateId = -1;
        long eventTimeMillis;
        boolean empty = true;

        Pending(int marketId) {
            this.marketId = marketId;
        }

        void add(DepthUpdate update) {
            if (finalUpdateId >= 0 && update.firstUpdateId() != finalUpdateId + 1) {
                throw new IllegalArgumentException("update " + update.firstUpdateId() + " does not follow "
                        + finalUpdateId + " in market " + marketId);
            }
            if (empty) {
                firstUpdateId = update.firstUpdateId();
                empty = false;
            }
            finalUpdateId = update.finalUpdateId();
            eventTimeMillis = update.eventTimeMillis();
            put(bids, update.bids());
            put(asks, update.asks());
        }

        private static void put(Long2LongHashMap levels, BookLevels changes) {
            for (int i = 0; i < changes.size(); i++) {
                levels.put(changes.priceTicks(i), changes.quantityLots(i));
            }
        }

        DepthUpdate drain() {
            if (empty) {
                return null;
            }
            DepthUpdate update = new DepthUpdate(marketId, eventTimeMillis, firstUpdateId, finalUpdateId,
                    levels(bids, true), levels(asks, false));
            bids.clear();
            asks.clear();
            empty = true;
            return update;
        }

        private static BookLevels levels(Long2LongHashMap map, boolean bids) {
            long[] prices = new long[map.size()];
            int n = 0;
            for (Long2LongHashMap.KeyIterator it = map.keySet().iterator(); it.hasNext(); ) {
                prices[n++] = it.nextValue();
            }
            Arrays.sort(prices);
            long[] ordered = new long[n];
            long[] quantities = new long[n];
            for (int i = 0; i < n; i++) {
                ordered[i] = prices[bids ? n - 1 - i : i];
                quantities[i] = map.get(ordered[i]);
            }
            return new BookLevels(ordered, quantities);
        }
    }
}
