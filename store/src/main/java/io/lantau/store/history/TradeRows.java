package io.lantau.store.history;

import io.lantau.core.Side;
import io.lantau.core.event.TradeExecuted;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a trade maps to a row of {@code trades}: the one place that knows the columns. Stateless. */
final class TradeRows {
    static final String COLUMNS = "trade_id, market_id, price_ticks, quantity_lots, quote_minor, taker_order_id, "
            + "taker_account_id, taker_side, maker_order_id, maker_account_id, taker_fee_minor, maker_fee_minor, "
            + "time_nanos";
    /** A trade is an immutable fact: inserting it twice is harmless, so a duplicate is ignored, not an error. */
    static final String INSERT = "INSERT INTO trades (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private TradeRows() {
    }

    static void bindInsert(PreparedStatement s, TradeExecuted t) throws SQLException {
        s.setLong(1, t.tradeId());
        s.setInt(2, t.taker().marketId());
        s.setLong(3, t.priceTicks());
        s.setLong(4, t.quantityLots());
        s.setLong(5, t.quoteMinor());
        s.setLong(6, t.taker().orderId());
        s.setLong(7, t.taker().accountId());
        s.setString(8, t.taker().side().name());
        s.setLong(9, t.maker().orderId());
        s.setLong(10, t.maker().accountId());
        s.setLong(11, t.takerFeeMinor());
        s.setLong(12, t.makerFeeMinor());
        s.setLong(13, t.timestampNanos());
    }

    static TradeRecord read(ResultSet rs) throws SQLException {
        return new TradeRecord(rs.getLong("trade_id"), rs.getInt("market_id"), rs.getLong("price_ticks"),
                rs.getLong("quantity_lots"), rs.getLong("quote_minor"), rs.getLong("taker_order_id"),
                rs.getLong("taker_account_id"), Side.valueOf(rs.getString("taker_side")),
                rs.getLong("maker_order_id"), rs.getLong("maker_account_id"), rs.getLong("taker_fee_minor"),
                rs.getLong("maker_fee_minor"), rs.getLong("time_nanos"));
    }

    static TradeRecord of(TradeExecuted t) {
        return new TradeRecord(t.tradeId(), t.taker().marketId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(),
                t.taker().orderId(), t.taker().accountId(), t.taker().side(), t.maker().orderId(),
                t.maker().accountId(), t.takerFeeMinor(), t.makerFeeMinor(), t.timestampNanos());
    }
}
