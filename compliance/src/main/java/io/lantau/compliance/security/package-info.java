/**
 * Account security beside the native API: TOTP second factors (RFC 6238; HK-29, VATP 12.12(b)), staff roles, and
 * maker-checker approval of sensitive actions (HK-17: the approver is never the requester and holds the role the
 * action needs), with the security audit hooks ({@link io.lantau.compliance.security.SecurityAuditSink}) and the
 * out-of-band login notification outbox (HK-30, VATP 12.12(e)).
 *
 * <p>Everything here keeps its records in the relational store (migration {@code V6__totp_staff_approvals.sql}) and
 * blocks on JDBC: call it from worker threads. Every refusal is a
 * {@link io.lantau.compliance.security.SecurityRefusedException} with a stable
 * {@link io.lantau.compliance.security.SecurityRefusal} code, thrown before anything is written.
 * {@link io.lantau.compliance.security.SecurityServices} builds the set that the gateway and the wiring use.
 */
package io.lantau.compliance.security;
