package io.lantau.custody.reconcile;

/**
 * One asset's figures in one reconciliation run.
 *
 * @param coreMinor    the core's ledger total.
 * @param custodyMinor the custody ledger's total.
 * @param chainMinor   the on-chain total in book units, or null for an asset with no chain (fiat).
 * @param incidentId   the incident opened for a mismatch, or 0.
 */
public record AssetReconciliation(int assetId, String assetCode, long coreMinor, long custodyMinor, Long chainMinor,
        boolean matched, long incidentId) {
}
