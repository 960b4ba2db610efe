package io.lantau.compliance.onboarding;

/**
 * Why an onboarding, KYC, life-cycle or access-log request was refused. Stable codes; a refusal changes no state
 * (a blocked residency leaves its refusal record, nothing else).
 */
public enum OnboardingRefusal {
    /** The account is not registered for onboarding. */
    UNKNOWN_ACCOUNT,
    /** The account is registered already. */
    ALREADY_REGISTERED,
    /** HK-06: the declared residency is in the profile's blocked list (mainland China under HK_VATP). */
    BLOCKED_JURISDICTION,
    /** HK-01 (onboarding): the applicant is younger than the profile's minimum age. */
    UNDER_MINIMUM_AGE,
    /** HK-01, HK-06: identity data missing, too long or malformed (country codes are ISO 3166-1 alpha-2). */
    INVALID_KYC_DATA,
    /** HK-01: a document is empty, too large, or there are too many. */
    INVALID_DOCUMENT,
    /** A KYC case is already under review or approved for this account. */
    KYC_ALREADY_SUBMITTED,
    /** There is no pending KYC case to add a document to. */
    NO_PENDING_CASE,
    /** The KYC case does not exist (officer paths). */
    UNKNOWN_CASE,
    /** The KYC case has been decided already. */
    CASE_NOT_PENDING,
    /** HK-01, HK-24: a compliance officer may not review, approve or reject their own application. */
    SELF_REVIEW,
    /** HK-01, HK-24: an approval or rejection needs a reason on the record. */
    REASON_REQUIRED,
    /** HK-24: the applicant's name screening has a hit; the case cannot be approved until it is cleared. */
    SCREENING_HIT,
    /** HK-24: the name screening did not answer; the case cannot be approved until it is screened. */
    SCREENING_UNAVAILABLE,
    /**
     * HK-23 (the CDD file is the client's): the requester owns no such KYC case or document. Whether it exists for
     * someone else is not revealed.
     */
    NOT_OWNER,
    /** HK-01 .. HK-08: activation refused because a gate is missing (see {@code SuitabilityService#readiness}). */
    GATES_NOT_MET,
    /** The life cycle does not allow this status change (see {@link AccountLifecycle}). */
    TRANSITION_NOT_ALLOWED,
    /** The account is closed. */
    ACCOUNT_CLOSED,
    /** HK-23: an access record without IP address, device identifier, geolocation or a known action. */
    INVALID_ACCESS_RECORD,
    /** The core's queue was full or it did not answer in time; retry. Nothing was recorded. */
    CORE_UNAVAILABLE,
    /** The core refused the command (e.g. an account it does not know); nothing was recorded. */
    CORE_REFUSED
}
