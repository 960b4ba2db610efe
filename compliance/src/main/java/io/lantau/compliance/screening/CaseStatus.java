package io.lantau.compliance.screening;

/** Where a screening case stands (HK-24): OPEN until a compliance officer decides it. */
public enum CaseStatus {
    /** A hit under review; the account is frozen. */
    OPEN,
    /** A false positive; once no other case holds it, the account is active again. */
    CLEARED,
    /** A true match; the account stays frozen (reporting to the JFIU is outside this service). */
    CONFIRMED
}
