package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.BTC_USD;
import static io.lantau.core.Desk.CAROL;
import static io.lantau.core.Desk.HKD;
import static io.lantau.core.Desk.LOT_BTC;
import static io.lantau.core.Desk.USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.TradeExecuted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Amend (priority kept or lost, relock, crossing) and cancel / cancel-all. */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class AmendAndCancelTest {
    @Parameter
    Venue.Kind kind;

    private Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
        for (long account : new long[] {ALICE, BOB, CAROL}) {
            desk.fund(account, HKD, 100_000_000);
            desk.fund(account, BTC, 100_000_000);
            desk.fund(account, USD, 100_000_000);
        }
    }

    private long sell(long account, long price, long quantity) {
        return desk.place(PlaceOrder.limit(account, BTC_HKD, Side.SELL, price, quantity));
    }

    private long firstMakerHitByAliceBuying(long quantity) {
        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, quantity));
        return desk.events(TradeExecuted.class).get(0).maker().orderId();
    }

    @Test
    void shouldKeepPriorityAndReleaseBaseWhenQuantityIsReducedAtSamePrice() {
        long bob = sell(BOB, 50_000, 10);
        sell(CAROL, 50_000, 10);

        assertThat(desk.apply(new AmendOrder(BOB, BTC_HKD, bob, 50_000, 6))).isEqualTo(ResultCode.OK);

        OrderAmended amended = desk.only(OrderAmended.class);
        assertThat(amended.priorityKept()).isTrue();
        assertThat(amended.oldQuantityLots()).isEqualTo(10);
        assertThat(amended.order().quantityLots()).isEqualTo(6);
        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.ORDER_RELEASED);
        assertThat(desk.locked(BOB, BTC)).isEqualTo(6 * LOT_BTC);
        assertThat(firstMakerHitByAliceBuying(6)).isEqualTo(bob);
    }

    @Test
    void shouldLosePriorityWhenQuantityIsIncreased() {
        long bob = sell(BOB, 50_000, 10);
        long carol = sell(CAROL, 50_000, 10);

        assertThat(desk.apply(new AmendOrder(BOB, BTC_HKD, bob, 50_000, 12))).isEqualTo(ResultCode.OK);

        assertThat(desk.only(OrderAmended.class).priorityKept()).isFalse();
        assertThat(desk.only(OrderRested.class).order().orderId()).isEqualTo(bob);
        assertThat(desk.locked(BOB, BTC)).isEqualTo(12 * LOT_BTC);
        assertThat(firstMakerHitByAliceBuying(10)).isEqualTo(carol);
    }

    @Test
    void shouldLosePriorityWhenPriceChanges() {
        long bob = sell(BOB, 50_010, 10);
        long carol = sell(CAROL, 50_000, 10);

        assertThat(desk.apply(new AmendOrder(BOB, BTC_HKD, bob, 50_000, 10))).isEqualTo(ResultCode.OK);

        assertThat(desk.only(OrderAmended.class).oldPriceTicks()).isEqualTo(50_010);
        assertThat(firstMakerHitByAliceBuying(10)).isEqualTo(carol);
        assertThat(desk.order(bob)).isNotNull();
    }

    @Test
    void shouldMatchAsTakerWhenAmendedPriceCrosses() {
        long bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 49_990, 10));
        long ask = sell(BOB, 50_000, 4);

        assertThat(desk.apply(new AmendOrder(BOB, BTC_HKD, ask, 49_990, 4))).isEqualTo(ResultCode.OK);

        TradeExecuted trade = desk.only(TradeExecuted.class);
        assertThat(trade.taker().orderId()).isEqualTo(ask);
        assertThat(trade.maker().orderId()).isEqualTo(bid);
        assertThat(trade.priceTicks()).isEqualTo(49_990);
        // BOB pays the taker rate (20 bps) now: 199 960 × 0.002 = 399.92 → 400.
        assertThat(trade.takerFeeMinor()).isEqualTo(400);
        assertThat(desk.events().get(0)).isInstanceOf(OrderAmended.class);
        assertThat(desk.order(ask)).isNull();
    }

    @Test
    void shouldRelockBuyWhenPriceRises() {
        long bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 10));

        assertThat(desk.apply(new AmendOrder(ALICE, BTC_HKD, bid, 50_100, 10))).isEqualTo(ResultCode.OK);

        // 501 000 + fee(501 000, 20 bps) = 502 002; it held 501 000 + 1 000.
        BalanceChanged locked = desk.only(BalanceChanged.class);
        assertThat(locked.reason()).isEqualTo(BalanceChangeReason.ORDER_LOCKED);
        assertThat(locked.lockedMinor()).isEqualTo(502_002);
        assertThat(desk.order(bid).lockedMinor()).isEqualTo(502_002);
    }

    @Test
    void shouldReleaseBuyLockWhenPriceFalls() {
        long bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 10));

        assertThat(desk.apply(new AmendOrder(ALICE, BTC_HKD, bid, 49_000, 10))).isEqualTo(ResultCode.OK);

        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.ORDER_RELEASED);
        assertThat(desk.locked(ALICE, HKD)).isEqualTo(490_000 + 980);
    }

    @Test
    void shouldKeepFilledPartWhenPartiallyFilledOrderIsAmended() {
        long ask = sell(BOB, 50_000, 10);
        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 4));

        assertThat(desk.apply(new AmendOrder(BOB, BTC_HKD, ask, 50_000, 5))).isEqualTo(ResultCode.OK);

        OrderView order = desk.order(ask);
        assertThat(order.filledLots()).isEqualTo(4);
        assertThat(order.quantityLots()).isEqualTo(5);
        assertThat(order.lockedMinor()).isEqualTo(LOT_BTC);
        assertThat(desk.locked(BOB, BTC)).isEqualTo(LOT_BTC);
    }

    @Test
    void shouldCancelByOrderIdAndReleaseLock() {
        long bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 10));

        assertThat(desk.apply(new CancelOrder(ALICE, BTC_HKD, bid, null))).isEqualTo(ResultCode.OK);

        OrderCanceled canceled = desk.only(OrderCanceled.class);
        assertThat(canceled.reason()).isEqualTo(CancelReason.USER);
        assertThat(canceled.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.ORDER_RELEASED);
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.available(ALICE, HKD)).isEqualTo(100_000_000);
        assertThat(desk.order(bid)).isNull();
    }

    @Test
    void shouldCancelByClientOrderIdWhenOrderIdIsZero() {
        long bid = desk.place(new PlaceOrder(ALICE, BTC_HKD, "my-bid", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                50_000, 10, 0, SelfTradePrevention.MARKET_DEFAULT));

        assertThat(desk.apply(new CancelOrder(ALICE, BTC_HKD, 0, "my-bid"))).isEqualTo(ResultCode.OK);

        assertThat(desk.only(OrderCanceled.class).order().orderId()).isEqualTo(bid);
    }

    @Test
    void shouldAllowClientOrderIdAgainWhenFirstOrderIsCanceled() {
        PlaceOrder order = new PlaceOrder(ALICE, BTC_HKD, "again", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                50_000, 10, 0, SelfTradePrevention.MARKET_DEFAULT);
        long first = desk.place(order);
        desk.apply(new CancelOrder(ALICE, BTC_HKD, first, null));

        assertThat(desk.place(order)).isGreaterThan(first);
    }

    @Test
    void shouldCancelOnlyThatMarketInOrderIdOrderWhenCancelAllNamesAMarket() {
        long a = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 1));
        long usd = desk.place(PlaceOrder.limit(ALICE, BTC_USD, Side.BUY, 60_000, 1));
        long b = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.SELL, 51_000, 1));
        long bob = desk.place(PlaceOrder.limit(BOB, BTC_HKD, Side.BUY, 49_000, 1));

        assertThat(desk.apply(new CancelAllOrders(ALICE, BTC_HKD))).isEqualTo(ResultCode.OK);

        assertThat(desk.events(OrderCanceled.class)).extracting(e -> e.order().orderId(), OrderCanceled::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, CancelReason.CANCEL_ALL),
                        org.assertj.core.groups.Tuple.tuple(b, CancelReason.CANCEL_ALL));
        assertThat(desk.order(usd)).isNotNull();
        assertThat(desk.order(bob)).isNotNull();
    }

    @Test
    void shouldCancelEveryMarketWhenCancelAllNamesAllMarkets() {
        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 1));
        desk.place(PlaceOrder.limit(ALICE, BTC_USD, Side.BUY, 60_000, 1));

        assertThat(desk.apply(new CancelAllOrders(ALICE, CancelAllOrders.ALL_MARKETS))).isEqualTo(ResultCode.OK);

        assertThat(desk.events(OrderCanceled.class)).hasSize(2);
        assertThat(desk.venue.openOrders(ALICE)).isEmpty();
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.locked(ALICE, USD)).isZero();
    }

    @Test
    void shouldSkipHaltedMarketsWhenCancelAllCoversAllMarkets() {
        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 1));
        long usd = desk.place(PlaceOrder.limit(ALICE, BTC_USD, Side.BUY, 60_000, 1));
        desk.apply(new SetMarketStatus(BTC_USD, MarketStatus.HALTED));

        assertThat(desk.apply(new CancelAllOrders(ALICE, CancelAllOrders.ALL_MARKETS))).isEqualTo(ResultCode.OK);

        assertThat(desk.events(OrderCanceled.class)).hasSize(1);
        assertThat(desk.order(usd)).isNotNull();
    }

    @Test
    void shouldSucceedWithoutEventsWhenCancelAllFindsNoOrders() {
        assertThat(desk.apply(new CancelAllOrders(ALICE, CancelAllOrders.ALL_MARKETS))).isEqualTo(ResultCode.OK);

        assertThat(desk.events()).isEmpty();
    }
}
