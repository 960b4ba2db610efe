package io.lantau.store.history;

import io.lantau.store.market.Candle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a 1-minute {@link Candle} maps to a row of {@code candles_1m}. Stateless. */
final class CandleRows {
    static final long MINUTE_MILLIS = 60_000L;
    static final String COLUMNS = "market_id, open_time_millis, open_ticks, high_ticks, low_ticks, close_ticks, "
            + "volume_lots, quote_volume_minor, trade_count, first_trade_id, last_trade_id";
    static final String INSERT = "INSERT INTO candles_1m (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE candles_1m SET open_ticks = ?, high_ticks = ?, low_ticks = ?, "
            + "close_ticks = ?, volume_lots = ?, quote_volume_minor = ?, trade_count = ?, first_trade_id = ?, "
            + "last_trade_id = ? WHERE market_id = ? AND open_time_millis = ?";

    private CandleRows() {
    }

    /** @return the stored 1-minute candle, or null if that minute has none. */
    static Candle load(Connection c, int marketId, long openTimeMillis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM candles_1m WHERE market_id = ? AND open_time_millis = ?")) {
            s.setInt(1, marketId);
            s.setLong(2, openTimeMillis);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? read(rs, MINUTE_MILLIS) : null;
            }
        }
    }

    static Candle read(ResultSet rs, long intervalMillis) throws SQLException {
        return Candle.of(rs.getInt(1), rs.getLong(2), intervalMillis, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
    }

    static void bindInsert(PreparedStatement s, Candle c) throws SQLException {
        s.setInt(1, c.marketId());
        s.setLong(2, c.openTimeMillis());
        s.setLong(3, c.openTicks());
        s.setLong(4, c.highTicks());
        s.setLong(5, c.lowTicks());
        s.setLong(6, c.closeTicks());
        s.setLong(7, c.volumeLots());
        s.setLong(8, c.quoteVolumeMinor());
        s.setLong(9, c.tradeCount());
        s.setLong(10, c.firstTradeId());
        s.setLong(11, c.lastTradeId());
    }

    static void bindUpdate(PreparedStatement s, Candle c) throws SQLException {
        s.setLong(1, c.openTicks());
        s.setLong(2, c.highTicks());
        s.setLong(3, c.lowTicks());
        s.setLong(4, c.closeTicks());
        s.setLong(5, c.volumeLots());
        s.setLong(6, c.quoteVolumeMinor());
        s.setLong(7, c.tradeCount());
        s.setLong(8, c.firstTradeId());
        s.setLong(9, c.lastTradeId());
        s.setInt(10, c.marketId());
        s.setLong(11, c.openTimeMillis());
    }
}
