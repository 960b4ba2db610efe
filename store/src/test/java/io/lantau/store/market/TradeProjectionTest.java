package io.lantau.store.market;

import static io.lantau.store.market.Events.command;
import static io.lantau.store.market.Events.order;
import static io.lantau.store.market.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.Side;
import io.lantau.core.event.OrderSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeProjectionTest {
    private final RecordingListener listener = new RecordingListener();
    private final TradeProjection trades = new TradeProjection(2, 3, listener);
    private final OrderSnapshot buyer = order(1, 0, Side.BUY, 100, 50);
    private final OrderSnapshot seller = order(2, 0, Side.SELL, 101, 50);

    @Test
    void shouldKeepLatestTradesOldestFirstWhenRingOverflows() {
        for (int i = 1; i <= 5; i++) {
            command(trades, i, 1_000L * i, trade(i, seller, buyer, 1));
        }

        List<Trade> recent = trades.recentTrades(0, 10);

        assertThat(recent).extracting(Trade::tradeId).containsExactly(3L, 4L, 5L);
        assertThat(trades.recentTrades(0, 2)).extracting(Trade::tradeId).containsExactly(4L, 5L);
        assertThat(trades.recentTrades(1, 10)).isEmpty();
        assertThat(trades.lastTrade(0).tradeId()).isEqualTo(5);
        assertThat(listener.trades).hasSize(5);
    }

    @Test
    void shouldTellWhetherBuyerWasMakerFromMakerSide() {
        command(trades, 1, 7_000, trade(1, seller, buyer, 2));
        command(trades, 2, 8_000, trade(2, buyer, seller, 3));

        assertThat(trades.recentTrades(0, 10)).containsExactly(new Trade(0, 1, 100, 2, 200, 7_000, true),
                new Trade(0, 2, 101, 3, 303, 8_000, false));
    }

    @Test
    void shouldAggregateFillsOfOneTakerAtOnePriceWithinCommand() {
        OrderSnapshot maker2 = order(3, 0, Side.SELL, 101, 5);
        OrderSnapshot maker3 = order(4, 0, Side.SELL, 102, 5);
        OrderSnapshot taker = order(9, 0, Side.BUY, 102, 20);

        command(trades, 1, 1_000, trade(11, taker, seller, 2), trade(12, taker, maker2, 5),
                trade(13, taker, maker3, 1));

        assertThat(trades.recentAggregateTrades(0, 10)).containsExactly(
                new AggregateTrade(0, 1, 101, 7, 707, 11, 12, 1_000, false),
                new AggregateTrade(0, 2, 102, 1, 102, 13, 13, 1_000, false));
        assertThat(listener.aggregateTrades).hasSize(2);
    }

    @Test
    void shouldStartNewAggregateWhenTakerOrCommandChanges() {
        OrderSnapshot otherTaker = order(8, 0, Side.BUY, 101, 20);
        OrderSnapshot taker = order(9, 0, Side.BUY, 101, 20);

        command(trades, 1, 1_000, trade(1, taker, seller, 1), trade(2, otherTaker, seller, 1));
        command(trades, 2, 1_000, trade(3, otherTaker, seller, 1));

        assertThat(trades.recentAggregateTrades(0, 10)).extracting(AggregateTrade::aggregateTradeId,
                AggregateTrade::firstTradeId).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L),
                org.assertj.core.groups.Tuple.tuple(2L, 2L), org.assertj.core.groups.Tuple.tuple(3L, 3L));
    }

    @Test
    void shouldNumberAggregatesPerMarket() {
        OrderSnapshot otherBuyer = order(5, 1, Side.BUY, 7, 50);
        OrderSnapshot otherSeller = order(6, 1, Side.SELL, 7, 50);

        command(trades, 1, 1_000, trade(1, seller, buyer, 1));
        command(trades, 2, 1_000, trade(2, otherSeller, otherBuyer, 1));
        command(trades, 3, 1_000, trade(3, seller, buyer, 1));

        assertThat(trades.recentAggregateTrades(0, 10)).extracting(AggregateTrade::aggregateTradeId)
                .containsExactly(1L, 2L);
        assertThat(trades.recentAggregateTrades(1, 10)).extracting(AggregateTrade::aggregateTradeId)
                .containsExactly(1L);
    }

    @Test
    void shouldContinueIdsAndSkipKnownTradesWhenRestored() {
        trades.restore(List.of(new Trade(0, 40, 100, 1, 100, 500, true)),
                List.of(new AggregateTrade(0, 17, 100, 1, 100, 40, 40, 500, true)), 9);

        command(trades, 9, 1_000, trade(99, seller, buyer, 1));
        command(trades, 10, 1_000, trade(40, seller, buyer, 1), trade(41, seller, buyer, 1));

        assertThat(trades.recentTrades(0, 10)).extracting(Trade::tradeId).containsExactly(40L, 41L);
        assertThat(trades.recentAggregateTrades(0, 10)).extracting(AggregateTrade::aggregateTradeId)
                .containsExactly(17L, 18L);
        assertThat(trades.lastAppliedSequence()).isEqualTo(10);
    }
}
