package io.lantau.store.history;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import io.lantau.store.ProjectionOffsets;
import io.lantau.store.StoreException;
import io.lantau.store.market.Candle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes order history, trades and 1-minute candles to the relational store from the core's events:
 * {@code OrderAccepted} inserts an order; {@code TradeExecuted} inserts a trade, updates both orders' fill state and
 * the market's 1-minute candle; {@code OrderRested}, {@code OrderAmended}, {@code OrderCanceled} and
 * {@code OrderExpired} update the order. Rejected orders are not orders and leave no row.
 *
 * <p>Batched: events are applied in memory and written in one transaction at {@link #endOfBatch()}, or as soon as
 * {@code maxBatchCommands} commands are pending. The transaction carries the projection's offset
 * ({@code projection_offsets}, name {@value #NAME}), so the store always holds exactly the effects of the commands up
 * to {@link #lastAppliedSequence()}: after a crash, feeding again from {@code lastAppliedSequence() + 1} loses nothing,
 * and commands at or below the offset are skipped, so replaying from further back duplicates nothing.
 *
 * <p>Threading: one thread calls it (the dispatcher's), as {@link Projection} requires. If a write fails, the instance
 * refuses further calls: make a new one, which resumes from the store.
 */
public final class HistoryProjection implements Projection {
    /** Its name in {@code projection_offsets}. */
    public static final String NAME = "history";
    /** Default number of commands after which a batch is written even without {@link #endOfBatch()}. */
    public static final int DEFAULT_MAX_BATCH_COMMANDS = 10_000;

    private final DataSource dataSource;
    private final int maxBatchCommands;
    private final HistoryWriter writer = new HistoryWriter(NAME);
    private final HistoryBatch batch = new HistoryBatch();
    /** Per market, the newest 1-minute candle seen (written or pending). */
    private final Map<Integer, MinuteCandle> currentCandles = new HashMap<>();
    private long committedSequence;
    private long lastSequence;
    private boolean failed;

    /** Reads the offset from the store; writes with {@value #DEFAULT_MAX_BATCH_COMMANDS} commands at most per batch. */
    public HistoryProjection(DataSource dataSource) {
        this(dataSource, DEFAULT_MAX_BATCH_COMMANDS);
    }

    /**
     * @param maxBatchCommands write a batch once this many commands are pending, even before {@link #endOfBatch()}.
     * @throws StoreException if the offset cannot be read.
     */
    public HistoryProjection(DataSource dataSource, int maxBatchCommands) {
        if (maxBatchCommands < 1) {
            throw new IllegalArgumentException("maxBatchCommands must be positive: " + maxBatchCommands);
        }
        this.dataSource = dataSource;
        this.maxBatchCommands = maxBatchCommands;
        try (Connection c = dataSource.getConnection()) {
            committedSequence = ProjectionOffsets.read(c, NAME);
        } catch (SQLException e) {
            throw new StoreException("read the history projection's offset", e);
        }
        lastSequence = committedSequence;
    }

    /**
     * Applies one command's events in memory (skipped if {@code sequence} is at or below what was already applied),
     * and writes the batch if it has reached its maximum size.
     *
     * @throws IllegalStateException if {@code sequence} leaves a gap after the last applied command, or after a
     *                               failed write.
     * @throws StoreException        if a write fails.
     */
    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        checkUsable();
        if (sequence <= lastSequence) {
            return;
        }
        // A store that has never written anything may start anywhere (a journal that begins with a snapshot);
        // after that, a gap would silently lose history.
        if (lastSequence != 0 && sequence != lastSequence + 1) {
            throw new IllegalStateException("gap in the event stream: expected sequence " + (lastSequence + 1)
                    + ", got " + sequence);
        }
        for (CoreEvent event : events) {
            apply(event);
        }
        lastSequence = sequence;
        batch.lastSequence = sequence;
        batch.commands++;
        if (batch.commands >= maxBatchCommands) {
            flush();
        }
    }

    /** Writes what is pending, with the offset, in one transaction. */
    @Override
    public void endOfBatch() {
        checkUsable();
        flush();
    }

    /** @return the last sequence written to the store (pending, unwritten commands are not counted). */
    @Override
    public long lastAppliedSequence() {
        return committedSequence;
    }

    private void apply(CoreEvent event) {
        switch (event) {
            case OrderAccepted e -> batch.accepted(e.order());
            case TradeExecuted e -> {
                batch.trades.add(e);
                batch.changed(e.taker());
                batch.changed(e.maker());
                addToCandle(e);
            }
            case OrderRested e -> batch.changed(e.order());
            case OrderAmended e -> batch.changed(e.order());
            case OrderCanceled e -> batch.changed(e.order());
            case OrderExpired e -> batch.changed(e.order());
            default -> {
                // Balances, transfers, accounts, rejections and market status are not history.
            }
        }
    }

    private void addToCandle(TradeExecuted t) {
        int marketId = t.taker().marketId();
        long openTime = Candle.openTimeOf(Math.floorDiv(t.timestampNanos(), 1_000_000L), CandleRows.MINUTE_MILLIS);
        long key = MinuteCandle.key(marketId, openTime);
        MinuteCandle minute = batch.candles.get(key);
        if (minute == null) {
            MinuteCandle current = currentCandles.get(marketId);
            minute = current != null && current.candle.openTimeMillis() == openTime ? current
                    : loadOrCreate(marketId, openTime);
            batch.candles.put(key, minute);
        }
        MinuteCandle current = currentCandles.get(marketId);
        if (current == null || current.candle.openTimeMillis() <= openTime) {
            currentCandles.put(marketId, minute);
        }
        minute.candle.add(t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor());
    }

    private MinuteCandle loadOrCreate(int marketId, long openTime) {
        try (Connection c = dataSource.getConnection()) {
            Candle stored = CandleRows.load(c, marketId, openTime);
            return stored != null ? new MinuteCandle(stored, true)
                    : new MinuteCandle(new Candle(marketId, openTime, CandleRows.MINUTE_MILLIS), false);
        } catch (SQLException e) {
            failed = true;
            throw new StoreException("load a 1-minute candle", e);
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            writer.write(c, batch);
        } catch (SQLException | RuntimeException e) {
            failed = true;
            throw e instanceof RuntimeException r ? r
                    : new StoreException("write history up to sequence " + batch.lastSequence, e);
        }
        for (MinuteCandle minute : batch.candles.values()) {
            minute.stored = true;
        }
        committedSequence = batch.lastSequence;
        batch.clear();
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("the history projection failed to write; make a new one to resume "
                    + "from sequence " + (committedSequence + 1));
        }
    }
}
