package io.lantau.custody.reconcile;

/** The core's ledger as reconciliation reads it. Thread-safe. */
@FunctionalInterface
public interface CoreLedger {
    /** @return the sum of every account's balance (available plus locked) in the asset, in minor units. */
    long liabilitiesMinor(int assetId);
}
