package io.lantau.store.history;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.market.Candle;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads whole history tables back, and computes what they should hold from an event stream, for comparison. */
final class HistoryTables {
    /** A candle's fields as a comparable value. */
    record CandleRow(int marketId, long openTimeMillis, long open, long high, long low, long close, long volume,
            long quoteVolume, long trades, long firstTradeId, long lastTradeId) {
        static CandleRow of(Candle c) {
            return new CandleRow(c.marketId(), c.openTimeMillis(), c.openTicks(), c.highTicks(), c.lowTicks(),
                    c.closeTicks(), c.volumeLots(), c.quoteVolumeMinor(), c.tradeCount(), c.firstTradeId(),
                    c.lastTradeId());
        }
    }

    /** Everything the history tables hold. */
    record Contents(Map<Long, OrderSnapshot> orders, List<TradeRecord> trades, List<CandleRow> candles, long offset) {
    }

    private HistoryTables() {
    }

    static Contents read(DataSource dataSource) throws SQLException {
        Map<Long, OrderSnapshot> orders = new TreeMap<>();
        List<TradeRecord> trades = new ArrayList<>();
        List<CandleRow> candles = new ArrayList<>();
        long offset;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT " + OrderRows.COLUMNS + " FROM orders ORDER BY order_id")) {
                while (rs.next()) {
                    OrderSnapshot o = OrderRows.read(rs);
                    orders.put(o.orderId(), o);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + TradeRows.COLUMNS + " FROM trades ORDER BY trade_id")) {
                while (rs.next()) {
                    trades.add(TradeRows.read(rs));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT " + CandleRows.COLUMNS
                    + " FROM candles_1m ORDER BY market_id, open_time_millis")) {
                while (rs.next()) {
                    candles.add(CandleRow.of(CandleRows.read(rs, CandleRows.MINUTE_MILLIS)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT last_sequence FROM projection_offsets WHERE name = 'history'")) {
                offset = rs.next() ? rs.getLong(1) : 0;
            }
        }
        return new Contents(orders, trades, candles, offset);
    }

    /** @return what the tables must hold after the whole stream, computed independently of the projection. */
    static Contents expected(List<EventStream.Batch> stream) {
        Map<Long, OrderSnapshot> orders = new TreeMap<>();
        List<TradeRecord> trades = new ArrayList<>();
        Map<String, Candle> candles = new TreeMap<>();
        for (EventStream.Batch b : stream) {
            for (CoreEvent e : b.events()) {
                switch (e) {
                    case OrderAccepted a -> orders.put(a.order().orderId(), stored(a.order()));
                    case OrderRested a -> orders.put(a.order().orderId(), stored(a.order()));
                    case OrderAmended a -> orders.put(a.order().orderId(), stored(a.order()));
                    case OrderCanceled a -> orders.put(a.order().orderId(), stored(a.order()));
                    case OrderExpired a -> orders.put(a.order().orderId(), stored(a.order()));
                    case TradeExecuted t -> {
                        orders.put(t.taker().orderId(), stored(t.taker()));
                        orders.put(t.maker().orderId(), stored(t.maker()));
                        trades.add(TradeRows.of(t));
                        long minute = Math.floorDiv(t.timestampNanos() / 1_000_000L, 60_000L) * 60_000L;
                        candles.computeIfAbsent(String.format("%05d-%020d", t.taker().marketId(), minute),
                                k -> new Candle(t.taker().marketId(), minute, 60_000L))
                                .add(t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor());
                    }
                    default -> {
                    }
                }
            }
        }
        List<CandleRow> rows = candles.values().stream().map(CandleRow::of).toList();
        return new Contents(orders, trades, rows, stream.get(stream.size() - 1).sequence());
    }

    /** The order as history stores it: an ended order holds no lock. */
    static OrderSnapshot stored(OrderSnapshot o) {
        if (o.status().isOpen()) {
            return o;
        }
        return new OrderSnapshot(o.orderId(), o.accountId(), o.marketId(), o.clientOrderId(), o.side(), o.type(),
                o.timeInForce(), o.selfTradePrevention(), o.priceTicks(), o.quantityLots(), o.quoteAmountMinor(),
                o.filledLots(), o.cumulativeQuoteMinor(), o.cumulativeFeeMinor(), 0, o.status(), o.createdNanos(),
                o.updatedNanos());
    }
}
