package io.lantau.store.market;

import static io.lantau.store.market.Events.command;
import static io.lantau.store.market.Events.order;
import static io.lantau.store.market.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.Side;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickerProjectionTest {
    private static final long MINUTE = 60_000;
    private static final long DAY = 1_440 * MINUTE;
    private final RecordingListener listener = new RecordingListener();
    private final BookTicker book = new BookTicker(0, 9, 95, 3, 105, 4);
    private final TickerProjection tickers = new TickerProjection(2,
            m -> m == 0 ? book : BookTicker.empty(m), listener);
    private final OrderSnapshot buyer = order(1, 0, Side.BUY, 100, 1_000);
    private long tradeId;
    private long sequence;

    private TradeExecuted tradeAt(long priceTicks, long lots) {
        return trade(++tradeId, buyer, order(2, 0, Side.SELL, priceTicks, 1_000), lots);
    }

    private void at(long timeMillis, TradeExecuted... trades) {
        command(tickers, ++sequence, timeMillis, trades);
    }

    @Test
    void shouldSumTradesOfWindowWhenQueried() {
        at(10 * MINUTE, tradeAt(100, 2));
        at(10 * MINUTE + 5, tradeAt(120, 1), tradeAt(90, 4));
        at(50 * MINUTE, tradeAt(110, 3));

        TickerStatistics ticker = tickers.ticker24h(0, 0);

        assertThat(ticker).isEqualTo(new TickerStatistics(0, 50 * MINUTE - DAY + MINUTE, 50 * MINUTE, 100, 120, 90,
                110, 3, 0, 10, 200 + 120 + 360 + 330, 1, 4, 4, book));
        assertThat(ticker.priceChangeTicks()).isEqualTo(10);
        assertThat(listener.tickers).hasSize(3);
        assertThat(listener.tickers.getLast()).isEqualTo(ticker);
        assertThat(tickers.lastPriceTicks(0)).isEqualTo(110);
    }

    @Test
    void shouldDropTradesWhenTheyLeaveWindow() {
        at(10 * MINUTE, tradeAt(100, 2));
        at(100 * MINUTE, tradeAt(110, 1));
        listener.clear();

        at(10 * MINUTE + DAY - 1);
        assertThat(tickers.ticker24h(0, 0).tradeCount()).isEqualTo(2);
        assertThat(listener.tickers).isEmpty();

        at(10 * MINUTE + DAY);
        TickerStatistics ticker = tickers.ticker24h(0, 0);
        assertThat(ticker.tradeCount()).isEqualTo(1);
        assertThat(ticker.openTicks()).isEqualTo(110);
        assertThat(ticker.prevCloseTicks()).isEqualTo(100);
        assertThat(ticker.firstTradeId()).isEqualTo(2);
        assertThat(listener.tickers).containsExactly(ticker);
    }

    @Test
    void shouldShowLastPriceAndNoTradesWhenWindowIsEmpty() {
        at(10 * MINUTE, tradeAt(100, 2), tradeAt(104, 1));

        at(3 * DAY);

        assertThat(tickers.ticker24h(0, 0)).isEqualTo(new TickerStatistics(0, 3 * DAY - DAY + MINUTE, 3 * DAY, 104,
                104, 104, 104, 1, 104, 0, 0, -1, -1, 0, book));
        assertThat(tickers.ticker24h(1, 0)).isEqualTo(new TickerStatistics(1, 3 * DAY - DAY + MINUTE, 3 * DAY, 0, 0,
                0, 0, 0, 0, 0, 0, -1, -1, 0, BookTicker.empty(1)));
    }

    @Test
    void shouldAnswerForLaterTimeAsIfItHadArrived() {
        at(10 * MINUTE, tradeAt(100, 2));
        at(700 * MINUTE, tradeAt(110, 1), tradeAt(111, 1));
        at(900 * MINUTE, tradeAt(90, 1));

        for (long later : new long[] {900 * MINUTE + 5, 10 * MINUTE + DAY, 700 * MINUTE + DAY - 1,
                700 * MINUTE + DAY, 900 * MINUTE + DAY, 5 * DAY}) {
            TickerStatistics lookedAhead = tickers.ticker24h(0, later);
            TickerProjection arrived = new TickerProjection(2, m -> book, MarketDataListener.NONE);
            long s = 0;
            tradeId = 0;
            command(arrived, ++s, 10 * MINUTE, tradeAt(100, 2));
            command(arrived, ++s, 700 * MINUTE, tradeAt(110, 1), tradeAt(111, 1));
            command(arrived, ++s, 900 * MINUTE, tradeAt(90, 1));
            command(arrived, ++s, later);
            assertThat(lookedAhead).as("at %d", later).isEqualTo(arrived.ticker24h(0, 0));
        }
        assertThat(tickers.ticker24h(0, 0).closeTimeMillis()).isEqualTo(900 * MINUTE);
    }

    @Test
    void shouldAverageLastFiveMinutes() {
        at(0, tradeAt(500, 10));
        at(10 * MINUTE, tradeAt(100, 2));
        at(13 * MINUTE, tradeAt(130, 1));

        assertThat(tickers.averagePrice(0, 14 * MINUTE + 59_999))
                .isEqualTo(new AveragePrice(0, 5, 3, 330, 130, 13 * MINUTE));
        assertThat(tickers.averagePrice(0, 15 * MINUTE))
                .isEqualTo(new AveragePrice(0, 5, 1, 130, 130, 13 * MINUTE));
        assertThat(tickers.averagePrice(0, 30 * MINUTE))
                .isEqualTo(new AveragePrice(0, 5, 0, 0, 130, 13 * MINUTE));
    }

    @Test
    void shouldRenderPercentAndAveragesInMarketUnits() {
        MarketSpec btcHkd = StandardMarkets.config().markets().get(0); // tick 10 HKD, lot 0.001 BTC, 1 minor/tick/lot
        TickerStatistics ticker = new TickerStatistics(0, 0, 0, 5_000, 5_200, 4_900, 5_100, 1, 0, 3, 15_100, 1, 3,
                3, book);

        assertThat(ticker.priceChangePercent()).isEqualByComparingTo(new BigDecimal("2.000"));
        assertThat(ticker.priceChangePercent().scale()).isEqualTo(3);
        // 151.00 HKD for 0.003 BTC: 50333.33... HKD per BTC.
        assertThat(ticker.weightedAveragePrice(btcHkd)).isEqualByComparingTo(new BigDecimal("50333.33333333"));
        assertThat(new AveragePrice(0, 5, 0, 0, 5_100, 0).price(btcHkd)).isEqualByComparingTo("51000");
    }

    @Test
    void shouldRebuildWindowFromMinuteCandlesWhenRestored() {
        at(10 * MINUTE, tradeAt(100, 2));
        at(10 * MINUTE + 1, tradeAt(101, 1));
        at(900 * MINUTE, tradeAt(110, 1));
        at(1_500 * MINUTE, tradeAt(90, 5));
        List<Candle> minutes = List.of(Candle.of(0, 10 * MINUTE, MINUTE, 100, 101, 100, 101, 3, 301, 2, 1, 2),
                Candle.of(0, 900 * MINUTE, MINUTE, 110, 110, 110, 110, 1, 110, 1, 3, 3),
                Candle.of(0, 1_500 * MINUTE, MINUTE, 90, 90, 90, 90, 5, 450, 1, 4, 4));

        TickerProjection restored = new TickerProjection(2, m -> book, MarketDataListener.NONE);
        restored.restore(minutes, sequence);
        TradeExecuted next = tradeAt(95, 1);
        command(restored, sequence + 1, 1_600 * MINUTE, trade(4, buyer, buyer, 5), next);
        at(1_600 * MINUTE, next);

        assertThat(restored.ticker24h(0, 0)).isEqualTo(tickers.ticker24h(0, 0));
        assertThat(restored.ticker24h(0, 0).prevCloseTicks()).isEqualTo(101);
    }
}
