package io.lantau.compliance.audit;

/**
 * What an audit record is about (VATP Guidelines Schedule 3, HK-33). Stored and hashed by name: never rename a
 * constant (old records would no longer verify); add new ones freely.
 */
public enum AuditKind {
    /** An order placed, rejected for bad input, amended, canceled, expired or executed (a trade). */
    ORDER_EVENT,
    /** A successful login. */
    LOGIN,
    /** A failed login attempt (wrong password, second factor, locked account…). */
    LOGIN_FAILED,
    /** An order or request refused by a limit: exposure limit, size or notional limits. */
    LIMIT_EXCEPTION,
    /** An order or request refused by a compliance rule: account status, retail access, missing reference price… */
    COMPLIANCE_EXCEPTION,
    /** A staff or user role granted or revoked. */
    ROLE_CHANGE,
    /** A permission granted or revoked (API key permissions included). */
    PERMISSION_CHANGE,
    /** An account's status changed (active, suspended, closed…). */
    ACCOUNT_STATUS_CHANGE,
    /** A client's investor class or exposure limit changed. */
    INVESTOR_PROFILE_CHANGE,
    /** A market parameter changed: status, retail access, reference price, tick, fees… */
    MARKET_PARAMETER_CHANGE,
    /** The jurisdiction profile in force, or one of its parameters, changed. */
    PROFILE_PARAMETER_CHANGE,
    /** A KYC or onboarding decision (approved, rejected, escalated). */
    KYC_DECISION,
    /** A maker-checker request, approval or rejection (HK-17). */
    APPROVAL,
    /** Records older than the retention period were purged; the details name the last purged record and its hash. */
    AUDIT_PURGE
}
