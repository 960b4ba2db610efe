package io.lantau.compliance.onboarding;

/** A KYC document opened for its owner or a reviewing officer: its reference and plaintext bytes. */
public record KycDocument(DocumentRef ref, byte[] content) {
}
