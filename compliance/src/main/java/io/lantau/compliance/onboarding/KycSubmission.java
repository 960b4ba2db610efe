package io.lantau.compliance.onboarding;

import java.util.List;

/**
 * A client's KYC submission: the identity declared and the documents that show it (at most
 * {@value OnboardingService#MAX_DOCUMENTS_PER_CASE}).
 */
public record KycSubmission(KycIdentity identity, List<DocumentUpload> documents) {
    public KycSubmission {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
