package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.FEE;
import static io.lantau.core.Desk.HKD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.MarketStatusChanged;
import io.lantau.core.event.OrderCanceled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Rejections of every command but PlaceOrder, and market status rules; each rejection changes nothing. */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class CommandRejectionsTest {
    @Parameter
    Venue.Kind kind;

    private Desk desk;
    private long bid;
    private long ask;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
        desk.fund(ALICE, HKD, 1_000_000);
        desk.fund(BOB, BTC, 100_000_000);
        bid = desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 49_000, 10));
        ask = desk.place(new PlaceOrder(BOB, BTC_HKD, "ask", Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.GTC,
                50_000, 10, 0, SelfTradePrevention.NONE));
        desk.place(PlaceOrder.market(ALICE, BTC_HKD, Side.BUY, 2));
    }

    @Test
    void shouldRejectOpenAccountWhenIdKindOrTierIsInvalid() {
        desk.assertRejected(new OpenAccount(0, AccountKind.CLIENT, 0), ResultCode.INVALID_ID);
        desk.assertRejected(new OpenAccount(-5, AccountKind.CLIENT, 0), ResultCode.INVALID_ID);
        desk.assertRejected(new OpenAccount(ALICE, AccountKind.CLIENT, 0), ResultCode.ACCOUNT_EXISTS);
        desk.assertRejected(new OpenAccount(FEE, AccountKind.OPERATOR, 0), ResultCode.ACCOUNT_EXISTS);
        desk.assertRejected(new OpenAccount(500, AccountKind.FEE, 0), ResultCode.INVALID_ACCOUNT_KIND);
        desk.assertRejected(new OpenAccount(500, null, 0), ResultCode.INVALID_ACCOUNT_KIND);
        desk.assertRejected(new OpenAccount(500, AccountKind.CLIENT, 3), ResultCode.INVALID_FEE_TIER);
        desk.assertRejected(new OpenAccount(500, AccountKind.CLIENT, -1), ResultCode.INVALID_FEE_TIER);
    }

    @Test
    void shouldRejectFeeTierChangeWhenAccountOrTierIsUnknown() {
        desk.assertRejected(new SetFeeTier(999, 1), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new SetFeeTier(ALICE, 3), ResultCode.INVALID_FEE_TIER);
        desk.assertRejected(new SetFeeTier(ALICE, Integer.MIN_VALUE), ResultCode.INVALID_FEE_TIER);
    }

    @Test
    void shouldRejectDepositWhenIdAccountAssetOrAmountIsInvalid() {
        desk.assertRejected(new Deposit(0, ALICE, HKD, 1), ResultCode.INVALID_ID);
        desk.assertRejected(new Deposit(Long.MIN_VALUE, ALICE, HKD, 1), ResultCode.INVALID_ID);
        desk.assertRejected(new Deposit(50, 999, HKD, 1), ResultCode.UNKNOWN_ACCOUNT);
        int pastTheLastAsset = StandardMarkets.config().assets().size();
        desk.assertRejected(new Deposit(51, ALICE, pastTheLastAsset, 1), ResultCode.UNKNOWN_ASSET);
        desk.assertRejected(new Deposit(52, ALICE, -1, 1), ResultCode.UNKNOWN_ASSET);
        desk.assertRejected(new Deposit(53, ALICE, HKD, 0), ResultCode.INVALID_AMOUNT);
        desk.assertRejected(new Deposit(54, ALICE, HKD, -1), ResultCode.INVALID_AMOUNT);
    }

    @Test
    void shouldRejectOverflowWhenDepositsWouldExceedWhatALongHolds() {
        desk.assertRejected(new Deposit(60, ALICE, HKD, Long.MAX_VALUE), ResultCode.OVERFLOW);
        // Across accounts too: the asset's total must stay representable.
        assertThat(desk.apply(new Deposit(61, BOB, HKD, Long.MAX_VALUE / 2))).isEqualTo(ResultCode.OK);
        desk.assertRejected(new Deposit(62, ALICE, HKD, Long.MAX_VALUE / 2), ResultCode.OVERFLOW);
        assertThat(desk.venue.totalHeldMinor(HKD)).isEqualTo(desk.venue.netDepositsMinor(HKD));
    }

    @Test
    void shouldRejectWithdrawalWhenInvalidUnknownOrUnaffordable() {
        desk.assertRejected(new RequestWithdrawal(0, ALICE, HKD, 1), ResultCode.INVALID_ID);
        desk.assertRejected(new RequestWithdrawal(70, 999, HKD, 1), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new RequestWithdrawal(71, ALICE, 9, 1), ResultCode.UNKNOWN_ASSET);
        desk.assertRejected(new RequestWithdrawal(72, ALICE, HKD, -1), ResultCode.INVALID_AMOUNT);
        desk.assertRejected(new RequestWithdrawal(73, ALICE, HKD, Long.MAX_VALUE), ResultCode.INSUFFICIENT_BALANCE);
        // Locked money (the resting bid) cannot be withdrawn.
        long available = desk.available(ALICE, HKD);
        desk.assertRejected(new RequestWithdrawal(74, ALICE, HKD, available + 1), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(new SettleWithdrawal(75), ResultCode.UNKNOWN_WITHDRAWAL);
        desk.assertRejected(new RevertWithdrawal(73), ResultCode.UNKNOWN_WITHDRAWAL);
    }

    /** SEMANTICS.md: "Ids (account, deposit, withdrawal) must be positive: INVALID_ID". */
    @Test
    void shouldRejectInvalidIdWhenSettlingOrRevertingNonPositiveWithdrawalId() {
        desk.assertRejected(new SettleWithdrawal(0), ResultCode.INVALID_ID);
        desk.assertRejected(new RevertWithdrawal(-1), ResultCode.INVALID_ID);
    }

    @Test
    void shouldRejectCancelWhenOrderIsUnknownForeignOrInAnotherMarket() {
        desk.assertRejected(new CancelOrder(ALICE, 9, bid, null), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(new CancelOrder(999, BTC_HKD, bid, null), ResultCode.UNKNOWN_ACCOUNT);
        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, 12345, null), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new CancelOrder(BOB, BTC_HKD, bid, null), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new CancelOrder(ALICE, 1, bid, null), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, 0, "ask"), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, 0, null), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, Long.MAX_VALUE, null), ResultCode.UNKNOWN_ORDER);
        desk.apply(new CancelOrder(ALICE, BTC_HKD, bid, null));
        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, bid, null), ResultCode.UNKNOWN_ORDER);
    }

    @Test
    void shouldRejectAmendWhenItChangesNothingOrBreaksALimit() {
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 50_000, 10), ResultCode.AMEND_NO_CHANGE);
        // 2 lots of the ask are filled.
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 50_000, 2), ResultCode.INVALID_QUANTITY);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 50_000, 0), ResultCode.INVALID_QUANTITY);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 0, 10), ResultCode.INVALID_PRICE);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, Long.MAX_VALUE, 10), ResultCode.PRICE_ABOVE_MAX);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 50_000, Long.MAX_VALUE), ResultCode.QUANTITY_ABOVE_MAX);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 1, 3), ResultCode.NOTIONAL_BELOW_MIN);
        desk.assertRejected(new AmendOrder(BOB, BTC_HKD, ask, 49_000, 10), ResultCode.WOULD_TAKE);
        desk.assertRejected(new AmendOrder(ALICE, BTC_HKD, bid, 49_000, 1_000), ResultCode.INSUFFICIENT_BALANCE);
        desk.assertRejected(new AmendOrder(ALICE, BTC_HKD, ask, 50_000, 5), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new AmendOrder(ALICE, 1, bid, 49_000, 5), ResultCode.UNKNOWN_ORDER);
        desk.assertRejected(new AmendOrder(ALICE, 9, bid, 49_000, 5), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(new AmendOrder(999, BTC_HKD, bid, 49_000, 5), ResultCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void shouldAcceptCancelsButNotAmendsWhenMarketIsCancelOnly() {
        assertThat(desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.CANCEL_ONLY))).isEqualTo(ResultCode.OK);
        assertThat(desk.only(MarketStatusChanged.class).oldStatus()).isEqualTo(MarketStatus.TRADING);

        desk.assertRejected(new AmendOrder(ALICE, BTC_HKD, bid, 49_000, 5), ResultCode.MARKET_CANCEL_ONLY);
        assertThat(desk.order(ask)).isNotNull();
        assertThat(desk.apply(new CancelOrder(ALICE, BTC_HKD, bid, null))).isEqualTo(ResultCode.OK);
        assertThat(desk.only(OrderCanceled.class).order().orderId()).isEqualTo(bid);
    }

    @Test
    void shouldRejectEverythingButKeepOrdersWhenMarketIsHalted() {
        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.HALTED));

        desk.assertRejected(new CancelOrder(ALICE, BTC_HKD, bid, null), ResultCode.MARKET_HALTED);
        desk.assertRejected(new AmendOrder(ALICE, BTC_HKD, bid, 49_000, 5), ResultCode.MARKET_HALTED);
        desk.assertRejected(new CancelAllOrders(ALICE, BTC_HKD), ResultCode.MARKET_HALTED);
        assertThat(desk.order(bid)).isNotNull();
        assertThat(desk.venue.marketStatus(BTC_HKD)).isEqualTo(MarketStatus.HALTED);

        desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.TRADING));
        assertThat(desk.apply(new CancelOrder(ALICE, BTC_HKD, bid, null))).isEqualTo(ResultCode.OK);
    }

    @Test
    void shouldRejectStatusChangeWhenMarketIsUnknownOrStatusMissing() {
        desk.assertRejected(new SetMarketStatus(7, MarketStatus.HALTED), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(new SetMarketStatus(BTC_HKD, null), ResultCode.INVALID_ARGUMENT);
        desk.assertRejected(new CancelAllOrders(ALICE, 7), ResultCode.UNKNOWN_MARKET);
        desk.assertRejected(new CancelAllOrders(999, CancelAllOrders.ALL_MARKETS), ResultCode.UNKNOWN_ACCOUNT);
    }

    @Test
    void shouldEmitNothingWhenStatusIsSetToTheCurrentOne() {
        assertThat(desk.apply(new SetMarketStatus(BTC_HKD, MarketStatus.TRADING))).isEqualTo(ResultCode.OK);

        assertThat(desk.events()).isEmpty();
    }

    /**
     * SEMANTICS.md: a rejected command "changes no state"; the state hash covers the state. The engine's snapshot
     * includes the last sequence number, so every rejection moves the hash.
     */
    @Test
    void shouldLeaveStateHashUnchangedWhenCommandIsRejected() {
        String before = desk.venue.stateDigest();

        assertThat(desk.apply(new CancelOrder(ALICE, BTC_HKD, 12345, null))).isEqualTo(ResultCode.UNKNOWN_ORDER);

        assertThat(desk.venue.stateDigest()).isEqualTo(before);
    }
}
