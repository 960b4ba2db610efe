package io.lantau.compliance.admission;

/** Where an asset stands in the register, as the committee last decided (HK-11, HK-13, HK-14). */
public enum AdmissionStatus {
    /** Registered for due diligence; not admitted. */
    PROPOSED,
    /** Admitted to trading; open to retail if retail-eligible when decided. */
    ADMITTED,
    /** Admitted, but retail clients may only sell (HK-14). */
    RETAIL_SELL_ONLY,
    /** Suspended: retail clients may not trade it. */
    SUSPENDED,
    /** Withdrawn for good (or its application withdrawn): no further decision is taken on it. */
    WITHDRAWN
}
