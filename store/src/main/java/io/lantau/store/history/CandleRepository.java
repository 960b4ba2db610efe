package io.lantau.store.history;

import io.lantau.store.StoreException;
import io.lantau.store.market.Candle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Klines of any {@link KlineInterval} from 1 minute to 1 month, folded in Java with {@link Candle#merge} from the
 * {@code candles_1m} rows that {@link HistoryProjection} writes (one code path, so both engines agree by
 * construction). Only intervals with at least one trade are returned: filling empty intervals is the caller's
 * choice. The rows are streamed, and a query reads only the 1-minute rows of the candles it returns.
 * Thread-safe: every method borrows its own connection.
 */
public final class CandleRepository {
    private static final int FETCH_SIZE = 2000;

    private final DataSource dataSource;

    public CandleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Binance's klines. With {@code startMillis}: the first {@code limit} candles opening at or after it; without:
     * the last {@code limit} candles opening at or before {@code endMillis} (or now). Oldest first. Thread-safe.
     *
     * @param startMillis earliest open time wanted (epoch millis, inclusive), or null.
     * @param endMillis   latest open time wanted (epoch millis, inclusive), or null.
     * @param limit       at most this many candles, clamped to 1…1000 (Binance's default is 500).
     */
    public List<Candle> klines(int marketId, KlineInterval interval, Long startMillis, Long endMillis, int limit) {
        int max = Math.max(1, Math.min(HistoryQuery.MAX_LIMIT, limit));
        long lastRow = endMillis == null ? Long.MAX_VALUE
                : interval.nextOpenTime(interval.openTimeOf(endMillis)) - 1;
        try (Connection c = dataSource.getConnection()) {
            // Streaming (a cursor on PostgreSQL) needs a transaction.
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                long firstRow;
                if (startMillis != null) {
                    long open = interval.openTimeOf(startMillis);
                    firstRow = open == startMillis ? open : interval.nextOpenTime(open);
                } else {
                    firstRow = firstRowOfLast(c, marketId, interval, lastRow, max);
                }
                return fold(c, marketId, interval, firstRow, lastRow, max);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("query klines", e);
        }
    }

    /** @return the open time of the oldest of the last {@code max} intervals with trades up to {@code lastRow}. */
    private static long firstRowOfLast(Connection c, int marketId, KlineInterval interval, long lastRow, int max)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT open_time_millis FROM candles_1m "
                + "WHERE market_id = ? AND open_time_millis <= ? ORDER BY open_time_millis DESC")) {
            s.setFetchSize(FETCH_SIZE);
            s.setInt(1, marketId);
            s.setLong(2, lastRow);
            try (ResultSet rs = s.executeQuery()) {
                long bucket = Long.MAX_VALUE;
                int buckets = 0;
                while (rs.next()) {
                    long open = interval.openTimeOf(rs.getLong(1));
                    if (open != bucket) {
                        if (buckets == max) {
                            break;
                        }
                        bucket = open;
                        buckets++;
                    }
                }
                return bucket;
            }
        }
    }

    private static List<Candle> fold(Connection c, int marketId, KlineInterval interval, long firstRow, long lastRow,
            int max) throws SQLException {
        List<Candle> candles = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + CandleRows.COLUMNS + " FROM candles_1m "
                + "WHERE market_id = ? AND open_time_millis >= ? AND open_time_millis <= ? ORDER BY open_time_millis")) {
            s.setFetchSize(FETCH_SIZE);
            s.setInt(1, marketId);
            s.setLong(2, firstRow);
            s.setLong(3, lastRow);
            try (ResultSet rs = s.executeQuery()) {
                Candle current = null;
                while (rs.next()) {
                    Candle minute = CandleRows.read(rs, CandleRows.MINUTE_MILLIS);
                    long open = interval.openTimeOf(minute.openTimeMillis());
                    if (current == null || current.openTimeMillis() != open) {
                        if (candles.size() == max) {
                            break;
                        }
                        current = new Candle(marketId, open, interval.nextOpenTime(open) - open);
                        candles.add(current);
                    }
                    current.merge(minute);
                }
            }
        }
        return candles;
    }
}
