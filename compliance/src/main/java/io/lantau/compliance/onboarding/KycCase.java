package io.lantau.compliance.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * A KYC case with its identity opened: for its owner or a reviewing officer only.
 *
 * @param reviewedBy   the officer who decided it; {@code null} while pending.
 * @param reviewReason the reason on the record; {@code null} while pending.
 * @param reviewedAt   when; {@code null} while pending.
 */
public record KycCase(long caseId, long accountId, KycCaseState state, KycIdentity identity,
        List<DocumentRef> documents, ScreeningStatus screening, String screeningReference, Instant submittedAt,
        Long reviewedBy, String reviewReason, Instant reviewedAt) {

    public KycCase {
        documents = List.copyOf(documents);
    }
}
