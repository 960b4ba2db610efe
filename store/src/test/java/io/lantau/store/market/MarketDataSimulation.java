package io.lantau.store.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.Side;
import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.core.event.TradeExecuted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs a real {@link ExchangeCore} (fast book) over {@link RandomCommands}, feeds each command's events to
 * {@link MarketData} and checks the chosen invariants after every command against the core and against brute-force
 * recomputations from the trades in the events. Time moves by seconds mostly, by minutes often and by days now and
 * then, from just before a month's, a week's and a day's end.
 */
final class MarketDataSimulation {

    enum Check {
        /** Depth equals the core's own aggregated levels. */
        DEPTH,
        /** Snapshots plus later diffs reproduce the book; ids have no gap. */
        DIFFS,
        /** Trade and aggregate-trade rings and pushes equal what the events say. */
        TRADES,
        /** Candles of every interval equal a recomputation from the trades. */
        CANDLES,
        /** 24-hour statistics and average prices equal a brute-force computation. */
        TICKERS,
        /** A depth projection started from the core mid-stream equals the one fed from the start. */
        DEPTH_FROM_CORE,
        /** Market data recovered mid-stream from the core and the store's history equals the one fed from start. */
        RECOVERY
    }

    static final CoreConfig CONFIG = StandardMarkets.config();
    static final int RECENT_TRADES = 50;
    static final int CLOSED_CANDLES = 30;
    static final MarketDataSettings SETTINGS = new MarketDataSettings(RECENT_TRADES, CLOSED_CANDLES,
            EnumSet.allOf(KlineInterval.class));
    private static final long START_MILLIS = Instant.parse("2026-05-31T21:40:00Z").toEpochMilli(); // a Sunday
    private static final long MINUTE = 60_000;
    private static final int MARKETS = CONFIG.markets().size();

    private final long seed;
    private final Set<Check> checks;
    private final Random random;
    private final ExchangeCore core = new ExchangeCore(CONFIG, BookKind.FAST);
    private final RandomCommands commands;
    private final EventRecorder recorder = new EventRecorder();
    private final Listener listener = new Listener();
    private final MarketData data = MarketData.create(CONFIG, SETTINGS, listener);
    /** Every trade so far, per market, from the events. */
    private final List<List<Trade>> trades = new ArrayList<>();
    private final List<AggregateTrade> expectedAggregates = new ArrayList<>();
    private final long[] aggregateIds = new long[MARKETS];
    private final BookReplica[] replicas = new BookReplica[MARKETS];
    private final long[] lastFinalUpdateId = new long[MARKETS];
    private DepthProjection fromCore;
    private Listener fromCoreListener;
    private MarketData recovered;
    private long recoveredAt;
    private long lastTradeIdAtRecovery;
    private final long[] levelPrices = new long[100_000];
    private final long[] levelQuantities = new long[100_000];
    private long sequence;
    private final Map<String, Integer> codes = new HashMap<>();
    private long timeMillis = START_MILLIS;
    private String where;

    MarketDataSimulation(long seed, Check first, Check... rest) {
        this.seed = seed;
        this.checks = EnumSet.of(first, rest);
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.commands = new RandomCommands(seed, core);
        for (int m = 0; m < MARKETS; m++) {
            trades.add(new ArrayList<>());
        }
    }

    void run(int count) {
        for (Command c : commands.setup()) {
            step(c);
        }
        for (int i = 0; i < count; i++) {
            if (i == count / 3 && checks.contains(Check.DEPTH_FROM_CORE)) {
                startFromCore();
            }
            if (i == count / 2 && checks.contains(Check.RECOVERY)) {
                recover();
            }
            step(commands.next());
        }
        if (checks.contains(Check.CANDLES)) {
            checkAllCandles();
        }
        if (System.getProperty("simulation.stats") != null) {
            StringBuilder stats = new StringBuilder("seed " + seed + ": " + (timeMillis - START_MILLIS) / MINUTE
                    + " minutes, open orders " + core.openOrderCount());
            for (int m = 0; m < MARKETS; m++) {
                stats.append(", m").append(m).append(' ').append(trades.get(m).size()).append(" trades/")
                        .append(data.depthProjection().lastUpdateId(m)).append(" updates/")
                        .append(data.depth(m, 100_000).bids().size() + data.depth(m, 100_000).asks().size())
                        .append(" levels");
            }
            System.out.println(stats);
            System.out.println(new java.util.TreeMap<>(codes));
        }
    }

    private void step(Command command) {
        sequence++;
        advanceTime();
        where = "seed " + seed + ", sequence " + sequence + ", " + command;
        recorder.clear();
        long nanos = timeMillis * 1_000_000L + random.nextInt(1_000_000);
        io.lantau.core.ResultCode code = core.apply(sequence, nanos, command, recorder);
        if (System.getProperty("simulation.stats") != null) {
            codes.merge(command.getClass().getSimpleName() + " " + code, 1, Integer::sum);
        }
        List<CoreEvent> events = List.copyOf(recorder.events());
        List<Trade> commandTrades = recordTrades(events);
        listener.clear();
        data.onCommand(sequence, nanos, events);
        if (fromCore != null) {
            fromCoreListener.clear();
            fromCore.onCommand(sequence, nanos, events);
        }
        if (recovered != null) {
            recovered.onCommand(sequence, nanos, events);
        }
        for (int m = 0; m < MARKETS; m++) {
            check(m, commandTrades);
        }
    }

    private void advanceTime() {
        int roll = random.nextInt(1_000);
        if (roll < 2) {
            timeMillis += random.nextInt(3 * 1_440) * MINUTE; // up to three days
        } else if (roll < 60) {
            timeMillis = (timeMillis / MINUTE + 1) * MINUTE; // exactly at the next minute: a candle's end
        } else if (roll < 200) {
            timeMillis += random.nextInt(10 * (int) MINUTE);
        } else {
            timeMillis += random.nextInt(3_000);
        }
    }

    private List<Trade> recordTrades(List<CoreEvent> events) {
        List<Trade> commandTrades = new ArrayList<>();
        long takerOrderId = -1;
        AggregateTrade pending = null;
        for (CoreEvent e : events) {
            if (e instanceof TradeExecuted t) {
                int m = t.maker().marketId();
                Trade trade = new Trade(m, t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(), timeMillis,
                        t.maker().side() == Side.BUY);
                trades.get(m).add(trade);
                commandTrades.add(trade);
                if (pending != null && takerOrderId == t.taker().orderId() && pending.priceTicks() == t.priceTicks()) {
                    pending = new AggregateTrade(m, pending.aggregateTradeId(), pending.priceTicks(),
                            pending.quantityLots() + t.quantityLots(), pending.quoteMinor() + t.quoteMinor(),
                            pending.firstTradeId(), t.tradeId(), timeMillis, pending.buyerMaker());
                } else {
                    if (pending != null) {
                        expectedAggregates.add(pending);
                    }
                    pending = new AggregateTrade(m, ++aggregateIds[m], t.priceTicks(), t.quantityLots(),
                            t.quoteMinor(), t.tradeId(), t.tradeId(), timeMillis, trade.buyerMaker());
                    takerOrderId = t.taker().orderId();
                }
            }
        }
        if (pending != null) {
            expectedAggregates.add(pending);
        }
        return commandTrades;
    }

    private void check(int m, List<Trade> commandTrades) {
        if (checks.contains(Check.DEPTH)) {
            assertThat(data.depth(m, Integer.MAX_VALUE)).as(where).isEqualTo(coreDepth(m,
                    data.depthProjection().lastUpdateId(m)));
        }
        if (checks.contains(Check.DIFFS)) {
            checkDiffs(m);
        }
        if (checks.contains(Check.TRADES)) {
            checkTrades(m, commandTrades);
        }
        if (checks.contains(Check.CANDLES)) {
            checkCurrentCandles(m, commandTrades);
        }
        if (checks.contains(Check.TICKERS)) {
            checkTicker(m);
        }
        if (fromCore != null) {
            DepthSnapshot expected = data.depth(m, Integer.MAX_VALUE);
            DepthSnapshot actual = fromCore.depth(m, Integer.MAX_VALUE);
            assertThat(actual.bids()).as(where).isEqualTo(expected.bids());
            assertThat(actual.asks()).as(where).isEqualTo(expected.asks());
            fromCoreListener.replicas[m].applyAll(fromCoreListener.updates(m));
            assertThat(fromCoreListener.replicas[m].toSnapshot(m)).as(where).isEqualTo(actual);
        }
        if (recovered != null) {
            checkRecovered(m);
        }
    }

    private DepthSnapshot coreDepth(int m, long lastUpdateId) {
        return new DepthSnapshot(m, lastUpdateId, coreLevels(m, Side.BUY), coreLevels(m, Side.SELL));
    }

    private BookLevels coreLevels(int m, Side side) {
        int n = core.bookLevels(m, side, levelPrices.length, levelPrices, levelQuantities);
        return BookLevels.of(levelPrices, levelQuantities, n);
    }

    // ---- diffs

    private void checkDiffs(int m) {
        List<DepthUpdate> updates = listener.updates(m);
        for (DepthUpdate u : updates) {
            assertThat(u.firstUpdateId()).as(where).isEqualTo(lastFinalUpdateId[m] + 1).isEqualTo(u.finalUpdateId());
            lastFinalUpdateId[m] = u.finalUpdateId();
        }
        assertThat(data.depthProjection().lastUpdateId(m)).as(where).isEqualTo(lastFinalUpdateId[m]);
        if (replicas[m] != null) {
            replicas[m].applyAll(updates);
            assertThat(replicas[m].toSnapshot(m)).as(where).isEqualTo(data.depth(m, Integer.MAX_VALUE));
        }
        if (replicas[m] == null || random.nextInt(40) == 0) {
            // A client (re)syncing: REST snapshot now, diffs from the next command on.
            replicas[m] = BookReplica.of(data.depth(m, Integer.MAX_VALUE));
        }
        if (listener.snapshotInCallback[m] != null) {
            // A snapshot taken while the update was being pushed already contains it.
            assertThat(listener.snapshotInCallback[m].lastUpdateId()).as(where).isEqualTo(lastFinalUpdateId[m]);
            replicas[m] = BookReplica.of(listener.snapshotInCallback[m]);
        }
    }

    // ---- trades

    private void checkTrades(int m, List<Trade> commandTrades) {
        List<Trade> all = trades.get(m);
        assertThat(data.recentTrades(m, RECENT_TRADES)).as(where)
                .isEqualTo(all.subList(Math.max(0, all.size() - RECENT_TRADES), all.size()));
        assertThat(data.recentTrades(m, 7)).as(where).isEqualTo(all.subList(Math.max(0, all.size() - 7), all.size()));
        List<AggregateTrade> aggregates = expectedAggregates.stream().filter(a -> a.marketId() == m).toList();
        assertThat(data.recentAggregateTrades(m, RECENT_TRADES)).as(where)
                .isEqualTo(aggregates.subList(Math.max(0, aggregates.size() - RECENT_TRADES), aggregates.size()));
        assertThat(listener.trades.stream().filter(t -> t.marketId() == m).toList()).as(where)
                .isEqualTo(commandTrades.stream().filter(t -> t.marketId() == m).toList());
        List<AggregateTrade> pushed = listener.aggregateTrades.stream().filter(a -> a.marketId() == m).toList();
        assertThat(pushed).as(where).isEqualTo(aggregates.subList(aggregates.size() - pushed.size(),
                aggregates.size()));
    }

    // ---- candles

    private static List<Candle> candles(List<Trade> trades, int m, KlineInterval interval) {
        List<Candle> candles = new ArrayList<>();
        Candle current = null;
        for (Trade t : trades) {
            long open = interval.openTimeOf(t.timeMillis());
            if (current == null || current.openTimeMillis() != open) {
                current = new Candle(m, open, interval.lengthMillis(open));
                candles.add(current);
            }
            current.add(t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor());
        }
        return candles;
    }

    /** The candles the projection must hold now: the last closed ones up to its capacity, then the current one. */
    private List<Candle> expectedCandles(int m, KlineInterval interval) {
        List<Candle> all = candles(trades.get(m), m, interval);
        Candle current = null;
        if (!all.isEmpty() && all.getLast().openTimeMillis() + all.getLast().intervalMillis() > timeMillis) {
            current = all.removeLast();
        }
        List<Candle> kept = new ArrayList<>(all.subList(Math.max(0, all.size() - CLOSED_CANDLES), all.size()));
        if (current != null) {
            kept.add(current);
        }
        return kept;
    }

    private void checkCurrentCandles(int m, List<Trade> commandTrades) {
        if (commandTrades.stream().noneMatch(t -> t.marketId() == m)) {
            return;
        }
        for (KlineInterval interval : KlineInterval.values()) {
            List<Candle> expected = expectedCandles(m, interval);
            assertThat(data.klines(m, interval, Long.MIN_VALUE, Long.MAX_VALUE, 1)).as(where + ", " + interval)
                    .containsExactly(expected.getLast());
            assertThat(listener.klines.stream().filter(k -> k.interval() == interval && !k.closed()
                    && k.candle().marketId() == m).map(RecordingListener.KlineUpdate::candle).toList())
                    .as(where).containsExactly(expected.getLast());
        }
        if (sequence % 97 == 0) {
            checkAllCandles();
        }
    }

    private void checkAllCandles() {
        for (int m = 0; m < MARKETS; m++) {
            for (KlineInterval interval : KlineInterval.values()) {
                assertThat(data.klines(m, interval, Long.MIN_VALUE, Long.MAX_VALUE, 1_000))
                        .as(where + ", " + interval).isEqualTo(expectedCandles(m, interval));
            }
        }
    }

    // ---- tickers

    private void checkTicker(int m) {
        TickerStatistics ticker = data.ticker24h(m, 0);
        assertThat(ticker).as(where).isEqualTo(bruteForceTicker(m, timeMillis));
        long later = timeMillis + random.nextLong(3 * 1_440 * MINUTE);
        assertThat(data.ticker24h(m, later)).as(where + ", at " + later).isEqualTo(bruteForceTicker(m, later));
        assertThat(data.averagePrice(m, timeMillis)).as(where).isEqualTo(bruteForceAverage(m, timeMillis));
        assertThat(data.averagePrice(m, later)).as(where).isEqualTo(bruteForceAverage(m, later));
        assertThat(data.lastPriceTicks(m)).isEqualTo(ticker.lastTicks());
        for (TickerStatistics pushed : listener.tickers) {
            if (pushed.marketId() == m) {
                assertThat(pushed).as(where).isEqualTo(ticker);
            }
        }
    }

    private TickerStatistics bruteForceTicker(int m, long nowMillis) {
        long endMinute = Math.floorDiv(nowMillis, MINUTE);
        long startMillis = (endMinute - 1_439) * MINUTE;
        List<Trade> all = trades.get(m);
        List<Trade> window = all.stream().filter(t -> t.timeMillis() >= startMillis).toList();
        Trade last = all.isEmpty() ? null : all.getLast();
        long lastTicks = last == null ? 0 : last.priceTicks();
        long lastLots = last == null ? 0 : last.quantityLots();
        long prevClose = all.stream().filter(t -> t.timeMillis() < startMillis).mapToLong(Trade::priceTicks)
                .reduce((a, b) -> b).orElse(0);
        BookTicker book = data.bookTicker(m);
        if (window.isEmpty()) {
            return new TickerStatistics(m, startMillis, nowMillis, lastTicks, lastTicks, lastTicks, lastTicks,
                    lastLots, prevClose, 0, 0, -1, -1, 0, book);
        }
        return new TickerStatistics(m, startMillis, nowMillis, window.getFirst().priceTicks(),
                window.stream().mapToLong(Trade::priceTicks).max().orElseThrow(),
                window.stream().mapToLong(Trade::priceTicks).min().orElseThrow(), lastTicks, lastLots, prevClose,
                window.stream().mapToLong(Trade::quantityLots).sum(), window.stream().mapToLong(Trade::quoteMinor).sum(),
                window.getFirst().tradeId(), window.getLast().tradeId(), window.size(), book);
    }

    private AveragePrice bruteForceAverage(int m, long nowMillis) {
        long startMillis = (Math.floorDiv(nowMillis, MINUTE) - 4) * MINUTE;
        List<Trade> all = trades.get(m);
        List<Trade> window = all.stream().filter(t -> t.timeMillis() >= startMillis).toList();
        Trade last = all.isEmpty() ? null : all.getLast();
        return new AveragePrice(m, 5, window.stream().mapToLong(Trade::quantityLots).sum(),
                window.stream().mapToLong(Trade::quoteMinor).sum(), last == null ? 0 : last.priceTicks(),
                last == null ? 0 : last.timeMillis());
    }

    // ---- started mid-stream

    private void startFromCore() {
        fromCoreListener = new Listener();
        fromCore = DepthProjection.fromCore(core, fromCoreListener);
        for (int m = 0; m < MARKETS; m++) {
            DepthSnapshot start = fromCore.depth(m, Integer.MAX_VALUE);
            assertThat(start.lastUpdateId()).isEqualTo(sequence);
            fromCoreListener.replicas[m] = BookReplica.of(start);
        }
    }

    private void recover() {
        List<Candle> minutes = new ArrayList<>();
        List<Trade> recentTrades = new ArrayList<>();
        List<AggregateTrade> recentAggregates = new ArrayList<>();
        for (int m = 0; m < MARKETS; m++) {
            minutes.addAll(candles(trades.get(m), m, KlineInterval.MINUTE_1));
            recentTrades.addAll(data.recentTrades(m, RECENT_TRADES));
            recentAggregates.addAll(data.recentAggregateTrades(m, RECENT_TRADES));
        }
        recovered = MarketData.recover(core, new RecentHistory(minutes, recentTrades, recentAggregates), SETTINGS,
                MarketDataListener.NONE);
        recoveredAt = sequence;
        lastTradeIdAtRecovery = trades.stream().flatMap(List::stream).mapToLong(Trade::tradeId).max().orElse(0);
        assertThat(recovered.lastAppliedSequence()).isEqualTo(sequence);
    }

    private void checkRecovered(int m) {
        if (sequence == recoveredAt) {
            return;
        }
        assertThat(recovered.depth(m, Integer.MAX_VALUE).bids()).as(where).isEqualTo(data.depth(m, 100_000).bids());
        assertThat(recovered.depth(m, Integer.MAX_VALUE).asks()).as(where).isEqualTo(data.depth(m, 100_000).asks());
        assertThat(recovered.recentTrades(m, RECENT_TRADES)).as(where).isEqualTo(data.recentTrades(m, RECENT_TRADES));
        assertThat(recovered.recentAggregateTrades(m, RECENT_TRADES)).as(where)
                .isEqualTo(data.recentAggregateTrades(m, RECENT_TRADES));
        for (KlineInterval interval : EnumSet.range(KlineInterval.MINUTE_1, KlineInterval.MONTH_1)) {
            assertThat(recovered.klines(m, interval, Long.MIN_VALUE, Long.MAX_VALUE, 1_000)).as(where + interval)
                    .isEqualTo(data.klines(m, interval, Long.MIN_VALUE, Long.MAX_VALUE, 1_000));
        }
        boolean tradedSince = !trades.get(m).isEmpty()
                && trades.get(m).getLast().tradeId() > lastTradeIdAtRecovery;
        TickerStatistics expected = data.ticker24h(m, 0);
        TickerStatistics actual = recovered.ticker24h(m, 0);
        // Update ids restart at the core's sequence on recovery: the book tickers agree in prices only.
        assertThat(actual.book().samePrices(expected.book())).as(where).isTrue();
        // A candle does not tell the last trade's quantity.
        expected = new TickerStatistics(m, expected.openTimeMillis(), expected.closeTimeMillis(),
                expected.openTicks(), expected.highTicks(), expected.lowTicks(), expected.lastTicks(),
                tradedSince ? expected.lastQuantityLots() : actual.lastQuantityLots(), expected.prevCloseTicks(),
                expected.volumeLots(), expected.quoteVolumeMinor(), expected.firstTradeId(), expected.lastTradeId(),
                expected.tradeCount(), actual.book());
        assertThat(actual).as(where).isEqualTo(expected);
        AveragePrice average = recovered.averagePrice(m, timeMillis);
        AveragePrice expectedAverage = data.averagePrice(m, timeMillis);
        assertThat(average.volumeLots()).as(where).isEqualTo(expectedAverage.volumeLots());
        assertThat(average.quoteVolumeMinor()).as(where).isEqualTo(expectedAverage.quoteVolumeMinor());
        if (tradedSince) {
            assertThat(average).as(where).isEqualTo(expectedAverage);
        }
    }

    /** Records pushes; sometimes takes a REST snapshot from inside the depth callback, as a racing reader might. */
    private final class Listener extends RecordingListener {
        final BookReplica[] replicas = new BookReplica[MARKETS];
        final DepthSnapshot[] snapshotInCallback = new DepthSnapshot[MARKETS];
        private final Map<Integer, List<DepthUpdate>> byMarket = new HashMap<>();

        @Override
        public void onDepthUpdate(DepthUpdate update) {
            super.onDepthUpdate(update);
            byMarket.computeIfAbsent(update.marketId(), k -> new ArrayList<>()).add(update);
            if (this == listener && random.nextInt(50) == 0) {
                snapshotInCallback[update.marketId()] = data.depth(update.marketId(), Integer.MAX_VALUE);
            }
        }

        List<DepthUpdate> updates(int m) {
            return byMarket.getOrDefault(m, List.of());
        }

        @Override
        void clear() {
            super.clear();
            byMarket.clear();
            java.util.Arrays.fill(snapshotInCallback, null);
        }
    }
}
