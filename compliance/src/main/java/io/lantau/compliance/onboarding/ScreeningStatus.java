package io.lantau.compliance.onboarding;

/** The name-screening state of a KYC case (HK-24). */
public enum ScreeningStatus {
    /** No match. */
    CLEAR,
    /** A possible match against a list: blocks approval until the screening service clears it. */
    HIT,
    /** The screening service could not answer: blocks approval until a result is recorded. */
    UNAVAILABLE
}
