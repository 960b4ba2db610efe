package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.campaign.CampaignService;
import io.lantau.compliance.onboarding.AccessLog;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.screening.ScreeningService;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.core.config.CoreConfig;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.nativeapi.NativeApi;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.dispatch.CommandSubmitter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Adds every compliance endpoint group to a native API in one step, and lets their uploads (KYC documents, sanctions
 * lists) through the gateway's body limit. Call before the API is mounted.
 *
 * @param profile        the jurisdiction profile in force.
 * @param onboarding     KYC, the review queue and the account life cycle.
 * @param suitability    the retail gates.
 * @param classification retail or professional investor (HK-01).
 * @param screening      sanctions screening (HK-24).
 * @param admission      the token admission register (HK-10 .. HK-14).
 * @param campaigns      incentive campaigns (HK-05).
 * @param accessLog      the access log (HK-23).
 * @param audit          the audit trail (HK-33, HK-34).
 * @param coreConfig     the core's markets, for an asset's markets.
 * @param submitter      the journaled core: a cleared screening hit sets the account back to its onboarding status.
 * @param clock          the wall clock of the audit records these endpoints write.
 */
public record ComplianceEndpoints(JurisdictionProfile profile, OnboardingService onboarding,
        SuitabilityService suitability, ClassificationService classification, ScreeningService screening,
        TokenAdmissionService admission, CampaignService campaigns, AccessLog accessLog, AuditTrail audit,
        CoreConfig coreConfig, CommandSubmitter submitter, Clock clock) {

    /** How long a status restore waits for the core. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    public ComplianceEndpoints {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(onboarding);
        Objects.requireNonNull(suitability);
        Objects.requireNonNull(classification);
        Objects.requireNonNull(screening);
        Objects.requireNonNull(admission);
        Objects.requireNonNull(campaigns);
        Objects.requireNonNull(accessLog);
        Objects.requireNonNull(audit);
        Objects.requireNonNull(coreConfig);
        Objects.requireNonNull(submitter);
        Objects.requireNonNull(clock);
    }

    /** Adds the groups to {@code api} (with its staff gate) and the large-body paths to {@code gateway}. */
    public void addTo(NativeApi api, HttpGateway gateway) {
        addTo(api, gateway, null);
    }

    /**
     * As {@link #addTo(NativeApi, HttpGateway)}, with each client's current exposure shown beside its limit in
     * {@code GET /suitability} (HK-04).
     *
     * @param exposure account id to exposure in the valuation currency's minor units; null to leave it out.
     */
    public void addTo(NativeApi api, HttpGateway gateway, java.util.function.LongUnaryOperator exposure) {
        StaffAccess staff = api.staffAccess();
        StaffDecisionAudit decisions = new StaffDecisionAudit(audit, clock);
        api.add(new ProfileEndpoints(profile, admission))
                .add(new KycEndpoints(onboarding))
                .add(new SuitabilityEndpoints(onboarding, suitability, classification, exposure))
                .add(new AccessLogEndpoints(accessLog))
                .add(new KycReviewEndpoints(onboarding, staff, decisions))
                .add(new ClassificationEndpoints(classification, staff, decisions))
                .add(new ScreeningEndpoints(screening, onboarding,
                        new CoreCommands(submitter, COMMAND_TIMEOUT), staff, decisions))
                .add(new TokenAdmissionEndpoints(admission, coreConfig, staff))
                .add(new CampaignEndpoints(campaigns, staff))
                .add(new AuditEndpoints(audit, staff));
        gateway.allowLargeBodies(KycEndpoints.LARGE_BODY_PREFIX)
                .allowLargeBodies(ScreeningEndpoints.LARGE_BODY_PREFIX);
    }
}
