package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.CAROL;
import static io.lantau.core.Desk.FEE;
import static io.lantau.core.Desk.HKD;
import static io.lantau.core.Desk.LOT_BTC;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.PlaceOrder;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.TradeExecuted;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every order type and time in force on BTC-HKD, where one lot at one tick is one HKD cent. */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class OrderTypesTest {
    private static final long HKD_FUNDS = 100_000_000;
    private static final long BTC_FUNDS = 100_000_000;

    @Parameter
    Venue.Kind kind;

    private Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
        for (long account : new long[] {ALICE, BOB, CAROL}) {
            desk.fund(account, HKD, HKD_FUNDS);
            desk.fund(account, BTC, BTC_FUNDS);
        }
    }

    static PlaceOrder limit(long account, Side side, long price, long quantity) {
        return PlaceOrder.limit(account, BTC_HKD, side, price, quantity);
    }

    static PlaceOrder order(long account, Side side, OrderType type, TimeInForce tif, long price, long quantity) {
        return new PlaceOrder(account, BTC_HKD, null, side, type, tif, price, quantity, 0,
                SelfTradePrevention.MARKET_DEFAULT);
    }

    @Test
    void shouldRestLimitBuyAndLockNotionalPlusMaxFeeWhenNothingCrosses() {
        long id = desk.place(limit(ALICE, Side.BUY, 50_000, 10));

        List<CoreEvent> events = desk.events();
        assertThat(events).hasSize(3);
        OrderView accepted = ((OrderAccepted) events.get(0)).order();
        assertThat(accepted.orderId()).isEqualTo(id).isEqualTo(1);
        assertThat(accepted.status()).isEqualTo(OrderStatus.NEW);
        assertThat(accepted.lockedMinor()).isEqualTo(500_000 + 1_000);
        assertThat(events.get(1)).isEqualTo(new BalanceChanged(desk.sequence(), desk.timestamp(), ALICE, HKD,
                HKD_FUNDS - 501_000, 501_000, BalanceChangeReason.ORDER_LOCKED));
        assertThat(((OrderRested) events.get(2)).order().orderId()).isEqualTo(id);
        assertThat(desk.order(id).lockedMinor()).isEqualTo(501_000);
        assertThat(desk.locked(ALICE, HKD)).isEqualTo(501_000);
    }

    @Test
    void shouldRestLimitSellAndLockBaseWhenNothingCrosses() {
        long id = desk.place(limit(BOB, Side.SELL, 50_000, 10));

        assertThat(desk.order(id).lockedMinor()).isEqualTo(10 * LOT_BTC);
        assertThat(desk.locked(BOB, BTC)).isEqualTo(10 * LOT_BTC);
        assertThat(desk.available(BOB, BTC)).isEqualTo(BTC_FUNDS - 10 * LOT_BTC);
    }

    @Test
    void shouldTradeAtMakerPriceAndReleaseUnusedLockWhenLimitOrdersCross() {
        long sell = desk.place(limit(BOB, Side.SELL, 50_000, 10));
        long buy = desk.place(limit(ALICE, Side.BUY, 50_100, 10));

        TradeExecuted trade = desk.only(TradeExecuted.class);
        assertThat(trade.tradeId()).isEqualTo(1);
        assertThat(trade.taker().orderId()).isEqualTo(buy);
        assertThat(trade.maker().orderId()).isEqualTo(sell);
        assertThat(trade.priceTicks()).isEqualTo(50_000);
        assertThat(trade.quantityLots()).isEqualTo(10);
        assertThat(trade.quoteMinor()).isEqualTo(500_000);
        assertThat(trade.takerFeeMinor()).isEqualTo(1_000);
        assertThat(trade.makerFeeMinor()).isEqualTo(500);
        assertThat(trade.taker().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(trade.maker().status()).isEqualTo(OrderStatus.FILLED);
        List<BalanceChanged> balances = desk.events(BalanceChanged.class);
        assertThat(balances).extracting(BalanceChanged::accountId, BalanceChanged::assetId, BalanceChanged::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ALICE, HKD, BalanceChangeReason.ORDER_LOCKED),
                        org.assertj.core.groups.Tuple.tuple(ALICE, BTC, BalanceChangeReason.TRADE),
                        org.assertj.core.groups.Tuple.tuple(ALICE, HKD, BalanceChangeReason.TRADE),
                        org.assertj.core.groups.Tuple.tuple(BOB, BTC, BalanceChangeReason.TRADE),
                        org.assertj.core.groups.Tuple.tuple(BOB, HKD, BalanceChangeReason.TRADE),
                        org.assertj.core.groups.Tuple.tuple(FEE, HKD, BalanceChangeReason.FEE),
                        org.assertj.core.groups.Tuple.tuple(ALICE, HKD, BalanceChangeReason.ORDER_RELEASED));
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 501_000);
        assertThat(desk.available(ALICE, BTC)).isEqualTo(BTC_FUNDS + 10 * LOT_BTC);
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.available(BOB, HKD)).isEqualTo(HKD_FUNDS + 499_500);
        assertThat(desk.locked(BOB, BTC)).isZero();
        assertThat(desk.available(FEE, HKD)).isEqualTo(1_500);
        assertThat(desk.order(sell)).isNull();
        assertThat(desk.order(buy)).isNull();
    }

    @Test
    void shouldFillBestPriceFirstThenEarliestWhenTakerSweepsLevels() {
        long bobAt50000 = desk.place(limit(BOB, Side.SELL, 50_000, 5));
        long carolAt50000 = desk.place(limit(CAROL, Side.SELL, 50_000, 5));
        long bobAt49990 = desk.place(limit(BOB, Side.SELL, 49_990, 5));

        long buy = desk.place(limit(ALICE, Side.BUY, 50_000, 12));

        assertThat(desk.events(TradeExecuted.class))
                .extracting(t -> t.maker().orderId(), TradeExecuted::priceTicks, TradeExecuted::quantityLots)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(bobAt49990, 49_990L, 5L),
                        org.assertj.core.groups.Tuple.tuple(bobAt50000, 50_000L, 5L),
                        org.assertj.core.groups.Tuple.tuple(carolAt50000, 50_000L, 2L));
        assertThat(desk.order(carolAt50000).filledLots()).isEqualTo(2);
        assertThat(desk.order(buy)).isNull();
    }

    @Test
    void shouldRestRemainderWhenLimitOrderPartiallyFills() {
        desk.place(limit(BOB, Side.SELL, 50_000, 4));
        long buy = desk.place(limit(ALICE, Side.BUY, 50_000, 10));

        OrderRested rested = desk.only(OrderRested.class);
        assertThat(rested.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(rested.order().filledLots()).isEqualTo(4);
        // 501 000 locked, 200 000 + 400 fee spent.
        assertThat(desk.order(buy).lockedMinor()).isEqualTo(501_000 - 200_400);
        assertThat(desk.locked(ALICE, HKD)).isEqualTo(501_000 - 200_400);
    }

    @Test
    void shouldSellIntoBidsWhenMarketSellByQuantity() {
        desk.place(limit(BOB, Side.BUY, 50_000, 5));
        desk.place(limit(CAROL, Side.BUY, 49_990, 5));

        long id = desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, 8));

        assertThat(desk.events(TradeExecuted.class)).extracting(TradeExecuted::priceTicks, TradeExecuted::quantityLots)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(50_000L, 5L),
                        org.assertj.core.groups.Tuple.tuple(49_990L, 3L));
        assertThat(desk.events(TradeExecuted.class).get(1).taker().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(desk.order(id)).isNull();
        assertThat(desk.available(ALICE, BTC)).isEqualTo(BTC_FUNDS - 8 * LOT_BTC);
        assertThat(desk.locked(ALICE, BTC)).isZero();
    }

    @Test
    void shouldExpireRemainderWhenMarketSellOutrunsTheBook() {
        desk.place(limit(BOB, Side.BUY, 50_000, 5));

        desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, 8));

        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.NO_MORE_LIQUIDITY);
        assertThat(expired.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.order().filledLots()).isEqualTo(5);
        assertThat(desk.locked(ALICE, BTC)).isZero();
        assertThat(desk.available(ALICE, BTC)).isEqualTo(BTC_FUNDS - 5 * LOT_BTC);
    }

    @Test
    void shouldLockExactCostWhenMarketBuyByQuantity() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));
        desk.place(limit(CAROL, Side.SELL, 50_010, 5));

        desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.BUY, 7));

        // 5 × 50 000 + 2 × 50 010 = 350 020; taker fee ceil(700.04) = 701.
        assertThat(desk.only(OrderAccepted.class).order().lockedMinor()).isEqualTo(350_721);
        assertThat(desk.events(TradeExecuted.class)).extracting(TradeExecuted::takerFeeMinor).containsExactly(500L, 201L);
        assertThat(desk.events(TradeExecuted.class).get(1).taker().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 350_721);
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.available(ALICE, BTC)).isEqualTo(BTC_FUNDS + 7 * LOT_BTC);
    }

    @Test
    void shouldBuyWhatTheBookHasWhenMarketBuyByQuantityExceedsIt() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));

        desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.BUY, 10));

        assertThat(desk.only(OrderAccepted.class).order().lockedMinor()).isEqualTo(250_500);
        assertThat(desk.only(OrderExpired.class).reason()).isEqualTo(ExpiryReason.NO_MORE_LIQUIDITY);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 250_500);
        assertThat(desk.locked(ALICE, HKD)).isZero();
    }

    @Test
    void shouldFillWhenBudgetLimitsMarketBuyByQuoteAmount() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));
        long carol = desk.place(limit(CAROL, Side.SELL, 50_010, 5));

        desk.place(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, 400_000));

        OrderAccepted accepted = desk.only(OrderAccepted.class);
        assertThat(accepted.order().lockedMinor()).isEqualTo(400_000);
        assertThat(accepted.order().quoteAmountMinor()).isEqualTo(400_000);
        assertThat(accepted.order().quantityLots()).isZero();
        // 5 lots for 250 500 with fee; then 2 lots for 100 020 + 201 fee; a third lot would exceed the budget, so the
        // budget-limited fill completes the order (SEMANTICS: FILLED, not expired).
        List<TradeExecuted> trades = desk.events(TradeExecuted.class);
        assertThat(trades).extracting(TradeExecuted::quantityLots).containsExactly(5L, 2L);
        assertThat(trades).extracting(t -> t.taker().status())
                .containsExactly(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(desk.events(OrderExpired.class)).isEmpty();
        OrderView done = trades.get(1).taker();
        assertThat(done.cumulativeQuoteMinor() + done.cumulativeFeeMinor()).isEqualTo(350_721);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 350_721);
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.order(carol).filledLots()).isEqualTo(2);
    }

    @Test
    void shouldFillWhenNextRestingPriceIsTooDearForMarketBuyByQuote() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));
        desk.place(limit(CAROL, Side.SELL, 60_000, 5));

        desk.place(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, 300_000));

        // 250 500 spent; 49 500 left cannot buy one lot at 60 000.
        TradeExecuted trade = desk.only(TradeExecuted.class);
        assertThat(trade.quantityLots()).isEqualTo(5);
        assertThat(trade.taker().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(desk.events(OrderExpired.class)).isEmpty();
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 250_500);
    }

    @Test
    void shouldExpireWithBudgetExhaustedWhenMarketBuyByQuoteCannotBuyOneLot() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));

        desk.place(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, 40_000));

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.BUDGET_EXHAUSTED);
        assertThat(expired.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS);
    }

    @Test
    void shouldExpireWithNoMoreLiquidityWhenMarketBuyByQuoteEmptiesTheBook() {
        desk.place(limit(BOB, Side.SELL, 50_000, 1));

        desk.place(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, 1_000_000));

        assertThat(desk.only(TradeExecuted.class).quantityLots()).isEqualTo(1);
        assertThat(desk.only(OrderExpired.class).reason()).isEqualTo(ExpiryReason.NO_MORE_LIQUIDITY);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 50_100);
    }

    @Test
    void shouldRestPostOnlyOrderWhenItDoesNotCross() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));

        long id = desk.place(order(ALICE, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, 49_990, 5));

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        assertThat(desk.only(OrderRested.class).order().type()).isEqualTo(OrderType.LIMIT_MAKER);
        assertThat(desk.order(id).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void shouldExpireRemainderWhenImmediateOrCancelPartiallyFills() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));

        long id = desk.place(order(ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 50_000, 8));

        assertThat(desk.only(TradeExecuted.class).quantityLots()).isEqualTo(5);
        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.NO_MORE_LIQUIDITY);
        assertThat(expired.order().filledLots()).isEqualTo(5);
        assertThat(desk.order(id)).isNull();
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS - 250_500);
    }

    @Test
    void shouldExpireWithoutTradeWhenImmediateOrCancelDoesNotCross() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));

        desk.place(order(ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 49_990, 8));

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        assertThat(desk.only(OrderExpired.class).reason()).isEqualTo(ExpiryReason.NO_MORE_LIQUIDITY);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(HKD_FUNDS);
    }

    @Test
    void shouldKillWithoutAnyChangeWhenFillOrKillCannotFillCompletely() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));
        desk.place(limit(CAROL, Side.SELL, 50_010, 5));
        Desk.State before = desk.state();

        desk.place(order(ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 50_000, 8));

        assertThat(desk.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly("OrderAccepted",
                "BalanceChanged", "OrderExpired", "BalanceChanged");
        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.FILL_OR_KILL);
        assertThat(expired.order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(desk.state().balances()).isEqualTo(before.balances());
        assertThat(desk.state().openOrders()).isEqualTo(before.openOrders());
    }

    @Test
    void shouldFillCompletelyWhenFillOrKillFindsEnoughLiquidity() {
        desk.place(limit(BOB, Side.SELL, 50_000, 5));
        desk.place(limit(CAROL, Side.SELL, 50_010, 5));

        desk.place(order(ALICE, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 50_010, 8));

        assertThat(desk.events(TradeExecuted.class)).extracting(TradeExecuted::quantityLots).containsExactly(5L, 3L);
        assertThat(desk.events(TradeExecuted.class).get(1).taker().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(desk.events(OrderExpired.class)).isEmpty();
    }

    @Test
    void shouldKillFillOrKillWhenOwnOrderStandsBeforeTheQuantity() {
        desk.place(limit(ALICE, Side.SELL, 50_000, 3));
        desk.place(limit(BOB, Side.SELL, 50_005, 10));
        Desk.State before = desk.state();

        desk.place(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 50_010, 6, 0,
                SelfTradePrevention.EXPIRE_MAKER));

        assertThat(desk.only(OrderExpired.class).reason()).isEqualTo(ExpiryReason.FILL_OR_KILL);
        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        assertThat(desk.state().openOrders()).isEqualTo(before.openOrders());
        assertThat(desk.state().balances()).isEqualTo(before.balances());
    }

    @Test
    void shouldFillOrKillAgainstOwnOrderWhenModeIsNone() {
        desk.place(limit(ALICE, Side.SELL, 50_000, 3));
        desk.place(limit(BOB, Side.SELL, 50_005, 10));

        desk.place(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, 50_010, 6, 0,
                SelfTradePrevention.NONE));

        assertThat(desk.events(TradeExecuted.class)).extracting(t -> t.maker().accountId(), TradeExecuted::quantityLots)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, 3L),
                        org.assertj.core.groups.Tuple.tuple(BOB, 3L));
    }

    @Test
    void shouldNumberOrdersAndTradesAcrossTheWholeCoreWhenSeveralMarketsTrade() {
        desk.fund(ALICE, Desk.USD, 10_000_000);
        desk.fund(BOB, Desk.USD, 10_000_000);
        long first = desk.place(limit(BOB, Side.SELL, 50_000, 5));
        long second = desk.place(PlaceOrder.limit(BOB, Desk.BTC_USD, Side.SELL, 60_000, 1));
        long third = desk.place(PlaceOrder.limit(ALICE, Desk.BTC_USD, Side.BUY, 60_000, 1));
        long tradeOne = desk.only(TradeExecuted.class).tradeId();
        long fourth = desk.place(limit(ALICE, Side.BUY, 50_000, 1));
        long tradeTwo = desk.only(TradeExecuted.class).tradeId();

        assertThat(List.of(first, second, third, fourth)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(List.of(tradeOne, tradeTwo)).containsExactly(1L, 2L);
    }
}
