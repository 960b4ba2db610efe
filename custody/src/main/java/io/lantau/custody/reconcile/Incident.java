package io.lantau.custody.reconcile;

import java.time.Instant;

/**
 * A reconciliation discrepancy (HK-33): opened by the {@link Reconciler}, resolved only by staff. While open, the
 * asset's withdrawals are frozen.
 *
 * @param chainMinor  null for an asset with no chain.
 * @param trigger     {@code MANUAL} or {@code SCHEDULED}.
 * @param resolvedBy  the staff user who resolved it, or null while open.
 */
public record Incident(long id, int assetId, long coreMinor, long custodyMinor, Long chainMinor, String trigger,
        Instant openedAt, Long resolvedBy, String resolution, Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}
