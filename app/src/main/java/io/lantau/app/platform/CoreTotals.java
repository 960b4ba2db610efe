package io.lantau.app.platform;

import io.lantau.custody.reconcile.CoreLedger;
import io.lantau.custody.reserves.ClientLiability;
import io.lantau.custody.reserves.LiabilityLedger;
import io.lantau.custody.reserves.LiabilitySnapshot;
import io.lantau.store.account.AccountReadModel;
import java.time.Instant;

/**
 * The core's ledger total per asset for reconciliation (HK-33): every client's balance (the proof-of-reserves
 * liability ledger) plus the fee account's (the account read model), which together are every account the core has
 * and so equal its net deposits (SEMANTICS.md: trades and fees only move minor units between accounts). Both read
 * models are fed by the same projection dispatcher; a total is taken only when both stand at the same command, read
 * twice alike, so that a command half applied is not reconciled.
 */
final class CoreTotals implements CoreLedger {
    private static final int ATTEMPTS = 100;

    private final LiabilityLedger clients;
    private final AccountReadModel accounts;
    private final long feeAccountId;

    CoreTotals(LiabilityLedger clients, AccountReadModel accounts, long feeAccountId) {
        this.clients = clients;
        this.accounts = accounts;
        this.feeAccountId = feeAccountId;
    }

    @Override
    public long liabilitiesMinor(int assetId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long before = accounts.lastAppliedSequence();
            long fee = feeBalance(assetId);
            LiabilitySnapshot snapshot = clients.snapshot(Instant.EPOCH);
            long again = feeBalance(assetId);
            if (snapshot.sequence() == before && accounts.lastAppliedSequence() == before && fee == again) {
                long total = fee;
                for (ClientLiability c : snapshot.clients()) {
                    total = Math.addExact(total, c.balancesMinor().get(assetId));
                }
                return total;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the core's read models did not settle; reconcile again later");
    }

    private long feeBalance(int assetId) {
        AccountReadModel.Balances b = accounts.balances(feeAccountId);
        return b == null ? 0 : Math.addExact(b.availableMinor()[assetId], b.lockedMinor()[assetId]);
    }
}
