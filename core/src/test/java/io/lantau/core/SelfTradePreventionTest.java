package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.HKD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.TradeExecuted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Self-trade prevention: ALICE rests a sell at 50 000, BOB one at 50 010; ALICE then buys 8 at 50 010. */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class SelfTradePreventionTest {
    @Parameter
    Venue.Kind kind;

    private Desk desk;
    private long aliceSell;
    private long bobSell;

    private void setUp(CoreConfig config) {
        desk = new Desk(kind, config).withTraders();
        for (long account : new long[] {ALICE, BOB}) {
            desk.fund(account, HKD, 100_000_000);
            desk.fund(account, BTC, 100_000_000);
        }
        aliceSell = desk.place(new PlaceOrder(ALICE, BTC_HKD, null, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                50_000, 5, 0, SelfTradePrevention.NONE));
        bobSell = desk.place(PlaceOrder.limit(BOB, BTC_HKD, Side.SELL, 50_010, 5));
    }

    private long aliceBuys(SelfTradePrevention stp) {
        return desk.place(new PlaceOrder(ALICE, BTC_HKD, null, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 50_010, 8,
                0, stp));
    }

    @Test
    void shouldTradeWithOwnOrderWhenTakerModeIsNone() {
        setUp(StandardMarkets.config());
        aliceBuys(SelfTradePrevention.NONE);

        assertThat(desk.events(TradeExecuted.class)).extracting(t -> t.maker().orderId(), TradeExecuted::quantityLots)
                .containsExactly(tuple(aliceSell, 5L), tuple(bobSell, 3L));
        assertThat(desk.events(TradeExecuted.class).get(0).maker().accountId()).isEqualTo(ALICE);
    }

    @Test
    void shouldExpireMakerAndGoOnMatchingWhenTakerModeIsExpireMaker() {
        setUp(StandardMarkets.config());
        long buy = aliceBuys(SelfTradePrevention.EXPIRE_MAKER);

        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.order().orderId()).isEqualTo(aliceSell);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.SELF_TRADE_PREVENTION);
        assertThat(expired.order().status()).isEqualTo(OrderStatus.EXPIRED_IN_MATCH);
        assertThat(desk.only(TradeExecuted.class).maker().orderId()).isEqualTo(bobSell);
        assertThat(desk.only(OrderRested.class).order().filledLots()).isEqualTo(5);
        assertThat(desk.order(aliceSell)).isNull();
        assertThat(desk.order(buy).filledLots()).isEqualTo(5);
        assertThat(desk.locked(ALICE, BTC)).isZero();
    }

    @Test
    void shouldExpireTakerAndKeepMakerWhenTakerModeIsExpireTaker() {
        setUp(StandardMarkets.config());
        aliceBuys(SelfTradePrevention.EXPIRE_TAKER);

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        OrderExpired expired = desk.only(OrderExpired.class);
        assertThat(expired.order().side()).isEqualTo(Side.BUY);
        assertThat(expired.order().status()).isEqualTo(OrderStatus.EXPIRED_IN_MATCH);
        assertThat(expired.reason()).isEqualTo(ExpiryReason.SELF_TRADE_PREVENTION);
        assertThat(desk.order(aliceSell)).isNotNull();
        assertThat(desk.locked(ALICE, HKD)).isZero();
    }

    @Test
    void shouldExpireMakerThenTakerWhenTakerModeIsExpireBoth() {
        setUp(StandardMarkets.config());
        long buy = aliceBuys(SelfTradePrevention.EXPIRE_BOTH);

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        assertThat(desk.events(OrderExpired.class)).extracting(e -> e.order().orderId(), OrderExpired::reason)
                .containsExactly(tuple(aliceSell, ExpiryReason.SELF_TRADE_PREVENTION),
                        tuple(buy, ExpiryReason.SELF_TRADE_PREVENTION));
        assertThat(desk.order(bobSell)).isNotNull();
        assertThat(desk.locked(ALICE, HKD)).isZero();
        assertThat(desk.locked(ALICE, BTC)).isZero();
    }

    @Test
    void shouldResolveMarketDefaultToTheMarketsModeWhenOrderAsksForIt() {
        setUp(StandardMarkets.config());
        aliceBuys(SelfTradePrevention.MARKET_DEFAULT);

        // BTC-HKD's default is EXPIRE_MAKER.
        assertThat(desk.only(OrderAccepted.class).order().selfTradePrevention())
                .isEqualTo(SelfTradePrevention.EXPIRE_MAKER);
        assertThat(desk.only(OrderExpired.class).order().orderId()).isEqualTo(aliceSell);
    }

    @Test
    void shouldApplyCustomMarketDefaultWhenMarketDefinesExpireTaker() {
        CoreConfig standard = StandardMarkets.config();
        List<MarketSpec> markets = new ArrayList<>(standard.markets());
        MarketSpec m = markets.get(BTC_HKD);
        markets.set(BTC_HKD, new MarketSpec(m.marketId(), m.symbol(), m.base(), m.quote(), m.tickSize(), m.lotSize(),
                m.minQuantityLots(), m.maxQuantityLots(), m.maxPriceTicks(), m.minNotionalMinor(),
                SelfTradePrevention.EXPIRE_TAKER, m.initialStatus()));
        setUp(new CoreConfig(standard.assets(), markets, standard.fees(), standard.feeAccountId()));

        aliceBuys(SelfTradePrevention.MARKET_DEFAULT);

        assertThat(desk.only(OrderAccepted.class).order().selfTradePrevention())
                .isEqualTo(SelfTradePrevention.EXPIRE_TAKER);
        assertThat(desk.events(TradeExecuted.class)).isEmpty();
        assertThat(desk.order(aliceSell)).isNotNull();
    }

    @Test
    void shouldIgnoreMakersModeWhenTakerDecides() {
        setUp(StandardMarkets.config());
        // The resting sell said NONE; the taker's EXPIRE_TAKER still prevents the trade.
        aliceBuys(SelfTradePrevention.EXPIRE_TAKER);

        assertThat(desk.events(TradeExecuted.class)).isEmpty();
    }

    @Test
    void shouldExpireOwnMakerWhenMarketSellMeetsIt() {
        setUp(StandardMarkets.config());
        long bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 49_990, 5));
        desk.place(PlaceOrder.limit(BOB, BTC_HKD, Side.BUY, 49_980, 5));

        desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.SELL, 3));

        assertThat(desk.only(OrderExpired.class).order().orderId()).isEqualTo(bid);
        assertThat(desk.only(TradeExecuted.class).maker().accountId()).isEqualTo(BOB);
        assertThat(desk.only(TradeExecuted.class).taker().status()).isEqualTo(OrderStatus.FILLED);
    }
}
