package io.lantau.compliance.admission;

import java.time.Instant;

/**
 * The smart-contract artefact of HK-11 (VATP 7.10): an audit report by an independent assessor, or the documented
 * rationale for relying on none (e.g. a native coin without smart contracts of its own).
 *
 * @param kind        which of the two it is.
 * @param auditor     the assessor (AUDIT_REPORT only).
 * @param reportLink  where the report is (AUDIT_REPORT only).
 * @param rationale   why no audit is relied on (RELIANCE only).
 * @param recordedBy  who recorded it.
 * @param recordedAt  when (set by the service).
 */
public record ContractAudit(
        Kind kind, String auditor, String reportLink, String rationale, String recordedBy, Instant recordedAt) {

    /** @return an audit report artefact; {@code recordedAt} is set when recorded. */
    public static ContractAudit report(String auditor, String reportLink, String recordedBy) {
        return new ContractAudit(Kind.AUDIT_REPORT, auditor, reportLink, null, recordedBy, null);
    }

    /** @return a reliance rationale artefact; {@code recordedAt} is set when recorded. */
    public static ContractAudit reliance(String rationale, String recordedBy) {
        return new ContractAudit(Kind.RELIANCE, null, null, rationale, recordedBy, null);
    }

    /** Audit report or reliance rationale. */
    public enum Kind {
        AUDIT_REPORT,
        RELIANCE
    }
}
