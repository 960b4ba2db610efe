package io.lantau.compliance.onboarding;

import java.time.Instant;

/**
 * A stored KYC document, referenced by the SHA-256 of its plaintext; the bytes themselves are sealed at rest.
 *
 * @param sha256 lowercase hex SHA-256 of the plaintext bytes.
 */
public record DocumentRef(long caseId, String sha256, DocumentKind kind, String contentType, long sizeBytes,
        Instant uploadedAt) {
}
