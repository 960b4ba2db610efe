package io.lantau.compliance.onboarding;

/** What an uploaded KYC document shows. */
public enum DocumentKind {
    ID_DOCUMENT_FRONT,
    ID_DOCUMENT_BACK,
    PASSPORT,
    PROOF_OF_ADDRESS,
    SELFIE,
    PROFESSIONAL_INVESTOR_EVIDENCE,
    OTHER
}
