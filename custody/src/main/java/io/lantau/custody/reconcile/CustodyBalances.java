package io.lantau.custody.reconcile;

/**
 * The custody ledger's view of what the platform holds for clients, per asset: the side of the reconciliation that
 * custody keeps (wallet tiers for virtual assets, the client bank account's credited and paid-out amounts for fiat).
 * Thread-safe.
 */
@FunctionalInterface
public interface CustodyBalances {
    /** @return what custody records as held for clients in the asset, in the core's minor units. */
    long clientAssetsMinor(int assetId);
}
