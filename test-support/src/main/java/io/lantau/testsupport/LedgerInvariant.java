package io.lantau.testsupport;

import io.lantau.core.ExchangeCore;
import io.lantau.core.config.Asset;

/** The ledger's conservation rule, checked from outside the core through its public API. */
public final class LedgerInvariant {
    private LedgerInvariant() {
    }

    /**
     * Checks, for every asset, that what all accounts (the fee account included) hold equals deposits minus settled
     * withdrawals.
     *
     * @throws IllegalStateException naming each asset whose sums differ.
     */
    public static void verify(ExchangeCore core) {
        StringBuilder broken = new StringBuilder();
        for (Asset asset : core.config().assets()) {
            long held = core.totalHeldMinor(asset.assetId());
            long net = core.netDepositsMinor(asset.assetId());
            if (held != net) {
                broken.append(String.format("%n  %s: held %d minor units but net deposits are %d (difference %d)",
                        asset.code(), held, net, held - net));
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException("LEDGER INVARIANT BROKEN" + broken);
        }
    }
}
