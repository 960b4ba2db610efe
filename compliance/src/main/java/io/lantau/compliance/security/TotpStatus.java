package io.lantau.compliance.security;

/** Where a user stands with TOTP. */
public enum TotpStatus {
    /** No secret issued. */
    NONE,
    /** A secret was issued but not yet confirmed with a code: sign-in does not ask for it. */
    PENDING,
    /** Confirmed: every sign-in needs a code. */
    ACTIVE
}
