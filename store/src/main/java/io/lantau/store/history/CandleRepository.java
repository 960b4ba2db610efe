package io.lantau.store.history;

import io.lantau.store.StoreException;
import io.lantau.store.market.Candle;
import io.lantau.store.market.KlineInterval;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Klines of any {@link KlineInterval} from 1 minute to 1 month, from the {@code candles_1m} rows that
 * {@link HistoryProjection} writes. Longer intervals are grouped in SQL ({@code GROUP BY} the interval, open and close
 * read back from the first and last minute of each group; months grouped by day in SQL and merged in Java with
 * {@link Candle#merge}), so a query moves one row per candle, not one per minute.
 *
 * <p>As on Binance, a query covers {@code limit} consecutive intervals: from the one starting at or after
 * {@code startMillis}, or else back from the one containing {@code endMillis} (or the market's latest candle).
 * Intervals without trades are left out: filling them (with the previous close) is the caller's choice.
 * Thread-safe: every method borrows its own connection.
 */
public final class CandleRepository {
    private static final String GROUPED = "SELECT g.bucket, f.open_ticks, g.high_ticks, g.low_ticks, l.close_ticks, "
            + "g.volume_lots, g.quote_volume_minor, g.trade_count, g.first_trade_id, g.last_trade_id FROM ("
            + "SELECT bucket, MIN(open_time_millis) AS first_open, MAX(open_time_millis) AS last_open, "
            + "MAX(high_ticks) AS high_ticks, MIN(low_ticks) AS low_ticks, SUM(volume_lots) AS volume_lots, "
            + "SUM(quote_volume_minor) AS quote_volume_minor, SUM(trade_count) AS trade_count, "
            + "MIN(first_trade_id) AS first_trade_id, MAX(last_trade_id) AS last_trade_id FROM ("
            + "SELECT (open_time_millis - ?) / ? AS bucket, m.* FROM candles_1m m "
            + "WHERE market_id = ? AND open_time_millis >= ? AND open_time_millis <= ?) x GROUP BY bucket) g "
            + "JOIN candles_1m f ON f.market_id = ? AND f.open_time_millis = g.first_open "
            + "JOIN candles_1m l ON l.market_id = ? AND l.open_time_millis = g.last_open ORDER BY g.bucket";
    private static final String MINUTES = "SELECT " + CandleRows.COLUMNS + " FROM candles_1m "
            + "WHERE market_id = ? AND open_time_millis >= ? AND open_time_millis <= ? ORDER BY open_time_millis";

    private final DataSource dataSource;

    public CandleRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Binance's klines, oldest first. Thread-safe.
     *
     * @param startMillis the first interval is the one opening at or after this (epoch millis), or null.
     * @param endMillis   the last interval is the one containing this (epoch millis); null: no bound, or with no
     *                    start either, the interval of the market's latest candle.
     * @param limit       how many consecutive intervals to cover, clamped to 1…1000 (Binance's default is 500).
     * @throws IllegalArgumentException for intervals shorter than the stored minute ({@code 1s}).
     */
    public List<Candle> klines(int marketId, KlineInterval interval, Long startMillis, Long endMillis, int limit) {
        if (interval.nominalMillis() < KlineInterval.MINUTE_1.nominalMillis()) {
            throw new IllegalArgumentException("the store keeps minutes; " + interval.code() + " is finer");
        }
        int max = Math.max(1, Math.min(HistoryQuery.MAX_LIMIT, limit));
        try (Connection c = dataSource.getConnection()) {
            long firstOpen;
            long lastOpen;
            if (startMillis != null) {
                long open = interval.openTimeOf(startMillis);
                firstOpen = open == startMillis ? open : interval.nextOpenTime(open);
                lastOpen = interval.plus(firstOpen, max - 1);
                if (endMillis != null) {
                    lastOpen = Math.min(lastOpen, interval.openTimeOf(endMillis));
                }
            } else {
                Long end = endMillis != null ? endMillis : latestOpenTime(c, marketId);
                if (end == null) {
                    return List.of();
                }
                lastOpen = interval.openTimeOf(end);
                firstOpen = interval.plus(lastOpen, -(max - 1));
            }
            if (firstOpen > lastOpen) {
                return List.of();
            }
            long lastMinute = interval.nextOpenTime(lastOpen) - 1;
            return interval == KlineInterval.MINUTE_1 ? minutes(c, marketId, firstOpen, lastMinute)
                    : grouped(c, marketId, interval, firstOpen, lastMinute);
        } catch (SQLException e) {
            throw new StoreException("query klines", e);
        }
    }

    private static Long latestOpenTime(Connection c, int marketId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MAX(open_time_millis) FROM candles_1m WHERE market_id = ?")) {
            s.setInt(1, marketId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long latest = rs.getLong(1);
                return rs.wasNull() ? null : latest;
            }
        }
    }

    private static List<Candle> minutes(Connection c, int marketId, long from, long to) throws SQLException {
        List<Candle> candles = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(MINUTES)) {
            s.setInt(1, marketId);
            s.setLong(2, from);
            s.setLong(3, to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candles.add(CandleRows.read(rs, CandleRows.MINUTE_MILLIS));
                }
            }
        }
        return candles;
    }

    private static List<Candle> grouped(Connection c, int marketId, KlineInterval interval, long from, long to)
            throws SQLException {
        // Months vary in length: group by day in SQL, then merge the days of each month.
        KlineInterval sqlInterval = interval == KlineInterval.MONTH_1 ? KlineInterval.DAY_1 : interval;
        long length = sqlInterval.nominalMillis();
        long offset = sqlInterval.alignmentOffsetMillis();
        List<Candle> candles = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(GROUPED)) {
            s.setLong(1, offset);
            s.setLong(2, length);
            s.setInt(3, marketId);
            s.setLong(4, from);
            s.setLong(5, to);
            s.setInt(6, marketId);
            s.setInt(7, marketId);
            try (ResultSet rs = s.executeQuery()) {
                Candle current = null;
                while (rs.next()) {
                    long groupOpen = rs.getLong(1) * length + offset;
                    Candle group = Candle.of(marketId, groupOpen, length, rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getLong(10));
                    long open = interval.openTimeOf(groupOpen);
                    if (current == null || current.openTimeMillis() != open) {
                        current = new Candle(marketId, open, interval.nextOpenTime(open) - open);
                        candles.add(current);
                    }
                    current.merge(group);
                }
            }
        }
        return candles;
    }
}
