package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.CAROL;
import static io.lantau.core.Desk.FEE;
import static io.lantau.core.Desk.HKD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rejection of {@link PlaceOrder}, each asserting the code, a single {@code OrderRejected} and that nothing else
 * changed (balances, open orders, statuses, and the state hash against a twin core that got a no-op instead).
 */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class PlaceOrderRejectionsTest {
    private static final long HKD_FUNDS = 1_000_000;
    private static final long MAX_PRICE = 10_000_000;
    private static final long MAX_QUANTITY = 10_000_000;

    @Parameter
    Venue.Kind kind;

    private Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
        desk.fund(ALICE, HKD, HKD_FUNDS);
        desk.fund(ALICE, BTC, 100_000_000);
        desk.fund(BOB, BTC, 100_000_000);
        desk.place(PlaceOrder.limit(BOB, BTC_HKD, Side.SELL, 50_000, 5));
        desk.place(new PlaceOrder(ALICE, BTC_HKD, "taken", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 49_000, 1, 0,
                SelfTradePrevention.MARKET_DEFAULT));
    }

    private static PlaceOrder order(long account, int market, Side side, OrderType type, TimeInForce tif, long price,
            long quantity, long quote) {
        return new PlaceOrder(account, market, null, side, type, tif, price, quantity, quote,
                SelfTradePrevention.MARKET_DEFAULT);
    }

    private static PlaceOrder buy(long price, long quantity) {
        return PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, price, quantity);
    }

    @Test
    void shouldRejectUnknownMarketWhenMarketIdIsOutOfRange() {
        desk.assertRejected(PlaceOrder.limit(ALICE, 7, Side.BUY, 100, 1), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(PlaceOrder.limit(ALICE, -1, Side.BUY, 100, 1), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(PlaceOrder.limit(ALICE, Integer.MAX_VALUE, Side.BUY, 100, 1), ResultCode.UNKNOWN_MARKET);
    }

    @Test
    void shouldRejectUnknownAccountWhenAccountWasNeverOpened() {
        desk.assertRejected(PlaceOrder.limit(999, BTC_HKD, Side.BUY, 50_000, 1), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(PlaceOrder.limit(Long.MAX_VALUE, BTC_HKD, Side.BUY, 50_000, 1),
                ResultCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void shouldRejectFeeAccountWhenItPlacesAnOrder() {
        desk.assertRejected(PlaceOrder.limit(FEE, BTC_HKD, Side.BUY, 50_000, 1), ResultCode.ACCOUNT_CANNOT_TRADE);
    }

    @Test
    void shouldRejectOrdersWhenMarketIsHaltedOrCancelOnly() {
        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.HALTED));
        desk.assertRejected(buy(50_000, 1), ResultCode.MARKET_HALTED);
        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.CANCEL_ONLY));
        desk.assertRejected(buy(50_000, 1), ResultCode.MARKET_CANCEL_ONLY);
        desk.assertRejected(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, 1), ResultCode.MARKET_CANCEL_ONLY);
    }

    @Test
    void shouldRejectInvalidShapeWhenFieldsDoNotFitTheOrderType() {
        ResultCode bad = ResultCode.INVALID_ORDER_PARAMETERS;
        desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, null, null, OrderType.LIMIT, TimeInForce.GTC, 50_000, 1, 0,
                SelfTradePrevention.NONE), bad);
        desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, null, TimeInForce.GTC, 50_000, 1, 0,
                SelfTradePrevention.NONE), bad);
        desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, OrderType.LIMIT, null, 50_000, 1, 0,
                SelfTradePrevention.NONE), bad);
        desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50_000,
                1, 0, null), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50_000, 1, 5), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.IOC, 40_000, 1, 0), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, 40_000, 1, 5), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 50_000, 1, 0), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, 1, 0), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1, 100_000), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0, 0), bad);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 0, 100_000), bad);
    }

    @Test
    void shouldRejectClientOrderIdWhenEmptyOrLongerThan36() {
        for (String id : new String[] {"", "x".repeat(37)}) {
            desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 40_000,
                    1, 0, SelfTradePrevention.NONE), ResultCode.INVALID_CLIENT_ORDER_ID);
        }
    }

    @Test
    void shouldRejectPriceWhenZeroNegativeOrAboveMax() {
        desk.assertRejected(buy(0, 1), ResultCode.INVALID_PRICE);
        desk.assertRejected(buy(-1, 1), ResultCode.INVALID_PRICE);
        desk.assertRejected(buy(Long.MIN_VALUE, 1), ResultCode.INVALID_PRICE);
        desk.assertRejected(buy(MAX_PRICE + 1, 1), ResultCode.PRICE_ABOVE_MAX);
        desk.assertRejected(buy(Long.MAX_VALUE, 1), ResultCode.PRICE_ABOVE_MAX);
    }

    @Test
    void shouldRejectQuantityWhenZeroNegativeOrAboveMax() {
        desk.assertRejected(buy(50_000, 0), ResultCode.INVALID_QUANTITY);
        desk.assertRejected(buy(50_000, -5), ResultCode.INVALID_QUANTITY);
        desk.assertRejected(buy(50_000, MAX_QUANTITY + 1), ResultCode.QUANTITY_ABOVE_MAX);
        desk.assertRejected(buy(50_000, Long.MAX_VALUE), ResultCode.QUANTITY_ABOVE_MAX);
        desk.assertRejected(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, Long.MAX_VALUE),
                ResultCode.QUANTITY_ABOVE_MAX);
        desk.assertRejected(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, -1), ResultCode.INVALID_QUANTITY);
    }

    @Test
    void shouldRejectQuantityBelowMinWhenMarketRequiresSeveralLots() {
        CoreConfig standard = StandardMarkets.config();
        List<MarketSpec> markets = new ArrayList<>(standard.markets());
        MarketSpec m = markets.get(BTC_HKD);
        markets.set(BTC_HKD, new MarketSpec(m.marketId(), m.symbol(), m.base(), m.quote(), m.tickSize(), m.lotSize(),
                5, m.maxQuantityLots(), m.maxPriceTicks(), m.minNotionalMinor(), m.defaultStp(), m.initialStatus()));
        desk = new Desk(kind, new CoreConfig(standard.assets(), markets, standard.fees(), standard.feeAccountId()))
                .withTraders();
        desk.fund(ALICE, HKD, HKD_FUNDS);

        desk.assertRejected(buy(50_000, 4), ResultCode.QUANTITY_BELOW_MIN);
    }

    @Test
    void shouldRejectQuoteAmountWhenNegative() {
        desk.assertRejected(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, -1), ResultCode.INVALID_AMOUNT);
        desk.assertRejected(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, Long.MIN_VALUE), ResultCode.INVALID_AMOUNT);
    }

    @Test
    void shouldRejectNotionalBelowMinWhenOrderIsWorthLessThan100Hkd() {
        desk.assertRejected(buy(9_999, 1), ResultCode.NOTIONAL_BELOW_MIN);
        desk.assertRejected(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, 9_999), ResultCode.NOTIONAL_BELOW_MIN);
    }

    @Test
    void shouldRejectDuplicateClientOrderIdWhenAnOpenOrderHasIt() {
        desk.assertRejected(new PlaceOrder(ALICE, BTC_HKD, "taken", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                48_000, 1, 0, SelfTradePrevention.NONE), ResultCode.DUPLICATE_CLIENT_ORDER_ID);
        // Unique per account among open orders: in another market too.
        desk.assertRejected(new PlaceOrder(ALICE, 1, "taken", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                20_000, 1, 0, SelfTradePrevention.NONE), ResultCode.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void shouldAcceptSameClientOrderIdWhenAnotherAccountUsesIt() {
        desk.fund(CAROL, HKD, HKD_FUNDS);
        desk.place(new PlaceOrder(CAROL, BTC_HKD, "taken", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 48_000, 1, 0,
                SelfTradePrevention.NONE));
    }

    @Test
    void shouldRejectPostOnlyWhenItWouldTake() {
        desk.assertRejected(order(ALICE, BTC_HKD, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, 50_000, 1, 0),
                ResultCode.WOULD_TAKE);
        desk.assertRejected(order(ALICE, BTC_HKD, Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.GTC, 49_000, 1, 0),
                ResultCode.WOULD_TAKE);
    }

    @Test
    void shouldRejectInsufficientBalanceWhenLockExceedsAvailable() {
        // 49 000 + 98 is locked; 1 000 000 - 49 098 = 950 902 left. 19 lots at 50 000 need 950 000 + 1 900.
        desk.assertRejected(buy(50_000, 19), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(PlaceOrder.marketBuyByQuote(ALICE, BTC_HKD, Long.MAX_VALUE),
                ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(PlaceOrder.limit(CAROL, BTC_HKD, Side.SELL, 50_000, 1), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(PlaceOrder.market(CAROL, BTC_HKD, Side.SELL, 1), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(PlaceOrder.market(CAROL, BTC_HKD, Side.BUY, 1), ResultCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void shouldRejectFirstFailingRuleWhenSeveralFail() {
        // Market status (2) before shape (3) before price (5) before balance (10).
        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.HALTED));
        desk.assertRejected(new PlaceOrder(CAROL, BTC_HKD, "", null, OrderType.LIMIT, TimeInForce.GTC, -1, -1, 0,
                SelfTradePrevention.NONE), ResultCode.MARKET_HALTED);
        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.TRADING));
        desk.assertRejected(new PlaceOrder(CAROL, BTC_HKD, "", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, -1, -1, 0,
                SelfTradePrevention.NONE), ResultCode.INVALID_CLIENT_ORDER_ID);
        desk.assertRejected(buy(-1, -1), ResultCode.INVALID_PRICE);
        desk.assertRejected(buy(9_999, 1_000), ResultCode.INSUFFICIENT_BALANCE);
    }
}
