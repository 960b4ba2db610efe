package io.lantau.custody.hotcold;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.hotcold.ColdToHotTopUpsTest.assertRefused;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static io.lantau.custody.testbed.CustodyTestBed.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.testbed.CustodyTestBed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-16: the continuous check alerts on a hot share above the cap and blocks withdrawals above what hot may release. */
class HotColdMonitorTest extends EngineTestBase {
    CustodyTestBed bed;
    TierBalances tiers;
    HotColdMonitor monitor;
    SweepPlanner planner;
    long officer;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        tiers = new TierBalances(bed.dataSource());
        monitor = new HotColdMonitor(bed.dataSource(), tiers, HotColdPolicyProperties.HK, List.of(BTC, ETH),
                bed.outbox, bed.staff, bed.clock);
        planner = new SweepPlanner(tiers, HotColdPolicyProperties.HK, List.of(BTC, ETH));
        officer = bed.staffMember("custody@lantau.test", StaffRole.CUSTODY_OFFICER);
        bed.staffMember("ops@lantau.test", StaffRole.OPERATOR_ADMIN);
        tiers.credit(BTC, WalletTier.COLD, 9_000);
        tiers.credit(ETH, WalletTier.COLD, 9_800);
        tiers.credit(ETH, WalletTier.HOT, 200);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldBlockWithdrawalAboveReleasableAmountWhenHotShareIsAboveCapAndAlert() {
        tiers.credit(BTC, WalletTier.HOT, 1_000); // deposits landed hot: 1,000 of 10,000 is 10 %

        assertThat(monitor.releasableMinor(BTC)).isEqualTo(200);
        monitor.requireReleasable(BTC, 200);
        assertRefused(() -> monitor.requireReleasable(BTC, 201), HotColdRefusal.HOT_RELEASE_LIMIT);

        assertThat(monitor.alerts(true)).singleElement().satisfies(a -> {
            assertThat(a.assetId()).isEqualTo(BTC);
            assertThat(a.kind()).isEqualTo(HotColdMonitor.RATIO_BREACH);
            assertThat(a.hotMinor()).isEqualTo(1_000);
            assertThat(a.coldMinor()).isEqualTo(9_000);
        });
        assertThat(bed.outbox.ofUser(officer)).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo(HotColdMonitor.RATIO_BREACH));
        // The check runs again: the same breach is not alerted twice.
        monitor.check();
        assertThat(monitor.alerts(false)).hasSize(1);
        assertThat(bed.rows("security_notifications")).isEqualTo(1);
    }

    @Test
    void shouldPlanTheSweepThatEndsTheBreachAndClearTheAlert() {
        tiers.credit(BTC, WalletTier.HOT, 1_000);
        monitor.check();

        List<Sweep> sweeps = planner.plan();
        assertThat(sweeps).containsExactly(new Sweep(BTC, 1_000, 9_000, 800));
        tiers.move(BTC, WalletTier.HOT, WalletTier.COLD, 800);

        assertThat(planner.plan()).isEmpty();
        assertThat(monitor.check()).isEmpty();
        assertThat(monitor.alerts(false)).singleElement().satisfies(a -> assertThat(a.clearedAt()).isNotNull());
        monitor.requireReleasable(BTC, 200);
        assertRefused(() -> monitor.requireReleasable(BTC, 201), HotColdRefusal.HOT_RELEASE_LIMIT);
    }

    @Test
    void shouldNeverLetATierGoNegative() {
        assertRefused(() -> tiers.debit(ETH, WalletTier.HOT, 201), HotColdRefusal.INSUFFICIENT_TIER_BALANCE);
        assertRefused(() -> tiers.move(ETH, WalletTier.HOT, WalletTier.COLD, 201),
                HotColdRefusal.INSUFFICIENT_TIER_BALANCE);
        assertThat(tiers.clientAssetsMinor(ETH)).isEqualTo(10_000);
        assertThat(tiers.balance(ETH, WalletTier.HOT)).isEqualTo(200);
    }
}
