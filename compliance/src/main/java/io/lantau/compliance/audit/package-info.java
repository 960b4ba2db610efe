/**
 * The tamper-evident audit trail (HK-33: VATP Guidelines Schedule 3 audit logs; HK-34: Part XIV record keeping): one
 * append-only, SHA-256 hash-chained log in the relational store of order-lifecycle events, logins and failed logins,
 * limit and compliance exceptions, role and permission changes, market and profile parameter changes and KYC
 * decisions.
 *
 * <ul>
 *   <li>{@link io.lantau.compliance.audit.AuditTrail}: the one writer; services append
 *       {@link io.lantau.compliance.audit.AuditEntry entries} and get back chained
 *       {@link io.lantau.compliance.audit.AuditRecord records}; it also purges, within the profile's retention.</li>
 *   <li>{@link io.lantau.compliance.audit.AuditProjection}: turns the core's events into records, in batches, with
 *       its offset in the same transaction (no gap, no duplicate after a crash).</li>
 *   <li>{@link io.lantau.compliance.audit.AuditVerifier}: walks the chain and names the first broken record.</li>
 *   <li>{@link io.lantau.compliance.audit.AuditExport}: the records of a period as CSV or JSON lines.</li>
 * </ul>
 */
package io.lantau.compliance.audit;
