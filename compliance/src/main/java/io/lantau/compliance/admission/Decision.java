package io.lantau.compliance.admission;

import io.lantau.core.RetailAccess;

/**
 * What the Token Admission &amp; Review Committee may decide (HK-13). Deciding the status an asset already has is
 * how the committee records a periodic review.
 */
public enum Decision {
    /** Admit (or keep admitted, or re-admit): retail may trade it if it is retail-eligible (HK-10). */
    ADMITTED(AdmissionStatus.ADMITTED),
    /** Suspend: retail clients may no longer trade it. */
    SUSPENDED(AdmissionStatus.SUSPENDED),
    /** Withdraw for good. */
    WITHDRAWN(AdmissionStatus.WITHDRAWN),
    /** Keep it trading but let retail clients only sell (HK-14). */
    RETAIL_SELL_ONLY(AdmissionStatus.RETAIL_SELL_ONLY);

    private final AdmissionStatus status;

    Decision(AdmissionStatus status) {
        this.status = status;
    }

    /** @return the status the asset has after this decision. */
    public AdmissionStatus status() {
        return status;
    }

    /** @return what retail clients may do in the asset's markets after this decision. */
    public RetailAccess retailAccess(boolean retailEligible) {
        return switch (this) {
            case ADMITTED -> retailEligible ? RetailAccess.ELIGIBLE : RetailAccess.NOT_ELIGIBLE;
            case RETAIL_SELL_ONLY -> RetailAccess.SELL_ONLY;
            case SUSPENDED, WITHDRAWN -> RetailAccess.NOT_ELIGIBLE;
        };
    }

    /** @return whether this decision may be taken on an asset in {@code from}. */
    public boolean allowedFrom(AdmissionStatus from) {
        return switch (from) {
            case PROPOSED -> this == ADMITTED || this == WITHDRAWN;
            case ADMITTED, RETAIL_SELL_ONLY, SUSPENDED -> true;
            case WITHDRAWN -> false;
        };
    }
}
