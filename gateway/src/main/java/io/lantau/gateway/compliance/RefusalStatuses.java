package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.AdmissionRefusal;
import io.lantau.compliance.campaign.CampaignRefusal;
import io.lantau.compliance.onboarding.OnboardingRefusal;
import io.lantau.compliance.screening.ScreeningRefusal;
import io.lantau.compliance.suitability.SuitabilityRefusal;
import io.lantau.gateway.nativeapi.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table from the compliance services' refusal enums to HTTP: a refusal keeps its constant's name as its
 * stable code (what clients match on), and gets the status listed here, else its enum's default (400: the input was
 * not acceptable). 403: a rule forbids it whatever the input (HK-05, HK-06, self-review); 404: no such record of the
 * caller's; 409: the record's state does not allow it now; 503: the core is busy, nothing was changed.
 */
final class RefusalStatuses {
    /** A service refusal as a native API error: its name, the status of this table, the service's message. */
    record RefusalCode(String code, int httpStatus, String message) implements ErrorCode {
    }

    private static final int BAD_INPUT = 400;
    private static final Map<Enum<?>, Integer> STATUS = new HashMap<>();

    static {
        statuses(List.of(OnboardingRefusal.BLOCKED_JURISDICTION, OnboardingRefusal.UNDER_MINIMUM_AGE,
                OnboardingRefusal.SELF_REVIEW), 403);
        statuses(List.of(OnboardingRefusal.UNKNOWN_ACCOUNT, OnboardingRefusal.UNKNOWN_CASE,
                OnboardingRefusal.NOT_OWNER), 404);
        statuses(List.of(OnboardingRefusal.ALREADY_REGISTERED, OnboardingRefusal.KYC_ALREADY_SUBMITTED,
                OnboardingRefusal.NO_PENDING_CASE, OnboardingRefusal.CASE_NOT_PENDING, OnboardingRefusal.SCREENING_HIT,
                OnboardingRefusal.SCREENING_UNAVAILABLE, OnboardingRefusal.GATES_NOT_MET,
                OnboardingRefusal.TRANSITION_NOT_ALLOWED, OnboardingRefusal.ACCOUNT_CLOSED,
                OnboardingRefusal.CORE_REFUSED), 409);
        statuses(List.of(OnboardingRefusal.CORE_UNAVAILABLE, SuitabilityRefusal.CORE_UNAVAILABLE), 503);

        statuses(List.of(SuitabilityRefusal.SELF_VERIFICATION), 403);
        statuses(List.of(SuitabilityRefusal.GATES_NOT_APPLICABLE, SuitabilityRefusal.STALE_QUESTION_BANK,
                SuitabilityRefusal.STALE_QUESTIONNAIRE, SuitabilityRefusal.STALE_DISCLOSURE_VERSION,
                SuitabilityRefusal.CORE_REFUSED), 409);

        statuses(List.of(ScreeningRefusal.UNKNOWN_CASE), 404);
        statuses(List.of(ScreeningRefusal.CASE_NOT_OPEN), 409);
        statuses(List.of(ScreeningRefusal.LIST_TOO_LARGE), 413);

        statuses(List.of(AdmissionRefusal.UNKNOWN_ASSET, AdmissionRefusal.UNKNOWN_INDEX_MEMBERSHIP), 404);
        statuses(List.of(AdmissionRefusal.ASSET_EXISTS, AdmissionRefusal.DUE_DILIGENCE_INCOMPLETE,
                AdmissionRefusal.DUE_DILIGENCE_UNSATISFACTORY, AdmissionRefusal.SMART_CONTRACT_AUDIT_MISSING,
                AdmissionRefusal.TRACK_RECORD_TOO_SHORT, AdmissionRefusal.QUORUM_NOT_MET,
                AdmissionRefusal.MOTION_NOT_CARRIED, AdmissionRefusal.INVALID_TRANSITION,
                AdmissionRefusal.INDEX_MEMBERSHIP_EXISTS), 409);

        statuses(List.of(CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL), 403);
        statuses(List.of(CampaignRefusal.CAMPAIGN_EXISTS), 409);
    }

    private RefusalStatuses() {
    }

    private static void statuses(List<? extends Enum<?>> refusals, int status) {
        refusals.forEach(r -> STATUS.put(r, status));
    }

    /** @return the HTTP status of a service refusal. */
    static int statusOf(Enum<?> refusal) {
        return STATUS.getOrDefault(refusal, BAD_INPUT);
    }

    /**
     * @param serviceMessage the service exception's message ({@code "CODE: what"}); the part after the code is shown.
     * @return the refusal as a native API error.
     */
    static RefusalCode codeOf(Enum<?> refusal, String serviceMessage) {
        String prefix = refusal.name() + ": ";
        String text = serviceMessage != null && serviceMessage.startsWith(prefix)
                ? serviceMessage.substring(prefix.length()) : refusal.name();
        return new RefusalCode(refusal.name(), statusOf(refusal), text);
    }
}
