package io.lantau.compliance.screening;

import java.time.Instant;

/**
 * A screening hit under review (HK-24), with the compliance officer's decision once made.
 *
 * @param caseId          the case's id.
 * @param accountId       the client's core account id.
 * @param listId          the list load that produced the hit.
 * @param source          which list.
 * @param dataId          the matched entry's id in the list.
 * @param referenceNumber the matched entry's reference.
 * @param listedName      the entry's name that matched.
 * @param screenedName    the client's name that matched.
 * @param score           the similarity, rounded down to 4 decimals.
 * @param trigger         why the client was screened.
 * @param status          OPEN, CLEARED or CONFIRMED.
 * @param openedAt        when the case was opened.
 * @param decidedBy       the officer who decided it, or {@code null} while OPEN.
 * @param decidedAt       when, or {@code null} while OPEN.
 * @param decisionReason  why, or {@code null} while OPEN.
 */
public record ScreeningCase(
        long caseId,
        long accountId,
        long listId,
        String source,
        String dataId,
        String referenceNumber,
        String listedName,
        String screenedName,
        double score,
        ScreeningTrigger trigger,
        CaseStatus status,
        Instant openedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    /** @return whether the case keeps the account frozen (OPEN or CONFIRMED). */
    public boolean freezesAccount() {
        return status != CaseStatus.CLEARED;
    }
}
