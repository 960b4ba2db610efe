package io.lantau.core;

import static io.lantau.core.Desk.ALICE;
import static io.lantau.core.Desk.BOB;
import static io.lantau.core.Desk.BTC;
import static io.lantau.core.Desk.BTC_HKD;
import static io.lantau.core.Desk.BTC_USD;
import static io.lantau.core.Desk.CAROL;
import static io.lantau.core.Desk.FEE;
import static io.lantau.core.Desk.HKD;
import static io.lantau.core.Desk.MAKER;
import static io.lantau.core.Desk.USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.Deposited;
import io.lantau.core.event.TradeExecuted;
import io.lantau.core.event.WithdrawalRequested;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Deposits and withdrawals (idempotent by id), and fees: rates per tier, the fee account, the rounding rule. */
@ParameterizedClass
@MethodSource("io.lantau.core.Desk#kinds")
class LedgerAndFeesTest {
    @Parameter
    Venue.Kind kind;

    private Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(kind).withTraders();
    }

    @Test
    void shouldCreditAvailableAndEmitDepositedThenBalanceWhenDepositIsNew() {
        assertThat(desk.apply(new Deposit(7, ALICE, HKD, 12_345))).isEqualTo(ResultCode.OK);

        assertThat(desk.events()).containsExactly(
                new Deposited(desk.sequence(), desk.timestamp(), 7, ALICE, HKD, 12_345),
                new BalanceChanged(desk.sequence(), desk.timestamp(), ALICE, HKD, 12_345, 0,
                        BalanceChangeReason.DEPOSIT));
        assertThat(desk.venue.netDepositsMinor(HKD)).isEqualTo(12_345);
        assertThat(desk.venue.totalHeldMinor(HKD)).isEqualTo(12_345);
    }

    @Test
    void shouldReturnFirstResultWithoutEventsWhenDepositIsRepeated() {
        desk.apply(new Deposit(7, ALICE, HKD, 12_345));
        Desk.State before = desk.state();

        assertThat(desk.apply(new Deposit(7, ALICE, HKD, 12_345))).isEqualTo(ResultCode.OK);

        assertThat(desk.events()).isEmpty();
        assertThat(desk.state().balances()).isEqualTo(before.balances());
        assertThat(desk.available(ALICE, HKD)).isEqualTo(12_345);
    }

    @Test
    void shouldRejectMismatchWhenDepositIdIsReusedForAnotherAmount() {
        desk.apply(new Deposit(7, ALICE, HKD, 12_345));

        desk.assertRejected(new Deposit(7, ALICE, HKD, 12_346), ResultCode.DUPLICATE_ID_MISMATCH);
        desk.assertRejected(new Deposit(7, BOB, HKD, 12_345), ResultCode.DUPLICATE_ID_MISMATCH);
        desk.assertRejected(new Deposit(7, ALICE, USD, 12_345), ResultCode.DUPLICATE_ID_MISMATCH);
    }

    @Test
    void shouldAcceptRetryOfRejectedDepositWhenTheCauseIsGone() {
        desk.assertRejected(new Deposit(8, 999, HKD, 100), ResultCode.UNKNOWN_ACCOUNT);

        // SEMANTICS: a rejection changes no state, so the id is free for a retry once the account exists.
        assertThat(desk.apply(new OpenAccount(999, AccountKind.CLIENT, 0))).isEqualTo(ResultCode.OK);
        assertThat(desk.apply(new Deposit(8, 999, HKD, 100))).isEqualTo(ResultCode.OK);
        assertThat(desk.available(999, HKD)).isEqualTo(100);
        assertThat(desk.apply(new Deposit(8, 999, HKD, 100))).isEqualTo(ResultCode.OK);
        assertThat(desk.events()).isEmpty();
        assertThat(desk.available(999, HKD)).isEqualTo(100);
    }

    @Test
    void shouldLockPendingWithdrawalAndRemoveItFromLedgerWhenSettled() {
        desk.fund(ALICE, BTC, 1_000);

        assertThat(desk.apply(new RequestWithdrawal(5, ALICE, BTC, 400))).isEqualTo(ResultCode.OK);
        assertThat(desk.only(WithdrawalRequested.class).amountMinor()).isEqualTo(400);
        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.WITHDRAWAL_REQUESTED);
        assertThat(desk.available(ALICE, BTC)).isEqualTo(600);
        assertThat(desk.locked(ALICE, BTC)).isEqualTo(400);

        assertThat(desk.apply(new SettleWithdrawal(5))).isEqualTo(ResultCode.OK);
        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.WITHDRAWAL_SETTLED);
        assertThat(desk.locked(ALICE, BTC)).isZero();
        assertThat(desk.venue.netDepositsMinor(BTC)).isEqualTo(600);
        assertThat(desk.venue.totalHeldMinor(BTC)).isEqualTo(600);

        assertThat(desk.apply(new SettleWithdrawal(5))).isEqualTo(ResultCode.OK);
        assertThat(desk.events()).isEmpty();
        desk.assertRejected(new RevertWithdrawal(5), ResultCode.WITHDRAWAL_NOT_PENDING);
    }

    @Test
    void shouldReturnAmountToAvailableWhenWithdrawalIsReverted() {
        desk.fund(ALICE, BTC, 1_000);
        desk.apply(new RequestWithdrawal(5, ALICE, BTC, 400));

        assertThat(desk.apply(new RevertWithdrawal(5))).isEqualTo(ResultCode.OK);

        assertThat(desk.only(BalanceChanged.class).reason()).isEqualTo(BalanceChangeReason.WITHDRAWAL_REVERTED);
        assertThat(desk.available(ALICE, BTC)).isEqualTo(1_000);
        assertThat(desk.venue.netDepositsMinor(BTC)).isEqualTo(1_000);
        assertThat(desk.apply(new RevertWithdrawal(5))).isEqualTo(ResultCode.OK);
        desk.assertRejected(new SettleWithdrawal(5), ResultCode.WITHDRAWAL_NOT_PENDING);
    }

    @Test
    void shouldReturnFirstResultWhenWithdrawalRequestIsRepeated() {
        desk.fund(ALICE, BTC, 1_000);
        desk.apply(new RequestWithdrawal(5, ALICE, BTC, 400));

        assertThat(desk.apply(new RequestWithdrawal(5, ALICE, BTC, 400))).isEqualTo(ResultCode.OK);
        assertThat(desk.events()).isEmpty();
        assertThat(desk.locked(ALICE, BTC)).isEqualTo(400);
        desk.assertRejected(new RequestWithdrawal(5, ALICE, BTC, 401), ResultCode.DUPLICATE_ID_MISMATCH);
    }

    @Test
    void shouldChargeTakerAndMakerRatesOfTheirTiersIntoFeeAccount() {
        desk.fund(MAKER, BTC, 100_000_000);
        desk.fund(ALICE, HKD, 100_000_000);
        desk.place(PlaceOrder.limit(MAKER, BTC_HKD, Side.SELL, 50_000, 10));

        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 10));

        // MAKER is tier 2: 0 bps as maker. ALICE is tier 0: 20 bps as taker.
        TradeExecuted trade = desk.only(TradeExecuted.class);
        assertThat(trade.makerFeeMinor()).isZero();
        assertThat(trade.takerFeeMinor()).isEqualTo(1_000);
        assertThat(desk.available(FEE, HKD)).isEqualTo(1_000);
        assertThat(desk.available(MAKER, HKD)).isEqualTo(500_000);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(100_000_000 - 501_000);
    }

    @Test
    void shouldChargeCeilingOfCumulativeExactFeeWhenOrderFillsInPieces() {
        // BTC-USD: one lot at one tick is one cent. 1 001 × 20 bps = 2.002 cents per one-lot fill.
        desk.fund(ALICE, USD, 10_000_000);
        for (long seller : new long[] {BOB, CAROL, MAKER}) {
            desk.fund(seller, BTC, 100_000_000);
        }
        desk.place(PlaceOrder.limit(BOB, BTC_USD, Side.SELL, 1_001, 1));
        desk.place(PlaceOrder.limit(CAROL, BTC_USD, Side.SELL, 1_001, 1));
        desk.place(PlaceOrder.limit(MAKER, BTC_USD, Side.SELL, 1_001, 1));

        desk.place(PlaceOrder.limit(ALICE, BTC_USD, Side.BUY, 1_001, 3));

        // ceil(2.002) = 3, ceil(4.004) = 5, ceil(6.006) = 7: fees 3, 2, 2.
        List<TradeExecuted> trades = desk.events(TradeExecuted.class);
        assertThat(trades).extracting(TradeExecuted::takerFeeMinor).containsExactly(3L, 2L, 2L);
        // Each maker pays alone: ceil(1.001) = 2 at 10 bps; MAKER (tier 2) pays 0.
        assertThat(trades).extracting(TradeExecuted::makerFeeMinor).containsExactly(2L, 2L, 0L);
        assertThat(desk.available(FEE, USD)).isEqualTo(7 + 4);
    }

    @Test
    void shouldChargeMakerCumulativeCeilingWhenRestingOrderIsHitRepeatedly() {
        desk.fund(BOB, BTC, 100_000_000);
        desk.fund(ALICE, USD, 10_000_000);
        desk.place(PlaceOrder.limit(BOB, BTC_USD, Side.SELL, 1_001, 3));

        long[] makerFees = new long[3];
        for (int i = 0; i < 3; i++) {
            desk.place(PlaceOrder.market(ALICE, BTC_USD, Side.BUY, 1));
            makerFees[i] = desk.only(TradeExecuted.class).makerFeeMinor();
        }

        // 1.001, 2.002, 3.003 exact: charged 2, 3, 4 in total.
        assertThat(makerFees).containsExactly(2, 1, 1);
        assertThat(desk.available(BOB, USD)).isEqualTo(3 * 1_001 - 4);
    }

    @Test
    void shouldKeepEntryRatesWhenFeeTierChangesWhileOrderRests() {
        desk.fund(MAKER, USD, 10_000_000);
        desk.fund(BOB, BTC, 100_000_000);
        long bid = desk.place(PlaceOrder.limit(MAKER, BTC_USD, Side.BUY, 60_000, 10));
        long lock = desk.order(bid).lockedMinor();

        assertThat(desk.apply(new SetFeeTier(MAKER, 0))).isEqualTo(ResultCode.OK);
        desk.place(PlaceOrder.limit(BOB, BTC_USD, Side.SELL, 60_000, 10));

        // Tier 2 at entry: 0 bps maker. The lock (600 000 + 600 at 10 bps) is released, never overdrawn.
        TradeExecuted trade = desk.only(TradeExecuted.class);
        assertThat(trade.makerFeeMinor()).isZero();
        assertThat(lock).isEqualTo(600_600);
        assertThat(desk.available(MAKER, USD)).isEqualTo(10_000_000 - 600_000);
        assertThat(desk.locked(MAKER, USD)).isZero();
    }

    @Test
    void shouldReleaseUnusedFeeHeadroomWhenBuyRestsAndFillsAsMaker() {
        desk.fund(ALICE, HKD, 100_000_000);
        desk.fund(BOB, BTC, 100_000_000);
        desk.place(PlaceOrder.limit(ALICE, BTC_HKD, Side.BUY, 50_000, 10));

        desk.place(PlaceOrder.limit(BOB, BTC_HKD, Side.SELL, 50_000, 10));

        // Locked 500 000 + 1 000 (20 bps); paid 500 000 + 500 (10 bps maker); 500 released.
        assertThat(desk.events(BalanceChanged.class).get(desk.events(BalanceChanged.class).size() - 1))
                .extracting(BalanceChanged::accountId, BalanceChanged::reason)
                .containsExactly(ALICE, BalanceChangeReason.ORDER_RELEASED);
        assertThat(desk.available(ALICE, HKD)).isEqualTo(100_000_000 - 500_500);
        assertThat(desk.locked(ALICE, HKD)).isZero();
    }
}
