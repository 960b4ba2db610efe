package io.lantau.store.history;

import static io.lantau.store.history.Fixtures.MINUTE;
import static io.lantau.store.history.Fixtures.T0_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lantau.core.Side;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.EngineTestBase;
import io.lantau.store.history.HistoryTables.CandleRow;
import io.lantau.store.market.Candle;
import io.lantau.store.market.KlineInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CandleRepositoryTest extends EngineTestBase {
    private static final long HOUR = 60 * MINUTE;
    private static final long A = 1001;
    private static final long B = 1002;
    private Fixtures fixtures;
    private CandleRepository candles;
    private long nextTradeId = 1;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        candles = new CandleRepository(database.dataSource());
    }

    private void trade(long timeMillis, long priceTicks, long quantityLots) {
        fixtures.trade(nextTradeId, timeMillis, 0, nextTradeId + 100, A, Side.BUY, nextTradeId + 200, B, priceTicks,
                quantityLots);
        nextTradeId++;
    }

    @Test
    void shouldReturnOneCandlePerMinuteWithTradesWhenIntervalIsOneMinute() {
        trade(T0_MILLIS + 5_000, 100, 1);
        trade(T0_MILLIS + 59_999, 105, 2);
        trade(T0_MILLIS + 3 * MINUTE, 90, 3);

        List<Candle> klines = candles.klines(0, KlineInterval.MINUTE_1, null, null, 500);

        assertThat(klines).extracting(CandleRow::of).containsExactly(
                new CandleRow(0, T0_MILLIS, 100, 105, 100, 105, 3, 310, 2, 1, 2),
                new CandleRow(0, T0_MILLIS + 3 * MINUTE, 90, 90, 90, 90, 3, 270, 1, 3, 3));
        assertThat(klines.get(0).closeTimeMillis()).isEqualTo(T0_MILLIS + MINUTE - 1);
    }

    @Test
    void shouldFoldMinutesIntoOneCandleWhenIntervalIsOneHour() {
        trade(T0_MILLIS + 10 * MINUTE, 100, 1);
        trade(T0_MILLIS + 20 * MINUTE, 120, 1);
        trade(T0_MILLIS + 30 * MINUTE, 80, 1);
        trade(T0_MILLIS + 59 * MINUTE, 95, 1);
        trade(T0_MILLIS + HOUR, 96, 1);

        List<Candle> klines = candles.klines(0, KlineInterval.HOUR_1, null, null, 500);

        assertThat(klines).extracting(CandleRow::of).containsExactly(
                new CandleRow(0, T0_MILLIS, 100, 120, 80, 95, 4, 395, 4, 1, 4),
                new CandleRow(0, T0_MILLIS + HOUR, 96, 96, 96, 96, 1, 96, 1, 5, 5));
        assertThat(klines.get(0).closeTimeMillis()).isEqualTo(T0_MILLIS + HOUR - 1);
    }

    @Test
    void shouldAlignWeeksOnMondayAndMonthsOnTheFirstWhenFolding() {
        trade(T0_MILLIS, 100, 1); // Wednesday 2025-01-01
        trade(millis("2025-01-05T23:59:00Z"), 101, 1); // Sunday
        trade(millis("2025-01-06T00:00:00Z"), 102, 1); // Monday
        trade(millis("2025-02-01T00:00:00Z"), 103, 1);

        assertThat(candles.klines(0, KlineInterval.WEEK_1, null, null, 500))
                .extracting(Candle::openTimeMillis, Candle::tradeCount)
                .containsExactly(tuple(millis("2024-12-30T00:00:00Z"), 2L),
                        tuple(millis("2025-01-06T00:00:00Z"), 1L),
                        tuple(millis("2025-01-27T00:00:00Z"), 1L));
        List<Candle> months = candles.klines(0, KlineInterval.MONTH_1, null, null, 500);
        assertThat(months).extracting(Candle::openTimeMillis).containsExactly(millis("2025-01-01T00:00:00Z"),
                millis("2025-02-01T00:00:00Z"));
        assertThat(months.get(0).closeTimeMillis()).isEqualTo(millis("2025-02-01T00:00:00Z") - 1);
        assertThat(months.get(0).closeTicks()).isEqualTo(102);
    }

    @Test
    void shouldReturnLatestCandlesWhenNoStartGivenAndFirstCandlesFromStartWhenGiven() {
        for (int i = 0; i < 10; i++) {
            trade(T0_MILLIS + i * HOUR + 30 * MINUTE, 100 + i, 1);
        }

        assertThat(candles.klines(0, KlineInterval.HOUR_1, null, null, 3)).extracting(Candle::openTicks)
                .containsExactly(107L, 108L, 109L);
        assertThat(candles.klines(0, KlineInterval.HOUR_1, null, T0_MILLIS + 5 * HOUR, 2))
                .extracting(Candle::openTicks).containsExactly(104L, 105L);
        assertThat(candles.klines(0, KlineInterval.HOUR_1, T0_MILLIS + 2 * HOUR, null, 3))
                .extracting(Candle::openTicks).containsExactly(102L, 103L, 104L);
        // A start inside an hour: the first candle is the next whole hour's.
        assertThat(candles.klines(0, KlineInterval.HOUR_1, T0_MILLIS + 2 * HOUR + 1, T0_MILLIS + 4 * HOUR, 500))
                .extracting(Candle::openTicks).containsExactly(103L, 104L);
        assertThat(candles.klines(1, KlineInterval.HOUR_1, null, null, 500)).isEmpty();
    }

    @Test
    void shouldCoverLimitConsecutiveIntervalsAndLeaveOutEmptyOnesWhenNoStartGiven() {
        trade(T0_MILLIS, 100, 1);
        trade(T0_MILLIS + 5 * HOUR, 105, 1);
        trade(T0_MILLIS + 9 * HOUR, 109, 1);

        assertThat(candles.klines(0, KlineInterval.HOUR_1, null, null, 5)).extracting(Candle::openTicks)
                .containsExactly(105L, 109L);
        assertThat(candles.klines(0, KlineInterval.HOUR_1, T0_MILLIS, null, 5)).extracting(Candle::openTicks)
                .containsExactly(100L);
    }

    @Test
    void shouldEqualCandlesFoldedFromTradesWhenStreamProjected() {
        List<EventStream.Batch> stream = EventStream.generate(7, 3_000, 20, 60_000);
        EventStream.feed(new HistoryProjection(database.dataSource()), stream, 50);
        long startMillis = EventStream.START_NANOS / 1_000_000L;

        for (KlineInterval interval : KlineInterval.values()) {
            if (interval == KlineInterval.SECOND_1) {
                continue; // finer than the stored minute: in memory only
            }
            for (int market : new int[] {0, 2, 3}) {
                List<Candle> all = foldTrades(stream, market, interval);
                long containing = interval.openTimeOf(startMillis);
                long firstOpen = containing == startMillis ? containing : interval.nextOpenTime(containing);
                long lastOpen = all.get(all.size() - 1).openTimeMillis();
                assertThat(candles.klines(market, interval, startMillis, null, 1000))
                        .as("%s market %d from start", interval, market).extracting(CandleRow::of)
                        .isEqualTo(rows(all, firstOpen, interval.plus(firstOpen, 999)));
                assertThat(candles.klines(market, interval, null, null, 7))
                        .as("%s market %d latest", interval, market).extracting(CandleRow::of)
                        .isEqualTo(rows(all, interval.plus(lastOpen, -6), lastOpen));
            }
        }
    }

    private static List<Candle> foldTrades(List<EventStream.Batch> stream, int market, KlineInterval interval) {
        Map<Long, Candle> byOpen = new TreeMap<>();
        for (EventStream.Batch b : stream) {
            for (CoreEvent e : b.events()) {
                if (e instanceof TradeExecuted t && t.taker().marketId() == market) {
                    long open = interval.openTimeOf(t.timestampNanos() / 1_000_000L);
                    byOpen.computeIfAbsent(open, o -> new Candle(market, o, interval.nextOpenTime(o) - o))
                            .add(t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor());
                }
            }
        }
        return new ArrayList<>(byOpen.values());
    }

    private static List<CandleRow> rows(List<Candle> candles, long firstOpen, long lastOpen) {
        return candles.stream().filter(c -> c.openTimeMillis() >= firstOpen && c.openTimeMillis() <= lastOpen)
                .map(CandleRow::of).toList();
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
