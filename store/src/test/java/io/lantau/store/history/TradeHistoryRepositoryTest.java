package io.lantau.store.history;

import static io.lantau.store.history.Fixtures.MINUTE;
import static io.lantau.store.history.Fixtures.T0_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lantau.core.Side;
import io.lantau.store.EngineTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradeHistoryRepositoryTest extends EngineTestBase {
    private static final long ALICE = 1001;
    private static final long BOB = 1002;
    private static final long CAROL = 1003;
    private Fixtures fixtures;
    private TradeHistoryRepository trades;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        trades = new TradeHistoryRepository(database.dataSource());
    }

    /**
     * Market 0, one trade a minute: 1–3 Alice's buy order 10 takes Bob's 20, 21, 22 at 100; 4 Alice's order 10 at
     * 101; 5–6 Bob's sell order 23 takes Alice's 11 at 99; 7 Alice self-trades (order 12 takes her order 13).
     * Market 2: trade 8 between Carol and Bob.
     */
    private void sevenTrades() {
        fixtures.trade(1, T0_MILLIS, 0, 10, ALICE, Side.BUY, 20, BOB, 100, 1);
        fixtures.trade(2, T0_MILLIS + MINUTE, 0, 10, ALICE, Side.BUY, 21, BOB, 100, 2);
        fixtures.trade(3, T0_MILLIS + 2 * MINUTE, 0, 10, ALICE, Side.BUY, 22, BOB, 100, 3);
        fixtures.trade(4, T0_MILLIS + 3 * MINUTE, 0, 10, ALICE, Side.BUY, 22, BOB, 101, 4);
        fixtures.trade(5, T0_MILLIS + 4 * MINUTE, 0, 23, BOB, Side.SELL, 11, ALICE, 99, 5);
        fixtures.trade(6, T0_MILLIS + 5 * MINUTE, 0, 23, BOB, Side.SELL, 11, ALICE, 99, 6);
        fixtures.trade(7, T0_MILLIS + 6 * MINUTE, 0, 12, ALICE, Side.SELL, 13, ALICE, 98, 7);
        fixtures.trade(8, T0_MILLIS + 7 * MINUTE, 2, 30, CAROL, Side.BUY, 31, BOB, 500, 8);
    }

    @Test
    void shouldReturnMostRecentTradesOldestFirstWhenRecentAsked() {
        sevenTrades();

        assertThat(trades.recentTrades(0, 3)).extracting(TradeRecord::tradeId).containsExactly(5L, 6L, 7L);
    }

    @Test
    void shouldStoreEveryFieldOfTheTradeWhenProjected() {
        sevenTrades();

        TradeRecord t = trades.trades(0, HistoryQuery.fromId(5, 1)).get(0);
        assertThat(t).isEqualTo(new TradeRecord(5, 0, 99, 5, 495, 23, BOB, Side.SELL, 11, ALICE, 5, 10,
                (T0_MILLIS + 4 * MINUTE) * 1_000_000L + 123_456));
        assertThat(t.isBuyerMaker()).isTrue();
        assertThat(t.timeMillis()).isEqualTo(T0_MILLIS + 4 * MINUTE);
    }

    @Test
    void shouldReturnTradesFromIdWhenFromIdGiven() {
        sevenTrades();

        assertThat(trades.trades(0, HistoryQuery.fromId(3, 2))).extracting(TradeRecord::tradeId)
                .containsExactly(3L, 4L);
        assertThat(trades.trades(0, HistoryQuery.fromId(8, 10))).isEmpty();
    }

    @Test
    void shouldReturnTradesOfInclusiveWindowWhenTimesGiven() {
        sevenTrades();

        assertThat(trades.trades(0, HistoryQuery.between(T0_MILLIS + MINUTE, T0_MILLIS + 3 * MINUTE, 10)))
                .extracting(TradeRecord::tradeId).containsExactly(2L, 3L, 4L);
    }

    @Test
    void shouldAggregateConsecutiveTradesOfOneTakerOrderAtOnePriceWhenAggTradesAsked() {
        sevenTrades();

        assertThat(trades.aggTrades(0, HistoryQuery.latest(500)))
                .extracting(AggTrade::aggregateId, AggTrade::priceTicks, AggTrade::quantityLots,
                        AggTrade::firstTradeId, AggTrade::lastTradeId, AggTrade::buyerMaker)
                .containsExactly(tuple(1L, 100L, 6L, 1L, 3L, false), tuple(4L, 101L, 4L, 4L, 4L, false),
                        tuple(5L, 99L, 11L, 5L, 6L, true), tuple(7L, 98L, 7L, 7L, 7L, true));
        assertThat(trades.aggTrades(0, HistoryQuery.latest(500)).get(0).timeMillis()).isEqualTo(T0_MILLIS);
    }

    @Test
    void shouldCountAggregatesWhenAggTradesLimited() {
        sevenTrades();

        assertThat(trades.aggTrades(0, HistoryQuery.latest(2))).extracting(AggTrade::aggregateId)
                .containsExactly(5L, 7L);
        assertThat(trades.aggTrades(0, HistoryQuery.fromId(1, 2))).extracting(AggTrade::aggregateId)
                .containsExactly(1L, 4L);
        assertThat(trades.aggTrades(0, HistoryQuery.fromId(5, 1))).extracting(AggTrade::lastTradeId)
                .containsExactly(6L);
    }

    @Test
    void shouldAggregateAcrossPagesWhenManyTradesFormOneAggregate() {
        for (int i = 1; i <= 2_500; i++) {
            fixtures.trade(i, T0_MILLIS + i, 0, 10, ALICE, Side.BUY, 1_000 + i, BOB, 100, 1);
        }
        fixtures.trade(2_501, T0_MILLIS + 2_501, 0, 11, ALICE, Side.BUY, 5_000, BOB, 100, 1);

        assertThat(trades.aggTrades(0, HistoryQuery.fromId(1, 1))).extracting(AggTrade::lastTradeId,
                AggTrade::quantityLots).containsExactly(tuple(2_500L, 2_500L));
        assertThat(trades.aggTrades(0, HistoryQuery.latest(2))).extracting(AggTrade::firstTradeId,
                AggTrade::lastTradeId).containsExactly(tuple(1L, 2_500L), tuple(2_501L, 2_501L));
    }

    @Test
    void shouldReturnAccountsTradesFromEitherSideWhenMyTradesAsked() {
        sevenTrades();

        assertThat(trades.myTrades(BOB, 0, null, HistoryQuery.latest(500)))
                .extracting(t -> t.trade().tradeId(), AccountTrade::orderId, AccountTrade::maker, AccountTrade::buyer,
                        AccountTrade::feeMinor)
                .containsExactly(tuple(1L, 20L, true, false, 2L), tuple(2L, 21L, true, false, 4L),
                        tuple(3L, 22L, true, false, 6L), tuple(4L, 22L, true, false, 8L),
                        tuple(5L, 23L, false, false, 5L), tuple(6L, 23L, false, false, 6L));
    }

    @Test
    void shouldListSelfTradeTwiceWhenAccountWasBothSides() {
        sevenTrades();

        assertThat(trades.myTrades(ALICE, 0, null, HistoryQuery.fromId(7, 500)))
                .extracting(t -> t.trade().tradeId(), AccountTrade::orderId, AccountTrade::maker, AccountTrade::buyer)
                .containsExactly(tuple(7L, 12L, false, false), tuple(7L, 13L, true, true));
    }

    @Test
    void shouldReturnOnlyTheOrdersTradesWhenOrderIdGiven() {
        sevenTrades();

        assertThat(trades.myTrades(ALICE, 0, 11L, HistoryQuery.latest(500))).extracting(t -> t.trade().tradeId())
                .containsExactly(5L, 6L);
        assertThat(trades.myTrades(ALICE, 0, null, HistoryQuery.latest(2))).extracting(t -> t.trade().tradeId(),
                AccountTrade::maker).containsExactly(tuple(7L, false), tuple(7L, true));
        assertThat(trades.myTrades(ALICE, 0, null, HistoryQuery.between(T0_MILLIS, T0_MILLIS + MINUTE, 500)))
                .extracting(t -> t.trade().tradeId()).containsExactly(1L, 2L);
        assertThat(trades.myTrades(CAROL, 0, null, HistoryQuery.latest(500))).isEmpty();
        assertThat(trades.myTrades(CAROL, 2, null, HistoryQuery.latest(500))).hasSize(1);
    }
}
