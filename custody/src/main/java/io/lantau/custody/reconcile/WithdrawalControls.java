package io.lantau.custody.reconcile;

import io.lantau.custody.hotcold.HotColdException;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.travelrule.Ivms101;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleException;
import io.lantau.custody.travelrule.TravelRuleRecord;
import io.lantau.custody.travelrule.TravelRuleRefusal;
import io.lantau.custody.withdrawal.Withdrawal;
import io.lantau.custody.withdrawal.WithdrawalCheck;
import io.lantau.custody.withdrawal.WithdrawalException;
import io.lantau.custody.withdrawal.WithdrawalRefusal;
import java.util.Optional;
import java.util.function.Supplier;

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
        requireOpen(assetId, amountMinor);
        return travelRule.recordOutgoing(transferRef, accountId, assetId, amountMinor, payload);
    }

    /**
     * The controls as the withdrawal service asks them for one chain asset, refusals turned into withdrawal refusals:
     * on request the request's travel-rule data is checked without keeping anything ({@link TravelRule#checkOutgoing});
     * once the withdrawal is admitted it is kept with it; before signing the kept data is checked again (and returned
     * as the record sent with the transfer), so a withdrawal at or above the threshold is never signed without it.
     */
    public WithdrawalCheck asCheck(ChainAsset asset) {
        return new WithdrawalCheck() {
            @Override
            public void check(Withdrawal w) {
                refusing(() -> WithdrawalControls.this.check(ref(w), w.accountId(), asset.assetId(), w.amountMinor(),
                        travelRule.keptOutgoing(ref(w)).orElse(null)));
            }

            @Override
            public void check(Withdrawal w, Ivms101.Payload data) {
                refusing(() -> {
                    requireOpen(asset.assetId(), w.amountMinor());
                    travelRule.checkOutgoing(asset.assetId(), w.amountMinor(), data);
                    return null;
                });
            }

            @Override
            public void keep(Withdrawal w, Ivms101.Payload data) {
                refusing(() -> travelRule.recordOutgoing(ref(w), w.accountId(), asset.assetId(), w.amountMinor(),
                        data));
            }
        };
    }

    /** The asset is not frozen (HK-33) and the hot wallet may release the amount (HK-16). */
    private void requireOpen(int assetId, long amountMinor) {
        if (freeze.isFrozen(assetId)) {
            throw new ReconcileException(ReconcileRefusal.WITHDRAWALS_FROZEN);
        }
        hotCold.requireReleasable(assetId, amountMinor);
    }

    private static String ref(Withdrawal w) {
        return Long.toString(w.withdrawalId());
    }

    private static void refusing(Supplier<?> control) {
        try {
            control.get();
        } catch (ReconcileException e) {
            throw new WithdrawalException(WithdrawalRefusal.WITHDRAWALS_FROZEN, e.getMessage());
        } catch (HotColdException e) {
            throw new WithdrawalException(WithdrawalRefusal.HOT_RELEASE_LIMIT, e.getMessage());
        } catch (TravelRuleException e) {
            throw new WithdrawalException(e.refusal() == TravelRuleRefusal.INVALID_IVMS101
                    ? WithdrawalRefusal.INVALID_TRAVEL_RULE_DATA : WithdrawalRefusal.TRAVEL_RULE_DATA_MISSING,
                    e.getMessage());
        }
    }
}
