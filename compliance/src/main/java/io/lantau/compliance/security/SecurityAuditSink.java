package io.lantau.compliance.security;

/**
 * Where security events go: the wiring connects the audit trail. Called synchronously on the worker thread that made
 * the change, after the change has committed; an implementation must be thread-safe and should not block for long.
 * An exception it throws reaches the caller as a fault (the change stays made).
 */
@FunctionalInterface
public interface SecurityAuditSink {
    /** Drops every event: for tests and until the audit trail is wired. */
    SecurityAuditSink NONE = event -> { };

    void record(SecurityEvent event);
}
