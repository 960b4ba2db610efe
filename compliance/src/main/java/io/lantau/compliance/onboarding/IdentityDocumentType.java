package io.lantau.compliance.onboarding;

/** The kind of identity document a KYC submission rests on. */
public enum IdentityDocumentType {
    HKID,
    PASSPORT,
    NATIONAL_ID,
    MAINLAND_TRAVEL_PERMIT,
    DRIVING_LICENCE
}
