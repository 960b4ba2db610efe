package io.lantau.store.history;

/**
 * Which page of a history to return, with Binance's rules (allOrders, myTrades, aggTrades):
 * <ul>
 *   <li>{@code fromId} set: rows with id ≥ fromId (within the time bounds if set), oldest first;</li>
 *   <li>else {@code startTimeMillis} set: rows at or after it (and at or before {@code endTimeMillis} if set), oldest
 *       first;</li>
 *   <li>else: the most recent rows (at or before {@code endTimeMillis} if set), still returned oldest first.</li>
 * </ul>
 * Time bounds are inclusive epoch milliseconds. Limits on the window's length (Binance's 24 hours) are the
 * gateway's to enforce.
 *
 * @param fromId          first id wanted, or null.
 * @param startTimeMillis inclusive lower time bound, or null.
 * @param endTimeMillis   inclusive upper time bound, or null.
 * @param limit           at most this many rows; null for {@value #DEFAULT_LIMIT}; clamped to 1…{@value #MAX_LIMIT}.
 */
public record HistoryQuery(Long fromId, Long startTimeMillis, Long endTimeMillis, Integer limit) {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    /** @return the most recent {@code limit} rows. */
    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, null, limit);
    }

    /** @return up to {@code limit} rows from id {@code fromId} on. */
    public static HistoryQuery fromId(long fromId, int limit) {
        return new HistoryQuery(fromId, null, null, limit);
    }

    /** @return up to {@code limit} rows in the inclusive window (either bound may be null). */
    public static HistoryQuery between(Long startTimeMillis, Long endTimeMillis, int limit) {
        return new HistoryQuery(null, startTimeMillis, endTimeMillis, limit);
    }

    /** @return the limit to apply: the default if none, clamped to 1…{@value #MAX_LIMIT}. */
    public int effectiveLimit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** @return whether rows are taken oldest first from a lower bound (else: the newest, up to an upper bound). */
    boolean ascending() {
        return fromId != null || startTimeMillis != null;
    }

    /** @return the lower time bound in nanoseconds, or {@code Long.MIN_VALUE}. */
    long startNanos() {
        if (startTimeMillis == null || startTimeMillis <= Long.MIN_VALUE / 1_000_000L) {
            return Long.MIN_VALUE;
        }
        // A bound past what nanoseconds hold (year 2262) selects nothing rather than overflowing.
        return startTimeMillis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : startTimeMillis * 1_000_000L;
    }

    /** @return the upper time bound in nanoseconds (the whole millisecond included), or {@code Long.MAX_VALUE}. */
    long endNanos() {
        if (endTimeMillis == null || endTimeMillis >= Long.MAX_VALUE / 1_000_000L) {
            return Long.MAX_VALUE;
        }
        if (endTimeMillis <= Long.MIN_VALUE / 1_000_000L) {
            return Long.MIN_VALUE;
        }
        return endTimeMillis * 1_000_000L + 999_999L;
    }
}
