package io.lantau.store.history;

import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.ProjectionOffsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@link HistoryBatch} and the projection's offset in one transaction, with JDBC batches: new orders
 * inserted in their latest state, known orders updated (and inserted if the store never saw them), trades inserted,
 * touched candles inserted or updated to their absolute values. Not thread-safe; stateless between calls.
 */
final class HistoryWriter {
    private final String projectionName;

    HistoryWriter(String projectionName) {
        this.projectionName = projectionName;
    }

    /** Writes the batch and commits; on failure rolls back and rethrows. */
    void write(Connection c, HistoryBatch batch) throws SQLException {
        c.setAutoCommit(false);
        try {
            writeOrders(c, batch);
            writeTrades(c, batch.trades);
            writeCandles(c, batch);
            ProjectionOffsets.write(c, projectionName, batch.lastSequence);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void writeOrders(Connection c, HistoryBatch batch) throws SQLException {
        List<OrderSnapshot> inserts = new ArrayList<>();
        List<OrderSnapshot> updates = new ArrayList<>();
        for (OrderSnapshot o : batch.orders.values()) {
            (batch.newOrderIds.contains(o.orderId()) ? inserts : updates).add(o);
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(OrderRows.UPDATE)) {
                for (OrderSnapshot o : updates) {
                    OrderRows.bindUpdate(s, o);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        // Accepted before this store's history began (e.g. a store created after a journal
                        // truncation): the snapshot is complete, so the row can be made from it.
                        inserts.add(updates.get(i));
                    }
                }
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(OrderRows.INSERT)) {
                for (OrderSnapshot o : inserts) {
                    OrderRows.bindInsert(s, o);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static void writeTrades(Connection c, List<TradeExecuted> trades) throws SQLException {
        if (trades.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(TradeRows.INSERT)) {
            for (TradeExecuted t : trades) {
                TradeRows.bindInsert(s, t);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void writeCandles(Connection c, HistoryBatch batch) throws SQLException {
        if (batch.candles.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(CandleRows.INSERT);
                PreparedStatement update = c.prepareStatement(CandleRows.UPDATE)) {
            int inserts = 0;
            int updates = 0;
            for (MinuteCandle m : batch.candles.values()) {
                if (m.stored) {
                    CandleRows.bindUpdate(update, m.candle);
                    update.addBatch();
                    updates++;
                } else {
                    CandleRows.bindInsert(insert, m.candle);
                    insert.addBatch();
                    inserts++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
    }
}
