package io.lantau.compliance.onboarding;

import io.lantau.core.AccountStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions between the core's account statuses that the rules need. Any move to ACTIVE also needs every
 * onboarding gate to hold (the service checks). CLOSED is final.
 *
 * <pre>
 * PENDING_KYC → ACTIVE (activation: KYC approved and, for retail, HK-02/03/04/08) | SUSPENDED | CLOSED
 * ACTIVE      → MONITORED (HK-06 access from an unexpected place) | RESTRICTED (HK-24 screening hit)
 *               | SUSPENDED | DORMANT (HK-21 idle) | CLOSED
 * MONITORED   → ACTIVE (cleared) | RESTRICTED | SUSPENDED | CLOSED
 * RESTRICTED  → ACTIVE (cleared) | MONITORED | SUSPENDED | CLOSED
 * SUSPENDED   → ACTIVE (cleared) | RESTRICTED | CLOSED
 * DORMANT     → ACTIVE (reactivated after checks) | SUSPENDED | CLOSED
 * CLOSED      → (none)
 * </pre>
 */
public final class AccountLifecycle {
    private static final Map<AccountStatus, EnumSet<AccountStatus>> NEXT = new EnumMap<>(AccountStatus.class);

    static {
        NEXT.put(AccountStatus.PENDING_KYC,
                EnumSet.of(AccountStatus.ACTIVE, AccountStatus.SUSPENDED, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.ACTIVE, EnumSet.of(AccountStatus.MONITORED, AccountStatus.RESTRICTED,
                AccountStatus.SUSPENDED, AccountStatus.DORMANT, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.MONITORED, EnumSet.of(AccountStatus.ACTIVE, AccountStatus.RESTRICTED,
                AccountStatus.SUSPENDED, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.RESTRICTED, EnumSet.of(AccountStatus.ACTIVE, AccountStatus.MONITORED,
                AccountStatus.SUSPENDED, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.SUSPENDED,
                EnumSet.of(AccountStatus.ACTIVE, AccountStatus.RESTRICTED, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.DORMANT,
                EnumSet.of(AccountStatus.ACTIVE, AccountStatus.SUSPENDED, AccountStatus.CLOSED));
        NEXT.put(AccountStatus.CLOSED, EnumSet.noneOf(AccountStatus.class));
    }

    private AccountLifecycle() {
    }

    /** @return true if an account may move from one status to the other (never to the same status). */
    public static boolean allows(AccountStatus from, AccountStatus to) {
        return from != null && to != null && NEXT.get(from).contains(to);
    }

    /** @return the statuses an account may move to from this one. */
    public static Set<AccountStatus> next(AccountStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }
}
