package io.lantau.store.market;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's copy of a book, as CCXT keeps it: a REST snapshot, then diffs applied under Binance's sync rules (the
 * first applied has {@code U <= lastUpdateId + 1 <= u}, each later one {@code U == previous u + 1}).
 */
final class BookReplica {
    private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private long lastUpdateId;
    private boolean synced;

    static BookReplica of(DepthSnapshot snapshot) {
        BookReplica replica = new BookReplica();
        for (int i = 0; i < snapshot.bids().size(); i++) {
            replica.bids.put(snapshot.bids().priceTicks(i), snapshot.bids().quantityLots(i));
        }
        for (int i = 0; i < snapshot.asks().size(); i++) {
            replica.asks.put(snapshot.asks().priceTicks(i), snapshot.asks().quantityLots(i));
        }
        replica.lastUpdateId = snapshot.lastUpdateId();
        return replica;
    }

    /**
     * @throws AssertionError on a gap or an update out of order.
     */
    BookReplica apply(DepthUpdate update) {
        if (update.finalUpdateId() <= lastUpdateId) {
            return this; // older than the snapshot
        }
        if (!synced) {
            if (update.firstUpdateId() > lastUpdateId + 1) {
                throw new AssertionError("gap before the first update: snapshot " + lastUpdateId + ", update "
                        + update.firstUpdateId() + ".." + update.finalUpdateId());
            }
            synced = true;
        } else if (update.firstUpdateId() != lastUpdateId + 1) {
            throw new AssertionError("gap: previous u " + lastUpdateId + ", next U " + update.firstUpdateId());
        }
        put(bids, update.bids());
        put(asks, update.asks());
        lastUpdateId = update.finalUpdateId();
        return this;
    }

    BookReplica applyAll(List<DepthUpdate> updates) {
        updates.forEach(this::apply);
        return this;
    }

    long lastUpdateId() {
        return lastUpdateId;
    }

    DepthSnapshot toSnapshot(int marketId) {
        return new DepthSnapshot(marketId, lastUpdateId, levels(bids), levels(asks));
    }

    private static void put(TreeMap<Long, Long> side, BookLevels changes) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.quantityLots(i) == 0) {
                side.remove(changes.priceTicks(i));
            } else {
                side.put(changes.priceTicks(i), changes.quantityLots(i));
            }
        }
    }

    private static BookLevels levels(TreeMap<Long, Long> side) {
        long[] prices = new long[side.size()];
        long[] quantities = new long[side.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : side.entrySet()) {
            prices[i] = e.getKey();
            quantities[i++] = e.getValue();
        }
        return BookLevels.of(prices, quantities, i);
    }
}
