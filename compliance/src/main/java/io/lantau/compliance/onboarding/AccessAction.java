package io.lantau.compliance.onboarding;

/** What a client did that the access log records (HK-23). */
public enum AccessAction {
    LOGIN,
    ORDER,
    WITHDRAWAL
}
