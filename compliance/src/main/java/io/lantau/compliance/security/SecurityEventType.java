package io.lantau.compliance.security;

/** The kinds of security event given to the {@link SecurityAuditSink}. */
public enum SecurityEventType {
    /** A session was opened (all factors passed). */
    LOGIN,
    /** A sign-in step failed: unknown email, wrong password, wrong or reused TOTP code, locked out. */
    LOGIN_FAILED,
    /** A staff role was granted or revoked (on approval). */
    ROLE_CHANGE,
    /** A user's own credentials or permissions changed: TOTP enabled, API key created or revoked. */
    PERMISSION_CHANGE,
    /** A maker requested a sensitive action. */
    APPROVAL_REQUESTED,
    /** A checker approved a request; its action has executed. */
    APPROVAL_APPROVED,
    /** A checker rejected a request; nothing executed. */
    APPROVAL_REJECTED
}
