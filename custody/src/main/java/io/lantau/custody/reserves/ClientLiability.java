package io.lantau.custody.reserves;

import java.util.List;

/**
 * What the platform owes one client at a snapshot: per asset of the snapshot, available plus locked (open orders and
 * pending withdrawals are still the client's money).
 *
 * @param balancesMinor one balance per asset of the snapshot, in its order, minor units.
 */
public record ClientLiability(long accountId, List<Long> balancesMinor) {
    public ClientLiability {
        balancesMinor = List.copyOf(balancesMinor);
    }

    long[] balances() {
        return LongLists.toArray(balancesMinor);
    }
}
