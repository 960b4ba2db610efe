package io.lantau.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.admission.AdmissionRefusal;
import io.lantau.compliance.campaign.CampaignRefusal;
import io.lantau.compliance.onboarding.OnboardingException;
import io.lantau.compliance.onboarding.OnboardingRefusal;
import io.lantau.compliance.screening.ScreeningRefusal;
import io.lantau.compliance.suitability.SuitabilityRefusal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every refusal of every compliance service becomes a client error (or 503, retry) under its own name, never 500. */
class RefusalStatusesTest {

    private static Stream<Enum<?>> everyRefusal() {
        return Stream.of(OnboardingRefusal.values(), SuitabilityRefusal.values(), ScreeningRefusal.values(),
                AdmissionRefusal.values(), CampaignRefusal.values()).flatMap(Stream::of);
    }

    @Test
    void shouldMapEveryServiceRefusalToAClientErrorOrRetryUnderItsOwnName() {
        everyRefusal().forEach(refusal -> {
            RefusalStatuses.RefusalCode code = RefusalStatuses.codeOf(refusal, refusal.name() + ": why");
            assertThat(code.code()).isEqualTo(refusal.name());
            assertThat(code.httpStatus()).as(refusal.getDeclaringClass().getSimpleName() + "." + refusal)
                    .satisfiesAnyOf(s -> assertThat(s).isBetween(400, 499), s -> assertThat(s).isEqualTo(503));
            assertThat(code.message()).isEqualTo("why");
        });
    }

    @Test
    void shouldAnswerTheRulesThatForbidWith403AndMissingRecordsWith404() {
        assertThat(List.of(OnboardingRefusal.BLOCKED_JURISDICTION, OnboardingRefusal.SELF_REVIEW,
                CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL, SuitabilityRefusal.SELF_VERIFICATION))
                .allSatisfy(r -> assertThat(RefusalStatuses.statusOf(r)).isEqualTo(403));
        assertThat(List.of(OnboardingRefusal.NOT_OWNER, OnboardingRefusal.UNKNOWN_CASE, ScreeningRefusal.UNKNOWN_CASE,
                AdmissionRefusal.UNKNOWN_ASSET)).allSatisfy(r -> assertThat(RefusalStatuses.statusOf(r))
                .isEqualTo(404));
        assertThat(RefusalStatuses.statusOf(OnboardingRefusal.CORE_UNAVAILABLE)).isEqualTo(503);
    }

    @Test
    void shouldShowTheServicesMessageWithoutRepeatingTheCode() {
        OnboardingException e = new OnboardingException(OnboardingRefusal.NOT_OWNER, "no KYC case 5 of this client");
        assertThat(RefusalStatuses.codeOf(e.code(), e.getMessage()).message())
                .isEqualTo("no KYC case 5 of this client");
    }
}
