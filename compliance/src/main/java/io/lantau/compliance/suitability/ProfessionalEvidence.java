package io.lantau.compliance.suitability;

/**
 * What a professional-investor classification rests on (HK-01, Schedule 1).
 *
 * @param description    what was checked (e.g. "portfolio statement HSBC 2025-03-31, HK$9.2m").
 * @param documentSha256 the SHA-256 (64 lowercase hex characters) of the evidence document as stored with the
 *                       client's KYC documents.
 * @param verifiedBy     the compliance officer who verified it; never the client.
 */
public record ProfessionalEvidence(String description, String documentSha256, long verifiedBy) {
}
