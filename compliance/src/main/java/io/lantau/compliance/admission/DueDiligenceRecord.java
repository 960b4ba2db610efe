package io.lantau.compliance.admission;

import java.time.Instant;

/**
 * The current record of one due-diligence factor (HK-12). Recording a factor again replaces it.
 *
 * @param factor       which factor of VATP 7.6.
 * @param evidenceLink where the evidence is kept (document store URL or reference).
 * @param reviewerId   who reviewed it.
 * @param outcome      the finding.
 * @param notes        conditions or remarks; may be {@code null}.
 * @param recordedAt   when it was recorded (set by the service).
 */
public record DueDiligenceRecord(
        DueDiligenceFactor factor,
        String evidenceLink,
        String reviewerId,
        DueDiligenceOutcome outcome,
        String notes,
        Instant recordedAt) {
}
