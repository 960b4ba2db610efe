/**
 * Client classification and retail suitability (HK-01 .. HK-04, HK-08): retail or professional investor (Schedule 1
 * type and evidence), the virtual-asset knowledge assessment with its versioned question bank and the training path,
 * the risk-profiling questionnaire giving a tier, the per-client exposure limit, and acknowledgement of the versioned
 * Schedule 2 risk disclosures.
 *
 * <p>These services decide and record; the core enforces. They send {@code SetInvestorProfile} whenever a client's
 * class or limit changes, and {@link io.lantau.compliance.suitability.SuitabilityService#readiness} says which gates
 * a client still misses before it may trade. Records live in the relational store (migration V5); every service is
 * thread-safe and serialises its changes per account.
 */
package io.lantau.compliance.suitability;
