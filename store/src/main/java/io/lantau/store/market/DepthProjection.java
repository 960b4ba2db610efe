package io.lantau.store.market;

import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.Side;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.StampedLock;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Aggregated order-book depth per market, rebuilt from events alone, with Binance's gap-free update ids.
 *
 * <p><b>What moves a level:</b> {@code OrderRested} adds the order's remaining lots at its price;
 * {@code TradeExecuted} takes the fill from the maker's level; {@code OrderCanceled} and {@code OrderExpired} of a
 * resting order take its remaining lots; {@code OrderAmended} with priority kept takes the reduction, without priority
 * it takes the old remaining at the old price (the order then trades and/or rests again through later events). The
 * projection keeps the resting orders (id to market, side, price, remaining) to know what each event takes.
 *
 * <p><b>Update ids:</b> per market, {@code lastUpdateId} grows by exactly 1 for each command that changed at least
 * one level of that market's book (a command whose changes cancel out changes nothing), and the command's
 * {@link DepthUpdate} ({@code firstUpdateId == finalUpdateId ==} the new id) goes to the listener. A
 * {@link #depth snapshot} carries the id of the last update applied to it, so snapshot plus the following updates
 * give the book with no gap. {@link #fromCore} starts every market's id at the core's last sequence number, so ids
 * keep growing across restarts (a market changes at most once per command).
 *
 * <p><b>Threading:</b> {@link #onCommand} on the one projection thread; each market's levels change under its
 * {@link StampedLock} write lock once, at the end of the command, together with its update id. The read methods may
 * be called from any thread and never block the projection thread unless a write overlaps their copy.
 */
public final class DepthProjection implements Projection {
    private final MarketDepth[] markets;
    private final Long2ObjectHashMap<RestingOrder> resting = new Long2ObjectHashMap<>();
    private final ArrayList<RestingOrder> spare = new ArrayList<>();
    private final MarketDataListener listener;
    private final int[] touched;
    private int touchedCount;
    private long[] scratch = new long[64];
    private long lastAppliedSequence;

    /** Empty books with update id 0, for a core that has applied no command yet. */
    public DepthProjection(int marketCount, MarketDataListener listener) {
        this.markets = new MarketDepth[marketCount];
        for (int m = 0; m < marketCount; m++) {
            markets[m] = new MarketDepth(m);
        }
        this.touched = new int[marketCount];
        this.listener = listener;
    }

    /**
     * Depth equal to the core's current books, every market's update id and the applied sequence set to the core's
     * {@link ExchangeCore#lastSequence()}. Call it on the thread that owns the core, between commands (typically
     * right after recovery, before the projection is fed the commands after that sequence).
     */
    public static DepthProjection fromCore(ExchangeCore core, MarketDataListener listener) {
        int marketCount = core.config().markets().size();
        DepthProjection depth = new DepthProjection(marketCount, listener);
        for (int m = 0; m < marketCount; m++) {
            for (Side side : Side.values()) {
                for (OrderView order : core.bookOrders(m, side)) {
                    depth.rest(OrderSnapshot.of(order));
                }
            }
        }
        for (int i = 0; i < depth.touchedCount; i++) {
            MarketDepth market = depth.markets[depth.touched[i]];
            market.applyChanges();
            market.clearChanges();
            market.touched = false;
        }
        depth.touchedCount = 0;
        for (MarketDepth market : depth.markets) {
            market.lastUpdateId = core.lastSequence();
            market.bookTicker = market.currentBookTicker();
        }
        depth.lastAppliedSequence = core.lastSequence();
        return depth;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        if (sequence <= lastAppliedSequence) {
            return; // already applied: the projection was started from a later state
        }
        for (int i = 0, n = events.size(); i < n; i++) {
            switch (events.get(i)) {
                case OrderRested e -> rest(e.order());
                case TradeExecuted e -> fill(e.maker(), e.quantityLots());
                case OrderCanceled e -> remove(e.order().orderId());
                case OrderExpired e -> remove(e.order().orderId());
                case OrderAmended e -> amend(e);
                default -> {
                }
            }
        }
        long timeMillis = Math.floorDiv(timestampNanos, 1_000_000L);
        for (int i = 0; i < touchedCount; i++) {
            markets[touched[i]].publish(this, timeMillis);
        }
        touchedCount = 0;
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /**
     * @param limit the most levels per side (Binance: 5 to 5000).
     * @return the top levels of the market's book with the id of the last update applied to them.
     */
    public DepthSnapshot depth(int marketId, int limit) {
        MarketDepth market = market(marketId);
        return OptimisticRead.read(market.lock, () -> new DepthSnapshot(marketId, market.lastUpdateId,
                market.bids.top(limit), market.asks.top(limit)));
    }

    /** @return the market's best bid and ask as of its last update; never blocks. */
    public BookTicker bookTicker(int marketId) {
        return market(marketId).bookTicker;
    }

    /** @return the id of the last update applied to the market's book. */
    public long lastUpdateId(int marketId) {
        MarketDepth market = market(marketId);
        return OptimisticRead.read(market.lock, () -> market.lastUpdateId);
    }

    public int marketCount() {
        return markets.length;
    }

    /** @return the number of resting orders the projection tracks (projection thread only). */
    int restingOrderCount() {
        return resting.size();
    }

    private MarketDepth market(int marketId) {
        if (marketId < 0 || marketId >= markets.length) {
            throw new IllegalArgumentException("unknown market " + marketId);
        }
        return markets[marketId];
    }

    private void rest(OrderSnapshot order) {
        long remaining = order.quantityLots() - order.filledLots();
        if (remaining <= 0) {
            throw new IllegalStateException("order " + order.orderId() + " rests with nothing remaining");
        }
        RestingOrder r = spare.isEmpty() ? new RestingOrder() : spare.removeLast();
        r.marketId = order.marketId();
        r.buy = order.side() == Side.BUY;
        r.priceTicks = order.priceTicks();
        r.remainingLots = remaining;
        if (resting.put(order.orderId(), r) != null) {
            throw new IllegalStateException("order " + order.orderId() + " rests twice");
        }
        change(r, remaining);
    }

    private void fill(OrderSnapshot maker, long lots) {
        RestingOrder r = resting.get(maker.orderId());
        if (r == null) {
            throw new IllegalStateException("trade against order " + maker.orderId() + ", which is not resting");
        }
        r.remainingLots -= lots;
        change(r, -lots);
        if (r.remainingLots == 0) {
            release(maker.orderId(), r);
        } else if (r.remainingLots < 0) {
            throw new IllegalStateException("order " + maker.orderId() + " filled beyond its quantity");
        }
    }

    private void remove(long orderId) {
        RestingOrder r = resting.get(orderId);
        if (r != null) {
            change(r, -r.remainingLots);
            release(orderId, r);
        }
    }

    private void amend(OrderAmended e) {
        OrderSnapshot order = e.order();
        RestingOrder r = resting.get(order.orderId());
        if (r == null) {
            throw new IllegalStateException("amendment of order " + order.orderId() + ", which is not resting");
        }
        if (e.priorityKept()) {
            long remaining = order.quantityLots() - order.filledLots();
            change(r, remaining - r.remainingLots);
            r.remainingLots = remaining;
        } else {
            change(r, -r.remainingLots);
            release(order.orderId(), r);
        }
    }

    private void release(long orderId, RestingOrder r) {
        resting.remove(orderId);
        spare.add(r);
    }

    private void change(RestingOrder r, long deltaLots) {
        MarketDepth market = markets[r.marketId];
        (r.buy ? market.bidChanges : market.askChanges).add(r.priceTicks, deltaLots);
        if (!market.touched) {
            market.touched = true;
            touched[touchedCount++] = r.marketId;
        }
    }

    private long[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new long[Math.max(size, scratch.length * 2)];
        }
        return scratch;
    }

    /** Where a resting order sits and how much of it is left; pooled. */
    private static final class RestingOrder {
        int marketId;
        boolean buy;
        long priceTicks;
        long remainingLots;
    }

    /** One market's levels, update id and best prices; the lock guards levels and id. */
    private static final class MarketDepth {
        final int marketId;
        final StampedLock lock = new StampedLock();
        final PriceLadder bids = new PriceLadder(true);
        final PriceLadder asks = new PriceLadder(false);
        final LevelChanges bidChanges = new LevelChanges();
        final LevelChanges askChanges = new LevelChanges();
        long lastUpdateId;
        volatile BookTicker bookTicker;
        boolean touched;

        MarketDepth(int marketId) {
            this.marketId = marketId;
            this.bookTicker = BookTicker.empty(marketId);
        }

        /** Applies the command's net changes; moves the id if a level changed; tells the listener. */
        void publish(DepthProjection projection, long timeMillis) {
            touched = false;
            long stamp = lock.writeLock();
            int changed;
            try {
                changed = applyChanges();
                if (changed > 0) {
                    lastUpdateId++;
                }
            } finally {
                lock.unlockWrite(stamp);
            }
            if (changed > 0) {
                BookLevels bidLevels = changedLevels(projection, bidChanges, bids);
                BookLevels askLevels = changedLevels(projection, askChanges, asks);
                projection.listener.onDepthUpdate(new DepthUpdate(marketId, timeMillis, lastUpdateId, lastUpdateId,
                        bidLevels, askLevels));
                BookTicker ticker = currentBookTicker();
                if (!ticker.samePrices(bookTicker)) {
                    bookTicker = ticker;
                    projection.listener.onBookTicker(ticker);
                }
            }
            clearChanges();
        }

        /** @return the number of levels whose quantity changed. */
        int applyChanges() {
            return apply(bidChanges, bids) + apply(askChanges, asks);
        }

        void clearChanges() {
            bidChanges.clear();
            askChanges.clear();
        }

        private static int apply(LevelChanges changes, PriceLadder ladder) {
            int changed = 0;
            for (int i = 0; i < changes.count(); i++) {
                if (changes.deltaLots(i) != 0) {
                    ladder.add(changes.priceTicks(i), changes.deltaLots(i));
                    changed++;
                }
            }
            return changed;
        }

        /** @return the levels that changed with their new quantities, best first (reads the ladder unlocked). */
        private static BookLevels changedLevels(DepthProjection projection, LevelChanges changes, PriceLadder ladder) {
            int n = 0;
            long[] prices = projection.scratch(changes.count());
            for (int i = 0; i < changes.count(); i++) {
                if (changes.deltaLots(i) != 0) {
                    prices[n++] = changes.priceTicks(i);
                }
            }
            if (n == 0) {
                return BookLevels.EMPTY;
            }
            Arrays.sort(prices, 0, n);
            long[] levelPrices = new long[n];
            long[] levelLots = new long[n];
            for (int i = 0; i < n; i++) {
                // Ascending prices: best first means reversed for bids.
                long price = prices[ladder.isBids() ? n - 1 - i : i];
                levelPrices[i] = price;
                levelLots[i] = ladder.quantityAt(price);
            }
            return new BookLevels(levelPrices, levelLots);
        }

        BookTicker currentBookTicker() {
            return new BookTicker(marketId, lastUpdateId, bids.bestPriceTicks(), bids.bestQuantityLots(),
                    asks.bestPriceTicks(), asks.bestQuantityLots());
        }
    }
}
