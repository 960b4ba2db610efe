package io.lantau.app.platform;

import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.admission.TokenAdmissionSettings;
import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditEntry;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.audit.ProfileInForce;
import io.lantau.compliance.campaign.CampaignService;
import io.lantau.compliance.campaign.IncentiveSettings;
import io.lantau.compliance.onboarding.AccessLog;
import io.lantau.compliance.onboarding.DocumentCipher;
import io.lantau.compliance.onboarding.KycCase;
import io.lantau.compliance.onboarding.KycClearance;
import io.lantau.compliance.onboarding.OnboardingAccount;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.onboarding.OnboardingSettings;
import io.lantau.compliance.profile.AccountRules;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.screening.OnboardingNameScreening;
import io.lantau.compliance.screening.ScreeningService;
import io.lantau.compliance.screening.ScreeningSettings;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityServices;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.compliance.suitability.SuitabilitySettings;
import io.lantau.core.config.CoreConfig;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.nativeapi.NativeApi;
import io.lantau.gateway.nativeapi.NativeApiSettings;
import io.lantau.store.dispatch.CommandSubmitter;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The licensing framework as the platform runs it (DESIGN.md section 5): the jurisdiction profile in force and every
 * compliance service built from its sections, on the platform's store and core, with the audit trail as the sink of
 * security events and KYC decisions (HK-33). The core enforces what these services decide (account status, investor
 * class and exposure limit, retail market access) on every order, whichever gateway it comes through.
 */
public final class Licensing {
    /** How long a service waits for the core to apply one of its commands. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    public final JurisdictionProfile profile;
    public final AccountRules accountRules;
    public final AuditTrail audit;
    public final SecurityServices security;
    public final SuitabilityService suitability;
    public final ClassificationService classification;
    public final ScreeningService screening;
    public final OnboardingService onboarding;
    public final TokenAdmissionService admission;
    public final CampaignService campaigns;
    public final AccessLog accessLog;

    private Licensing(JurisdictionProfile profile, DataSource dataSource, AuditTrail audit, CommandSubmitter submitter,
            SecretCipher cipher, CoreConfig coreConfig, Clock clock) {
        this.profile = profile;
        this.accountRules = profile.section(AccountRules.SECTION, AccountRules.class);
        this.audit = audit;
        this.security = SecurityServices.create(dataSource, NativeApi.sealer(cipher), this::auditSecurityEvent, clock);
        CoreCommands core = new CoreCommands(submitter, COMMAND_TIMEOUT);
        OnboardingSettings onboardingSettings = profile.section("onboarding", OnboardingSettings.class);
        this.suitability = new SuitabilityService(profile.section("suitability", SuitabilitySettings.class),
                dataSource, core, clock, new KycClearance(onboardingSettings, dataSource));
        this.classification = new ClassificationService(suitability);
        this.screening = new ScreeningService(dataSource, submitter,
                profile.section("screening", ScreeningSettings.class), clock);
        DocumentCipher documents = new DocumentCipher() {
            @Override
            public byte[] encrypt(byte[] plaintext) {
                return cipher.encrypt(plaintext);
            }

            @Override
            public byte[] decrypt(byte[] ciphertext) {
                return cipher.decrypt(ciphertext);
            }
        };
        this.onboarding = new OnboardingService(onboardingSettings, dataSource, core, documents,
                new OnboardingNameScreening(screening), suitability, clock);
        onboarding.addDecisionListener(this::auditKycDecision);
        // A cleared screening hit returns the account to its onboarding status, not straight to ACTIVE.
        screening.setReleaseStatus(id -> onboarding.account(id).map(OnboardingAccount::status)
                .orElse(io.lantau.core.AccountStatus.ACTIVE));
        this.admission = new TokenAdmissionService(dataSource, submitter,
                profile.section("tokenAdmission", TokenAdmissionSettings.class), clock);
        this.campaigns = new CampaignService(dataSource, profile.section("incentives", IncentiveSettings.class),
                coreConfig.assets(), clock);
        this.accessLog = new AccessLog(dataSource, clock);
        ProfileInForce.record(audit, profile, clock.instant(), AuditEntry.SYSTEM);
    }

    /**
     * Loads the profile and builds the services; records the profile in the audit trail if it changed.
     *
     * @param profileIdOrPath a built-in profile id or a profile file.
     * @param audit           the platform's one writer of the audit trail (the audit projection shares it).
     * @throws io.lantau.compliance.profile.ProfileException if the profile is unknown or does not fit the rules.
     */
    static Licensing start(String profileIdOrPath, DataSource dataSource, AuditTrail audit, CommandSubmitter submitter,
            SecretCipher cipher, CoreConfig coreConfig, Clock clock) {
        JurisdictionProfile profile = ProfileLoader.standard()
                .withSection(AccountRules.SECTION, AccountRules.class)
                .withSection("onboarding", OnboardingSettings.class)
                .withSection("suitability", SuitabilitySettings.class)
                .withSection("screening", ScreeningSettings.class)
                .withSection("tokenAdmission", TokenAdmissionSettings.class)
                .withSection("incentives", IncentiveSettings.class)
                .load(profileIdOrPath);
        return new Licensing(profile, dataSource, audit, submitter, cipher, coreConfig, clock);
    }

    /** The native API's account rules from the profile (HK-29, HK-31): password length, lock-out, sessions, TOTP. */
    NativeApiSettings nativeApiSettings(NativeApiSettings base) {
        AccountRules r = accountRules;
        return base
                .withPasswords(new NativeApiSettings.PasswordRules(r.passwordMinLength(),
                        base.passwords().maxLength()))
                .withLockout(new NativeApiSettings.LockoutRules(r.lockoutFailures(),
                        Duration.ofMinutes(r.lockoutMinutes()), Duration.ofMinutes(r.lockoutMinutes())))
                .withSessions(new NativeApiSettings.SessionRules(Duration.ofMinutes(r.sessionIdleMinutes()),
                        Duration.ofHours(r.sessionAbsoluteHours()), base.sessions().secureCookie()))
                .withTotpRequired(r.totpRequired());
    }

    /**
     * Sends again what the services decided and the core must hold, once the core runs: a command lost to an overload
     * or a crash between a decision and its command is applied now (freezes of screening hits, retail access of
     * admitted assets).
     */
    void reassert() {
        screening.reassertFreezes();
        admission.reassertRetailAccess();
    }

    private void auditSecurityEvent(SecurityEvent event) {
        AuditKind kind = switch (event.type()) {
            case LOGIN -> AuditKind.LOGIN;
            case LOGIN_FAILED -> AuditKind.LOGIN_FAILED;
            case ROLE_CHANGE -> AuditKind.ROLE_CHANGE;
            case PERMISSION_CHANGE -> AuditKind.PERMISSION_CHANGE;
            case APPROVAL_REQUESTED, APPROVAL_APPROVED, APPROVAL_REJECTED -> AuditKind.APPROVAL;
        };
        AuditDetails details = AuditDetails.builder().put("event", event.type().name());
        if (event.detail() != null) {
            details.put("detail", event.detail());
        }
        if (event.clientIp() != null) {
            details.put("ip", event.clientIp());
        }
        audit.append(new AuditEntry(event.at(), kind, actor(event.actorUserId()), "user:" + event.subjectUserId(),
                details.build()));
    }

    private void auditKycDecision(KycCase decided) {
        audit.append(new AuditEntry(decided.reviewedAt(), AuditKind.KYC_DECISION, actor(decided.reviewedBy()),
                "account:" + decided.accountId(), AuditDetails.builder().put("case", decided.caseId())
                        .put("decision", decided.state().name())
                        .put("reason", decided.reviewReason() == null ? "" : decided.reviewReason()).build()));
    }

    private static String actor(Long userId) {
        return userId == null || userId == SecurityEvent.UNKNOWN_USER ? AuditEntry.SYSTEM : "user:" + userId;
    }

    /** @return the sink that records security events in the audit trail. */
    SecurityAuditSink securityAudit() {
        return this::auditSecurityEvent;
    }
}
