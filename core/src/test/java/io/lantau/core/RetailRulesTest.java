package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.EventRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The licensing rules the core enforces on every order, whatever the gateway: only ACTIVE accounts trade; retail
 * clients only where retail may (HK-10), only sell where retail is sell-only (HK-14), and never past their
 * virtual-asset exposure limit (HK-04). Run against both books.
 */
class RetailRulesTest {
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();
    private static final int BTC_HKD = 0;
    private static final long RETAIL = 10;
    private static final long PRO = 11;
    private static final long SELLER = 12;
    /** HK$700,000.00 per BTC, in HKD cents. */
    private static final long BTC_PRICE_CENTS = 70_000_000L;

    private ExchangeCore core;
    private long sequence;

    private ResultCode apply(Command command) {
        return core.apply(++sequence, sequence, command, new EventRecorder());
    }

    private void setUp(BookKind kind) {
        core = new ExchangeCore(StandardMarkets.config(), kind);
        for (long id : new long[] {RETAIL, PRO, SELLER}) {
            apply(new OpenAccount(id, AccountKind.CLIENT, 0));
            apply(new Deposit(id * 100, id, HKD, 1_000_000_00L));
            apply(new Deposit(id * 100 + 1, id, BTC, 2_00_000_000L));
        }
        apply(new SetReferencePrice(BTC, BTC_PRICE_CENTS));
        // HK-04's worked example: net worth HK$1,000,000 at 30 % gives HK$300,000; it already holds 2 BTC.
        apply(new SetInvestorProfile(RETAIL, InvestorClass.RETAIL, 2 * BTC_PRICE_CENTS + 300_000_00L));
    }

    private static PlaceOrder buy(long account, long lots) {
        return PlaceOrder.limit(account, BTC_HKD, Side.BUY, 70_000, lots);
    }

    private static PlaceOrder sell(long account, long lots) {
        return PlaceOrder.limit(account, BTC_HKD, Side.SELL, 70_010, lots);
    }

    private String state() {
        return core.stateHashHex();
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldRejectOrdersFromAccountsThatAreNotActiveButLetThemCancel(BookKind kind) {
        setUp(kind);
        assertThat(apply(sell(PRO, 10))).isEqualTo(ResultCode.OK);
        long orderId = core.openOrders(PRO).getFirst().orderId();
        for (AccountStatus status : AccountStatus.values()) {
            if (status == AccountStatus.ACTIVE) {
                continue;
            }
            apply(new SetAccountStatus(PRO, status));
            String before = state();
            assertThat(apply(sell(PRO, 1))).isEqualTo(ResultCode.ACCOUNT_NOT_ACTIVE);
            assertThat(apply(new AmendOrder(PRO, BTC_HKD, orderId, 70_020, 10))).isEqualTo(
                    ResultCode.ACCOUNT_NOT_ACTIVE);
            assertThat(state()).isEqualTo(before);
        }
        assertThat(apply(new CancelOrder(PRO, BTC_HKD, orderId, null))).isEqualTo(ResultCode.OK);
        apply(new SetAccountStatus(PRO, AccountStatus.ACTIVE));
        assertThat(apply(sell(PRO, 1))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldKeepRetailOutOfNonEligibleMarketsButNotProfessionals(BookKind kind) {
        setUp(kind);
        apply(new SetRetailAccess(BTC_HKD, RetailAccess.NOT_ELIGIBLE));
        String before = state();
        assertThat(apply(sell(RETAIL, 1))).isEqualTo(ResultCode.NOT_RETAIL_ELIGIBLE);
        assertThat(apply(buy(RETAIL, 1))).isEqualTo(ResultCode.NOT_RETAIL_ELIGIBLE);
        assertThat(state()).isEqualTo(before);
        assertThat(apply(buy(PRO, 1))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldLetRetailSellButNotBuyInASellOnlyMarket(BookKind kind) {
        setUp(kind);
        apply(new SetRetailAccess(BTC_HKD, RetailAccess.SELL_ONLY));
        String before = state();
        assertThat(apply(buy(RETAIL, 1))).isEqualTo(ResultCode.RETAIL_SELL_ONLY);
        assertThat(state()).isEqualTo(before);
        assertThat(apply(sell(RETAIL, 1))).isEqualTo(ResultCode.OK);
        assertThat(apply(buy(PRO, 1))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldRejectABuyPastTheExposureLimitAndChangeNothing(BookKind kind) {
        setUp(kind);
        // Room for HK$300,000: 0.428 BTC at HK$700,000 is HK$299,600; 0.429 BTC is HK$300,300.
        String before = state();
        assertThat(apply(buy(RETAIL, 429))).isEqualTo(ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(state()).isEqualTo(before);
        assertThat(core.openOrders(RETAIL)).isEmpty();
        assertThat(apply(buy(RETAIL, 428))).isEqualTo(ResultCode.OK);
        // The resting buy counts: nothing more may be bought, whatever the order type.
        assertThat(apply(buy(RETAIL, 1))).isEqualTo(ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(apply(PlaceOrder.market(RETAIL, BTC_HKD, Side.BUY, 1))).isEqualTo(
                ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(core.exposureMinor(RETAIL)).isLessThanOrEqualTo(core.exposureLimitMinor(RETAIL));
        // Sells are always allowed; professionals have no limit.
        assertThat(apply(sell(RETAIL, 100))).isEqualTo(ResultCode.OK);
        assertThat(apply(buy(PRO, 1_000))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldCountFillsAndReleaseRoomWhenABuyIsCanceled(BookKind kind) {
        setUp(kind);
        assertThat(apply(sell(SELLER, 200))).isEqualTo(ResultCode.OK);
        assertThat(apply(PlaceOrder.limit(RETAIL, BTC_HKD, Side.BUY, 70_010, 428))).isEqualTo(ResultCode.OK);
        long exposure = core.exposureMinor(RETAIL);
        assertThat(exposure).isLessThanOrEqualTo(core.exposureLimitMinor(RETAIL));
        long orderId = core.openOrders(RETAIL).getFirst().orderId();
        assertThat(apply(new CancelOrder(RETAIL, BTC_HKD, orderId, null))).isEqualTo(ResultCode.OK);
        assertThat(core.exposureMinor(RETAIL)).isLessThan(exposure);
        assertThat(apply(buy(RETAIL, 228))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldCheckTheLimitWhenARetailBuyIsEnlarged(BookKind kind) {
        setUp(kind);
        assertThat(apply(buy(RETAIL, 400))).isEqualTo(ResultCode.OK);
        long orderId = core.openOrders(RETAIL).getFirst().orderId();
        String before = state();
        assertThat(apply(new AmendOrder(RETAIL, BTC_HKD, orderId, 70_000, 500))).isEqualTo(
                ResultCode.EXPOSURE_LIMIT_EXCEEDED);
        assertThat(state()).isEqualTo(before);
        assertThat(apply(new AmendOrder(RETAIL, BTC_HKD, orderId, 69_990, 428))).isEqualTo(ResultCode.OK);
        assertThat(apply(new AmendOrder(RETAIL, BTC_HKD, orderId, 69_990, 100))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldRefuseARetailBuyOfAnAssetWithoutReferencePrice(BookKind kind) {
        setUp(kind);
        apply(new Deposit(999, RETAIL, StandardMarkets.USDT.assetId(), 1_000_000_000L));
        int ethUsdt = 6;
        assertThat(apply(PlaceOrder.limit(RETAIL, ethUsdt, Side.BUY, 300_000, 100))).isEqualTo(
                ResultCode.NO_REFERENCE_PRICE);
        apply(new SetReferencePrice(StandardMarkets.ETH.assetId(), 2_500_000L));
        assertThat(apply(PlaceOrder.limit(RETAIL, ethUsdt, Side.BUY, 300_000, 100))).isEqualTo(ResultCode.OK);
    }

    @ParameterizedTest
    @EnumSource(BookKind.class)
    void shouldRestoreTheRulesFromASnapshot(BookKind kind) throws IOException {
        setUp(kind);
        apply(new SetRetailAccess(BTC_HKD, RetailAccess.SELL_ONLY));
        apply(new SetAccountStatus(PRO, AccountStatus.MONITORED));
        apply(buy(SELLER, 10));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        core.writeSnapshot(new DataOutputStream(bytes));
        ExchangeCore restored = ExchangeCore.readSnapshot(new DataInputStream(new ByteArrayInputStream(
                bytes.toByteArray())), kind);
        assertThat(restored.stateHashHex()).isEqualTo(core.stateHashHex());
        assertThat(restored.retailAccess(BTC_HKD)).isEqualTo(RetailAccess.SELL_ONLY);
        assertThat(restored.accountStatus(PRO)).isEqualTo(AccountStatus.MONITORED);
        assertThat(restored.investorClass(RETAIL)).isEqualTo(InvestorClass.RETAIL);
        assertThat(restored.exposureMinor(RETAIL)).isEqualTo(core.exposureMinor(RETAIL));
        assertThat(restored.exposureMinor(SELLER)).isEqualTo(core.exposureMinor(SELLER));
        assertThat(restored.referencePriceMinor(BTC)).isEqualTo(BTC_PRICE_CENTS);
    }
}
