package io.lantau.compliance.security;

/** The life of an approval request: PENDING, then APPROVED (its action executed) or REJECTED. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
