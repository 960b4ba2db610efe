package io.lantau.store.history;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.event.OrderSnapshot;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** How an order maps to a row of {@code orders}: the one place that knows the columns. Stateless. */
final class OrderRows {
    static final String COLUMNS = "order_id, account_id, market_id, client_order_id, side, order_type, "
            + "time_in_force, stp, price_ticks, quantity_lots, quote_amount_minor, filled_lots, "
            + "cumulative_quote_minor, cumulative_fee_minor, locked_minor, status, created_nanos, updated_nanos";
    static final String INSERT = "INSERT INTO orders (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The fields an order's life can change (an amend changes price and quantity). */
    static final String UPDATE = "UPDATE orders SET price_ticks = ?, quantity_lots = ?, filled_lots = ?, "
            + "cumulative_quote_minor = ?, cumulative_fee_minor = ?, locked_minor = ?, status = ?, updated_nanos = ? "
            + "WHERE order_id = ?";

    private OrderRows() {
    }

    static void bindInsert(PreparedStatement s, OrderSnapshot o) throws SQLException {
        s.setLong(1, o.orderId());
        s.setLong(2, o.accountId());
        s.setInt(3, o.marketId());
        if (o.clientOrderId() == null) {
            s.setNull(4, Types.VARCHAR);
        } else {
            s.setString(4, o.clientOrderId());
        }
        s.setString(5, o.side().name());
        s.setString(6, o.type().name());
        s.setString(7, o.timeInForce().name());
        s.setString(8, o.selfTradePrevention().name());
        s.setLong(9, o.priceTicks());
        s.setLong(10, o.quantityLots());
        s.setLong(11, o.quoteAmountMinor());
        s.setLong(12, o.filledLots());
        s.setLong(13, o.cumulativeQuoteMinor());
        s.setLong(14, o.cumulativeFeeMinor());
        s.setLong(15, storedLock(o));
        s.setString(16, o.status().name());
        s.setLong(17, o.createdNanos());
        s.setLong(18, o.updatedNanos());
    }

    static void bindUpdate(PreparedStatement s, OrderSnapshot o) throws SQLException {
        s.setLong(1, o.priceTicks());
        s.setLong(2, o.quantityLots());
        s.setLong(3, o.filledLots());
        s.setLong(4, o.cumulativeQuoteMinor());
        s.setLong(5, o.cumulativeFeeMinor());
        s.setLong(6, storedLock(o));
        s.setString(7, o.status().name());
        s.setLong(8, o.updatedNanos());
        s.setLong(9, o.orderId());
    }

    static OrderSnapshot read(ResultSet rs) throws SQLException {
        return new OrderSnapshot(rs.getLong("order_id"), rs.getLong("account_id"), rs.getInt("market_id"),
                rs.getString("client_order_id"), Side.valueOf(rs.getString("side")),
                OrderType.valueOf(rs.getString("order_type")), TimeInForce.valueOf(rs.getString("time_in_force")),
                SelfTradePrevention.valueOf(rs.getString("stp")), rs.getLong("price_ticks"),
                rs.getLong("quantity_lots"), rs.getLong("quote_amount_minor"), rs.getLong("filled_lots"),
                rs.getLong("cumulative_quote_minor"), rs.getLong("cumulative_fee_minor"), rs.getLong("locked_minor"),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("created_nanos"),
                rs.getLong("updated_nanos"));
    }

    /** An ended order's event still shows its lock, which the core releases right after: history stores 0. */
    static long storedLock(OrderSnapshot o) {
        return o.status().isOpen() ? o.lockedMinor() : 0;
    }
}
