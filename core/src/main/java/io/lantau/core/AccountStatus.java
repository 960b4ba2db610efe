package io.lantau.core;

/**
 * Where a client account stands in its life cycle. Only an ACTIVE account may place or amend orders; every account
 * may cancel (reducing risk is never refused). The compliance service moves accounts between states by command
 * (onboarding, screening, monitoring, dormancy); the core enforces the trading rule so it holds for every gateway.
 */
public enum AccountStatus {
    /** Registered; onboarding (KYC, suitability) not complete. */
    PENDING_KYC,
    /** May trade. */
    ACTIVE,
    /** Under review (e.g. access from an unexpected place, HK-06); trading stopped until cleared. */
    MONITORED,
    /** Limited by compliance (e.g. a screening hit under review, HK-24). */
    RESTRICTED,
    /** Frozen. */
    SUSPENDED,
    /** Idle past the profile's period (HK-21); reactivation needs checks. */
    DORMANT,
    /** Closed for good. */
    CLOSED
}
