package io.lantau.compliance.screening;

import java.util.List;

/**
 * What screening one client found (HK-24).
 *
 * @param accountId       the client's core account id.
 * @param hits            every entry the client's names matched, highest score first.
 * @param openedCases     the cases this screening opened (hits already under review, confirmed, or cleared for the
 *                        same names, open none).
 * @param frozen          whether the account is now held by an OPEN or CONFIRMED case; if so, a
 *                        {@code SetAccountStatus(RESTRICTED)} was sent to the core.
 * @param screenedAgainst the lists in force that were used; empty if no list was loaded yet (the client is kept
 *                        and will be screened when one is).
 */
public record ScreeningOutcome(
        long accountId,
        List<ScreeningHit> hits,
        List<ScreeningCase> openedCases,
        boolean frozen,
        List<SanctionsListInfo> screenedAgainst) {

    public ScreeningOutcome {
        hits = List.copyOf(hits);
        openedCases = List.copyOf(openedCases);
        screenedAgainst = List.copyOf(screenedAgainst);
    }
}
