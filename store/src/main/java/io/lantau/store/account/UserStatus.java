package io.lantau.store.account;

/** Whether a user may sign in and trade. */
public enum UserStatus {
    /** May sign in and use the platform. */
    ACTIVE,
    /** Blocked for now (by an operator or a compliance rule); may be reactivated. */
    SUSPENDED,
    /** Closed for good. */
    CLOSED
}
