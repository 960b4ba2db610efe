package io.lantau.compliance.suitability;

/** A retail client's risk-tolerance tier from the risk-profiling questionnaire (HK-03), lowest first. */
public enum RiskTier {
    LOW,
    MEDIUM,
    HIGH
}
