package io.lantau.store.history;

import io.lantau.core.event.OrderSnapshot;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Queries over the {@code orders} history written by {@link HistoryProjection}: Binance's query-order and allOrders.
 * Orders come back as the core's {@link OrderSnapshot} in their latest projected state (an ended order's lock reads
 * 0). The history lags the core by the projection's batch: an order accepted a moment ago may not be here yet.
 * Thread-safe: every method borrows its own connection.
 */
public final class OrderHistoryRepository {
    private static final String SELECT = "SELECT " + OrderRows.COLUMNS + " FROM orders ";

    private final DataSource dataSource;

    public OrderHistoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the account's order with this id, if it is the account's. Thread-safe. */
    public Optional<OrderSnapshot> findByOrderId(long accountId, long orderId) {
        List<OrderSnapshot> found = query(SELECT + "WHERE order_id = ? AND account_id = ?", List.of(orderId, accountId));
        return found.stream().findFirst();
    }

    /**
     * Client order ids are unique among an account's open orders only, so several past orders may share one: this
     * returns the most recent. Thread-safe.
     *
     * @return the account's most recent order with this client order id, if any.
     */
    public Optional<OrderSnapshot> findByClientOrderId(long accountId, String clientOrderId) {
        List<OrderSnapshot> found = query(SELECT + "WHERE account_id = ? AND client_order_id = ? "
                + "ORDER BY order_id DESC LIMIT 1", List.of(accountId, clientOrderId));
        return found.stream().findFirst();
    }

    /**
     * Binance's allOrders: the account's orders in one market, any status, with {@link HistoryQuery}'s rules
     * ({@code fromId} is the order id; times are creation times). Oldest first. Thread-safe.
     */
    public List<OrderSnapshot> allOrders(long accountId, int marketId, HistoryQuery q) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE account_id = ? AND market_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId, marketId));
        if (q.fromId() != null) {
            sql.append(" AND order_id >= ?");
            args.add(q.fromId());
        }
        if (q.startTimeMillis() != null) {
            sql.append(" AND created_nanos >= ?");
            args.add(q.startNanos());
        }
        if (q.endTimeMillis() != null) {
            sql.append(" AND created_nanos <= ?");
            args.add(q.endNanos());
        }
        // Order ids grow with sequencer time, so id order is creation order.
        sql.append(q.ascending() ? " ORDER BY order_id ASC" : " ORDER BY order_id DESC").append(" LIMIT ?");
        args.add(q.effectiveLimit());
        List<OrderSnapshot> orders = query(sql.toString(), args);
        if (!q.ascending()) {
            Collections.reverse(orders);
        }
        return orders;
    }

    private List<OrderSnapshot> query(String sql, List<?> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                List<OrderSnapshot> orders = new ArrayList<>();
                while (rs.next()) {
                    orders.add(OrderRows.read(rs));
                }
                return orders;
            }
        } catch (SQLException e) {
            throw new StoreException("query orders", e);
        }
    }
}
