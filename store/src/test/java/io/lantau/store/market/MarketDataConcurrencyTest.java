package io.lantau.store.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers on other threads copy while the projection thread writes: every copy must be a state the projection really
 * passed through. Depth snapshots are checked against the diff stream replayed up to their update id, trade lists
 * against the full trade sequence.
 */
class MarketDataConcurrencyTest {
    private static final int[] MARKETS = {0, 2, 4};

    private record Step(long sequence, long timestampNanos, List<CoreEvent> events) {
    }

    @Test
    void shouldServeOnlyStatesTheProjectionPassedThroughWhenReadWhileWriting() throws InterruptedException {
        List<Step> log = recordLog(30_000);
        RecordingListener listener = new RecordingListener();
        MarketData data = MarketData.create(StandardMarkets.config(), MarketDataSettings.defaults(), listener);
        List<DepthSnapshot> snapshots = new ArrayList<>();
        List<List<Trade>> tradeReads = new ArrayList<>();
        List<TickerStatistics> tickers = new ArrayList<>();
        List<Candle> candles = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread reader = new Thread(() -> {
            try {
                start.await();
                int i = 0;
                while (!done.get()) {
                    int m = MARKETS[i++ % MARKETS.length];
                    if (snapshots.size() < 20_000) {
                        snapshots.add(data.depth(m, Integer.MAX_VALUE));
                        tradeReads.add(data.recentTrades(m, 100));
                        tickers.add(data.ticker24h(m, 0));
                        candles.addAll(data.klines(m, KlineInterval.MINUTE_1, Long.MIN_VALUE, Long.MAX_VALUE, 3));
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "reader");
        reader.start();
        start.countDown();
        for (Step step : log) {
            data.onCommand(step.sequence(), step.timestampNanos(), step.events());
        }
        done.set(true);
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(snapshots).hasSizeGreaterThan(100);
        checkSnapshots(snapshots, listener.depthUpdates);
        checkTradeReads(tradeReads, listener.trades);
        for (TickerStatistics t : tickers) {
            if (t.tradeCount() > 0) {
                assertThat(t.lowTicks()).isLessThanOrEqualTo(Math.min(t.openTicks(), t.lastTicks()));
                assertThat(t.highTicks()).isGreaterThanOrEqualTo(Math.max(t.openTicks(), t.lastTicks()));
                assertThat(t.lastTradeId() - t.firstTradeId()).isGreaterThanOrEqualTo(t.tradeCount() - 1);
                assertThat(t.volumeLots()).isGreaterThanOrEqualTo(t.tradeCount());
            }
        }
        for (Candle c : candles) {
            assertThat(c.lowTicks()).isLessThanOrEqualTo(Math.min(c.openTicks(), c.closeTicks()));
            assertThat(c.highTicks()).isGreaterThanOrEqualTo(Math.max(c.openTicks(), c.closeTicks()));
            assertThat(c.volumeLots()).isGreaterThanOrEqualTo(c.tradeCount());
        }
    }

    private static void checkSnapshots(List<DepthSnapshot> snapshots, List<DepthUpdate> updates) {
        for (int m : MARKETS) {
            List<DepthUpdate> marketUpdates = updates.stream().filter(u -> u.marketId() == m).toList();
            List<DepthSnapshot> marketSnapshots = snapshots.stream().filter(s -> s.marketId() == m)
                    .sorted(Comparator.comparingLong(DepthSnapshot::lastUpdateId)).toList();
            BookReplica replica = BookReplica.of(new DepthSnapshot(m, 0, BookLevels.EMPTY, BookLevels.EMPTY));
            int next = 0;
            for (DepthSnapshot snapshot : marketSnapshots) {
                while (replica.lastUpdateId() < snapshot.lastUpdateId()) {
                    replica.apply(marketUpdates.get(next++));
                }
                assertThat(snapshot).isEqualTo(replica.toSnapshot(m));
            }
        }
    }

    private static void checkTradeReads(List<List<Trade>> reads, List<Trade> all) {
        for (List<Trade> read : reads) {
            if (read.isEmpty()) {
                continue;
            }
            int m = read.getFirst().marketId();
            List<Trade> market = all.stream().filter(t -> t.marketId() == m).toList();
            int from = market.indexOf(read.getFirst());
            assertThat(from).isNotNegative();
            assertThat(read).isEqualTo(market.subList(from, from + read.size()));
            assertThat(from == 0 || read.size() == 100).as("a full ring or every trade so far").isTrue();
        }
    }

    private static List<Step> recordLog(int commands) {
        ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        RandomCommands generator = new RandomCommands(7, core);
        EventRecorder recorder = new EventRecorder();
        List<Step> log = new ArrayList<>();
        List<Command> all = new ArrayList<>(generator.setup());
        long sequence = 0;
        for (Command c : all) {
            log.add(apply(core, recorder, ++sequence, c));
        }
        for (int i = 0; i < commands; i++) {
            log.add(apply(core, recorder, ++sequence, generator.next()));
        }
        return log;
    }

    private static Step apply(ExchangeCore core, EventRecorder recorder, long sequence, Command command) {
        recorder.clear();
        long nanos = 1_780_000_000_000_000_000L + sequence * 997_000_000L;
        core.apply(sequence, nanos, command, recorder);
        return new Step(sequence, nanos, List.copyOf(recorder.events()));
    }
}
