package io.lantau.custody.reconcile;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.core.ResultCode;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.custody.hotcold.HotColdException;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.HotColdRefusal;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.testbed.CustodyTestBed;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleException;
import io.lantau.custody.travelrule.TravelRuleRefusal;
import io.lantau.custody.travelrule.TravelRuleSettings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controls before a virtual-asset withdrawal is signed: HK-33 freeze, HK-16 hot release, HK-22 travel rule. */
class WithdrawalControlsTest extends EngineTestBase {
    CustodyTestBed bed;
    Incidents incidents;
    TierBalances tiers;
    WithdrawalControls controls;
    long chan;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        var profile = ProfileLoader.standard().loadBuiltIn("HK_VATP");
        incidents = new Incidents(bed.dataSource(), bed.audit, bed.clock);
        tiers = new TierBalances(bed.dataSource());
        HotColdPolicy policy = new HotColdPolicy(CustodySettings.of(profile));
        HotColdMonitor monitor = new HotColdMonitor(bed.dataSource(), tiers, policy, List.of(BTC), bed.outbox,
                bed.staff, bed.clock);
        assertThat(bed.commands.send(new SetReferencePrice(BTC, 50_000_000L))).isEqualTo(ResultCode.OK);
        TravelRule rule = new TravelRule(bed.dataSource(), profile.section(TravelRuleSettings.SECTION,
                TravelRuleSettings.class), bed.valuation, "HKD", bed.clock);
        controls = new WithdrawalControls(incidents, monitor, rule);
        chan = bed.client("chan@example.com");
        tiers.credit(BTC, WalletTier.HOT, 2_000_000L); // 0.02 BTC hot of 1 BTC
        tiers.credit(BTC, WalletTier.COLD, 98_000_000L);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    @Test
    void shouldPassBelowTheThresholdWithinTheHotWalletWithoutData() {
        assertThat(controls.check("W-1", chan, BTC, 1_000_000L, null)).isEmpty();
    }

    @Test
    void shouldRefuseMissingTravelRuleDataAtTheThreshold() {
        assertThatThrownBy(() -> controls.check("W-2", chan, BTC, 1_600_000L, null))
                .isInstanceOfSatisfying(TravelRuleException.class,
                        e -> assertThat(e.refusal()).isEqualTo(TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING));
        assertThat(bed.rows("travel_rule_records")).isZero();
    }

    @Test
    void shouldRefuseMoreThanTheHotWalletMayRelease() {
        assertThatThrownBy(() -> controls.check("W-3", chan, BTC, 2_000_001L, null))
                .isInstanceOfSatisfying(HotColdException.class,
                        e -> assertThat(e.refusal()).isEqualTo(HotColdRefusal.HOT_RELEASE_LIMIT));
    }

    @Test
    void shouldRefuseEveryWithdrawalOfAFrozenAsset() {
        incidents.open(new AssetReconciliation(BTC, "BTC", 1, 2, null, false, 0), Reconciler.MANUAL);

        assertThatThrownBy(() -> controls.check("W-4", chan, BTC, 1L, null))
                .isInstanceOfSatisfying(ReconcileException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ReconcileRefusal.WITHDRAWALS_FROZEN));
    }
}
