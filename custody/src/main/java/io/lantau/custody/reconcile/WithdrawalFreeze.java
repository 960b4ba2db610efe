package io.lantau.custody.reconcile;

/**
 * The flag every withdrawal path consults before it moves an asset out (HK-33): set while a reconciliation incident
 * of the asset is open. Thread-safe.
 */
@FunctionalInterface
public interface WithdrawalFreeze {
    /** @return whether withdrawals of the asset are frozen. */
    boolean isFrozen(int assetId);
}
