package io.lantau.store.market;

import static io.lantau.store.market.Events.command;
import static io.lantau.store.market.Events.order;
import static io.lantau.store.market.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.Side;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlineProjectionTest {
    private static final long MINUTE = 60_000;
    private final RecordingListener listener = new RecordingListener();
    private final KlineProjection klines = new KlineProjection(2, EnumSet.allOf(KlineInterval.class), 3, listener);
    private final OrderSnapshot buyer = order(1, 0, Side.BUY, 100, 1_000);
    private long tradeId;

    private TradeExecuted tradeAt(long priceTicks, long lots) {
        return trade(++tradeId, buyer, order(2, 0, Side.SELL, priceTicks, 1_000), lots);
    }

    @Test
    void shouldOpenCandleAtIntervalStartWhenFirstTradeArrives() {
        command(klines, 1, MINUTE + 1_500, tradeAt(100, 2), tradeAt(104, 1));
        command(klines, 2, MINUTE + 2_000, tradeAt(99, 3));

        assertThat(klines.klines(0, KlineInterval.MINUTE_1, 10))
                .containsExactly(Candle.of(0, MINUTE, MINUTE, 100, 104, 99, 99, 6, 601, 3, 1, 3));
        assertThat(klines.klines(0, KlineInterval.HOUR_1, 10)).extracting(Candle::openTimeMillis).containsExactly(0L);
        assertThat(klines.klines(1, KlineInterval.MINUTE_1, 10)).isEmpty();
    }

    @Test
    void shouldPushEveryIntervalOncePerCommandWithTrades() {
        command(klines, 1, MINUTE, tradeAt(100, 2), tradeAt(104, 1));

        assertThat(listener.klines).hasSize(KlineInterval.values().length);
        assertThat(listener.klines).allSatisfy(u -> {
            assertThat(u.closed()).isFalse();
            assertThat(u.candle().tradeCount()).isEqualTo(2);
        });
        assertThat(listener.klines).extracting(RecordingListener.KlineUpdate::interval)
                .containsExactlyInAnyOrder(KlineInterval.values());
    }

    @Test
    void shouldCloseCandleWhenCommandPassesItsEndWithoutTrades() {
        command(klines, 1, MINUTE + 59_999, tradeAt(100, 2));
        listener.clear();

        command(klines, 2, 2 * MINUTE);

        assertThat(listener.klines).extracting(RecordingListener.KlineUpdate::interval)
                .containsExactlyInAnyOrder(KlineInterval.SECOND_1, KlineInterval.MINUTE_1);
        assertThat(listener.klines).allSatisfy(u -> assertThat(u.closed()).isTrue());
        assertThat(klines.klines(0, KlineInterval.MINUTE_1, 10)).extracting(Candle::openTimeMillis)
                .containsExactly(MINUTE);
        listener.clear();

        command(klines, 3, 2 * MINUTE + 1, tradeAt(101, 1));

        assertThat(listener.klines).noneMatch(RecordingListener.KlineUpdate::closed);
        assertThat(klines.klines(0, KlineInterval.MINUTE_1, 10)).extracting(Candle::openTimeMillis)
                .containsExactly(MINUTE, 2 * MINUTE);
        assertThat(klines.klines(0, KlineInterval.MINUTE_3, 10)).singleElement()
                .extracting(Candle::tradeCount).isEqualTo(2L);
    }

    @Test
    void shouldSelectLikeBinanceByStartEndAndLimit() {
        KlineProjection wide = new KlineProjection(1, EnumSet.of(KlineInterval.MINUTE_1), 100, listener);
        for (int minute = 0; minute < 10; minute++) {
            command(wide, minute + 1, minute * MINUTE + 5, tradeAt(100 + minute, 1));
        }

        assertThat(wide.klines(0, KlineInterval.MINUTE_1, 3 * MINUTE, Long.MAX_VALUE, 2))
                .extracting(Candle::openTimeMillis).containsExactly(3 * MINUTE, 4 * MINUTE);
        assertThat(wide.klines(0, KlineInterval.MINUTE_1, Long.MIN_VALUE, 5 * MINUTE, 2))
                .extracting(Candle::openTimeMillis).containsExactly(4 * MINUTE, 5 * MINUTE);
        assertThat(wide.klines(0, KlineInterval.MINUTE_1, 2 * MINUTE + 1, 4 * MINUTE, 10))
                .extracting(Candle::openTimeMillis).containsExactly(3 * MINUTE, 4 * MINUTE);
        assertThat(wide.klines(0, KlineInterval.MINUTE_1, 3)).extracting(Candle::openTimeMillis)
                .containsExactly(7 * MINUTE, 8 * MINUTE, 9 * MINUTE);
        assertThat(wide.keeps(KlineInterval.MINUTE_1)).isTrue();
        assertThat(wide.keeps(KlineInterval.HOUR_1)).isFalse();
        assertThatThrownBy(() -> wide.klines(0, KlineInterval.HOUR_1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepOnlyLatestClosedCandlesWhenRingIsFull() {
        for (int minute = 0; minute < 6; minute++) {
            command(klines, minute + 1, minute * MINUTE, tradeAt(100, 1));
        }

        assertThat(klines.klines(0, KlineInterval.MINUTE_1, 100)).extracting(Candle::openTimeMillis)
                .containsExactly(2 * MINUTE, 3 * MINUTE, 4 * MINUTE, 5 * MINUTE);
    }

    @Test
    void shouldReturnCopiesThatReadersCannotChange() {
        command(klines, 1, MINUTE, tradeAt(100, 2));

        klines.klines(0, KlineInterval.MINUTE_1, 1).getFirst().add(99, 1, 1, 1);

        assertThat(klines.klines(0, KlineInterval.MINUTE_1, 1).getFirst().tradeCount()).isEqualTo(1);
    }

    @Test
    void shouldRebuildLongerIntervalsFromMinuteCandlesWhenRestored() {
        EnumSet<KlineInterval> intervals = EnumSet.range(KlineInterval.MINUTE_1, KlineInterval.MONTH_1);
        KlineProjection live = new KlineProjection(1, intervals, 1_000, MarketDataListener.NONE);
        long sequence = 0;
        for (long t = 0; t < 300 * MINUTE; t += 7_919) {
            command(live, ++sequence, t, tradeAt(100 + (t / 10_000) % 17, 1 + t % 3));
        }
        List<Candle> minutes = live.klines(0, KlineInterval.MINUTE_1, 1_000);

        KlineProjection restored = new KlineProjection(1, intervals, 1_000, MarketDataListener.NONE);
        restored.restore(minutes, sequence);
        command(live, ++sequence, 300 * MINUTE, tradeAt(120, 1));
        command(restored, sequence, 300 * MINUTE, trade(tradeId - 1, buyer, buyer, 1), trade(tradeId, buyer,
                order(2, 0, Side.SELL, 120, 1_000), 1));

        for (KlineInterval interval : intervals) {
            assertThat(restored.klines(0, interval, 1_000)).as(interval.code())
                    .isEqualTo(live.klines(0, interval, 1_000));
        }
        assertThat(restored.lastAppliedSequence()).isEqualTo(sequence);
    }

    @Test
    void shouldRejectCandleWhenRestoredCandleIsNotOneMinute() {
        assertThatThrownBy(() -> klines.restore(List.of(new Candle(0, 0, 5 * MINUTE)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
