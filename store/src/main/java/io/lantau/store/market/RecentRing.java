package io.lantau.store.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The last {@code capacity} items added, oldest first. Not thread-safe: the owner guards it with a lock;
 * {@link #last} tolerates torn state for optimistic readers (indices stay in range, nulls are possible).
 */
final class RecentRing<T> {
    private final Object[] items;
    private long count;

    RecentRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.items = new Object[capacity];
    }

    void add(T item) {
        items[(int) (count % items.length)] = item;
        count++;
    }

    /** @return the number of items ever added. */
    long count() {
        return count;
    }

    /** @return the newest item, or {@code null} if none. */
    @SuppressWarnings("unchecked")
    T newest() {
        long n = count;
        return n == 0 ? null : (T) items[(int) ((n - 1) % items.length)];
    }

    /** @return up to {@code limit} of the newest items, oldest first. */
    @SuppressWarnings("unchecked")
    List<T> last(int limit) {
        long end = count;
        long start = Math.max(0, end - Math.max(0, Math.min(limit, items.length)));
        List<T> copy = new ArrayList<>((int) (end - start));
        for (long i = start; i < end; i++) {
            copy.add((T) items[(int) (i % items.length)]);
        }
        return Collections.unmodifiableList(copy);
    }
}
