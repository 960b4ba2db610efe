package io.lantau.store.history;

import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Queries over the {@code trades} history written by {@link HistoryProjection}: Binance's recent trades,
 * historicalTrades, aggTrades and myTrades. Oldest first. The history lags the core by the projection's batch.
 * Thread-safe: every method borrows its own connection.
 */
public final class TradeHistoryRepository {
    private static final String SELECT = "SELECT " + TradeRows.COLUMNS + " FROM trades ";

    private final DataSource dataSource;

    public TradeHistoryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the market's {@code limit} most recent trades (clamped to 1…1000), oldest first. Thread-safe. */
    public List<TradeRecord> recentTrades(int marketId, int limit) {
        return trades(marketId, HistoryQuery.latest(limit));
    }

    /**
     * The market's trades by {@link HistoryQuery}'s rules ({@code fromId} is the trade id): historicalTrades, and the
     * source that aggregated trades are folded from. Thread-safe.
     */
    public List<TradeRecord> trades(int marketId, HistoryQuery q) {
        List<TradeRecord> trades = scan(marketId, q, null, q.effectiveLimit());
        if (!q.ascending()) {
            Collections.reverse(trades);
        }
        return trades;
    }

    /**
     * Binance's aggTrades: the market's aggregated trades by {@link HistoryQuery}'s rules, where {@code fromId} is an
     * aggregate id (= its first trade id) and the limit counts aggregates. An aggregate at the edge of a time
     * window holds only the trades inside the window. Thread-safe.
     */
    public List<AggTrade> aggTrades(int marketId, HistoryQuery q) {
        int limit = q.effectiveLimit();
        // Scan trades in pages until the limit of aggregates is complete or the trades run out; an aggregate is
        // complete once a trade that does not belong to it is seen.
        List<AggTrade> aggregates = new ArrayList<>();
        AggTradeFolder folder = new AggTradeFolder(aggregates::add);
        int page = Math.min(HistoryQuery.MAX_LIMIT, limit * 4);
        HistoryQuery next = q;
        Long beforeId = null;
        while (aggregates.size() < limit) {
            List<TradeRecord> trades = scan(marketId, next, beforeId, page);
            for (int i = 0; i < trades.size() && aggregates.size() < limit; i++) {
                folder.add(trades.get(i));
            }
            if (trades.size() < page) {
                break;
            }
            long edge = trades.get(trades.size() - 1).tradeId();
            if (q.ascending()) {
                next = new HistoryQuery(edge + 1, q.startTimeMillis(), q.endTimeMillis(), page);
            } else {
                beforeId = edge;
            }
        }
        folder.finish();
        List<AggTrade> result = new ArrayList<>(aggregates.subList(0, Math.min(limit, aggregates.size())));
        if (!q.ascending()) {
            Collections.reverse(result);
        }
        return result;
    }

    /**
     * Binance's myTrades: the account's trades in one market by {@link HistoryQuery}'s rules ({@code fromId} is the
     * trade id), as taker or maker; a self-trade appears twice. Thread-safe.
     *
     * @param orderId only the trades of this order of the account, or null for all.
     */
    public List<AccountTrade> myTrades(long accountId, int marketId, Long orderId, HistoryQuery q) {
        String order = q.ascending() ? " ORDER BY trade_id ASC LIMIT ?" : " ORDER BY trade_id DESC LIMIT ?";
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        List<Object> args = new ArrayList<>();
        for (String side : new String[] {"taker", "maker"}) {
            if (side.equals("maker")) {
                sql.append(" UNION ALL ");
            }
            sql.append("(SELECT ").append(TradeRows.COLUMNS).append(", ").append(side.equals("maker") ? 1 : 0)
                    .append(" AS is_maker FROM trades WHERE ").append(side).append("_account_id = ? AND market_id = ?");
            args.add(accountId);
            args.add(marketId);
            if (orderId != null) {
                sql.append(" AND ").append(side).append("_order_id = ?");
                args.add(orderId);
            }
            appendBounds(sql, args, q);
            sql.append(order).append(')');
            args.add(q.effectiveLimit());
        }
        sql.append(") x").append(q.ascending() ? " ORDER BY trade_id ASC, is_maker ASC LIMIT ?"
                : " ORDER BY trade_id DESC, is_maker DESC LIMIT ?");
        args.add(q.effectiveLimit());
        List<AccountTrade> trades = new ArrayList<>();
        query(sql.toString(), args, rs -> trades.add(new AccountTrade(TradeRows.read(rs), rs.getInt("is_maker") == 1)));
        if (!q.ascending()) {
            Collections.reverse(trades);
        }
        return trades;
    }

    /** @return up to {@code limit} trades in scan order: ascending for ascending queries, else descending. */
    private List<TradeRecord> scan(int marketId, HistoryQuery q, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE market_id = ?");
        List<Object> args = new ArrayList<>(List.of(marketId));
        appendBounds(sql, args, q);
        if (beforeId != null) {
            sql.append(" AND trade_id < ?");
            args.add(beforeId);
        }
        sql.append(q.ascending() ? " ORDER BY trade_id ASC" : " ORDER BY trade_id DESC").append(" LIMIT ?");
        args.add(limit);
        List<TradeRecord> trades = new ArrayList<>();
        query(sql.toString(), args, rs -> trades.add(TradeRows.read(rs)));
        return trades;
    }

    private static void appendBounds(StringBuilder sql, List<Object> args, HistoryQuery q) {
        if (q.fromId() != null) {
            sql.append(" AND trade_id >= ?");
            args.add(q.fromId());
        }
        if (q.startTimeMillis() != null) {
            sql.append(" AND time_nanos >= ?");
            args.add(q.startNanos());
        }
        if (q.endTimeMillis() != null) {
            sql.append(" AND time_nanos <= ?");
            args.add(q.endNanos());
        }
    }

    private void query(String sql, List<?> args, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("query trades", e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
