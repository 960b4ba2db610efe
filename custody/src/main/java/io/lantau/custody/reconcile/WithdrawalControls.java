package io.lantau.custody.reconcile;

import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.travelrule.Ivms101;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleRecord;
import java.util.Optional;

/**
 * The controls a virtual-asset withdrawal passes before it is signed, in this order, each refusing with its own
 * stable code and nothing changed: the asset is not frozen by a reconciliation incident (HK-33,
 * {@code WITHDRAWALS_FROZEN}); the hot wallet may release the amount (HK-16, {@code HOT_RELEASE_LIMIT}); and at or
 * above the travel-rule threshold its IVMS 101 data is complete (HK-22, {@code TRAVEL_RULE_DATA_MISSING}), which is
 * then kept to be sent with the transfer. The withdrawal service calls {@link #check} when a request is made and
 * again just before signing. Thread-safe.
 */
public final class WithdrawalControls {
    private final WithdrawalFreeze freeze;
    private final HotColdMonitor hotCold;
    private final TravelRule travelRule;

    public WithdrawalControls(WithdrawalFreeze freeze, HotColdMonitor hotCold, TravelRule travelRule) {
        this.freeze = freeze;
        this.hotCold = hotCold;
        this.travelRule = travelRule;
    }

    /**
     * @param transferRef the withdrawal's unique reference (its core withdrawal id).
     * @param payload     the originator (the client, from KYC) and beneficiary data, or null if none was collected.
     * @return the travel-rule record to send with the transfer, if any.
     * @throws ReconcileException                                    {@code WITHDRAWALS_FROZEN}.
     * @throws io.lantau.custody.hotcold.HotColdException            {@code HOT_RELEASE_LIMIT}.
     * @throws io.lantau.custody.travelrule.TravelRuleException      {@code TRAVEL_RULE_DATA_MISSING} and the others.
     */
    public Optional<TravelRuleRecord> check(String transferRef, long accountId, int assetId, long amountMinor,
            Ivms101.Payload payload) {
        if (freeze.isFrozen(assetId)) {
            throw new ReconcileException(ReconcileRefusal.WITHDRAWALS_FROZEN);
        }
        hotCold.requireReleasable(assetId, amountMinor);
        return travelRule.recordOutgoing(transferRef, accountId, assetId, amountMinor, payload);
    }
}
