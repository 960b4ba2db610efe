package io.lantau.custody.deposit;

/**
 * Decides whether a confirmed deposit may be credited now (HK-22: a deposit at or above the travel-rule threshold is
 * held until the originator's data is present). Asked on every tracker pass for each confirmed deposit not yet
 * credited, so a held deposit is credited on the first pass after the gate allows it. Implementations are
 * thread-safe and must not block for long.
 */
@FunctionalInterface
public interface DepositGate {
    /** Credits everything: the gate when no travel-rule module is wired. */
    DepositGate ALLOW_ALL = deposit -> Decision.ALLOW;

    Decision check(ObservedDeposit deposit);

    enum Decision {
        ALLOW, HOLD
    }
}
