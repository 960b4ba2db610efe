package io.lantau.compliance.suitability;

/**
 * A gate a client has not passed yet, so that it may not trade (the reason codes of
 * {@link SuitabilityService#readiness}). Stable names: clients and endpoints see them.
 */
public enum TradingGate {
    /** KYC not yet approved (submission missing, under review or rejected). */
    KYC_PENDING,
    /** Not yet classified as retail or professional investor (HK-01). */
    CLASSIFICATION_REQUIRED,
    /** Retail: no passed knowledge assessment or completed training (HK-02). */
    KNOWLEDGE_ASSESSMENT_REQUIRED,
    /** Retail: no risk profile, so no tier and no exposure limit (HK-03, HK-04). */
    RISK_PROFILE_REQUIRED,
    /** Retail: the Schedule 2 disclosures in force are not acknowledged (HK-08); an older version does not count. */
    DISCLOSURE_ACK_REQUIRED
}
