package io.lantau.compliance.screening;

import java.util.List;

/**
 * What loading a sanctions list did (HK-24: a list update re-screens every existing client).
 *
 * @param list             the stored load, now in force for its source.
 * @param clientsScreened  how many clients were screened again.
 * @param openedCases      the cases the re-screening opened; each one's account was frozen.
 */
public record ListLoadOutcome(SanctionsListInfo list, int clientsScreened, List<ScreeningCase> openedCases) {

    public ListLoadOutcome {
        openedCases = List.copyOf(openedCases);
    }
}
