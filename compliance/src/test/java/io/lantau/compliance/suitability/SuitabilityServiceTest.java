package io.lantau.compliance.suitability;

import io.lantau.store.EngineTestBase;
import io.lantau.store.dispatch.DirectCommandSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.AccountKind;
import io.lantau.core.InvestorClass;
import io.lantau.core.ResultCode;
import io.lantau.core.command.OpenAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuitabilityServiceTest extends EngineTestBase {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final long CLIENT = 1001;
    private static final long OFFICER = 7;

    private final Set<Long> kycCleared = ConcurrentHashMap.newKeySet();
    private final List<Long> gateChanges = new ArrayList<>();
    private DirectCommandSubmitter submitter;
    private CoreCommands commands;
    private SuitabilityService suitability;
    private ClassificationService classification;

    @BeforeEach
    void setUp() {
        submitter = new DirectCommandSubmitter();
        commands = new CoreCommands(submitter, Duration.ofSeconds(10));
        suitability = service(Suitabilities.HK_VATP);
        classification = new ClassificationService(suitability);
        suitability.addGateListener(gateChanges::add);
        assertThat(commands.send(new OpenAccount(CLIENT, AccountKind.CLIENT, 0))).isEqualTo(ResultCode.OK);
    }

    @AfterEach
    void tearDown() {
        submitter.close();
    }

    private SuitabilityService service(SuitabilitySettings settings) {
        return new SuitabilityService(settings, database.dataSource(), commands, Clock.fixed(NOW, ZoneOffset.UTC),
                kycCleared::contains);
    }

    private long coreLimit() {
        synchronized (submitter) {
            return submitter.core().exposureLimitMinor(CLIENT);
        }
    }

    private InvestorClass coreClass() {
        synchronized (submitter) {
            return submitter.core().investorClass(CLIENT);
        }
    }

    private static void assertRefused(ThrowingCallable call, SuitabilityRefusal code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SuitabilityException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void shouldFindHasKnowledgeWhenTestPassedAndTradingExperienceDeclared() {
        KnowledgeAssessment assessment = suitability.assessKnowledge(CLIENT, Suitabilities.knowledgeable());

        assertThat(assessment.outcome()).isEqualTo(KnowledgeOutcome.HAS);
        assertThat(assessment.scorePercent()).isEqualTo(100);
        assertThat(assessment.passMarkPercent()).isEqualTo(70);
        assertThat(assessment.hasTradingExperience()).isTrue();
        assertThat(assessment.hasTraining()).isFalse();
        assertThat(assessment.assessedAt()).isEqualTo(NOW);
        assertThat(suitability.knowledge(CLIENT)).contains(assessment);
        assertThat(gateChanges).containsExactly(CLIENT);
    }

    @Test
    void shouldKeepTheFollowUpAnswersAsTheAuditRecord() {
        KnowledgeAnswers answers = new KnowledgeAnswers("2023-06-v1", Suitabilities.allCorrect(),
                List.of(new KnowledgeAnswers.Training(KnowledgeAnswers.ProviderType.UNIVERSITY, "HKU SPACE",
                        List.of("blockchain basics", "custody"), 2024)),
                List.of(new KnowledgeAnswers.WorkExperience(KnowledgeAnswers.EmployerType.FINANCIAL_INSTITUTION_OTHER,
                        "A Bank", "teller", 36)),
                List.of());

        suitability.assessKnowledge(CLIENT, answers);

        KnowledgeAssessment stored = suitability.knowledgeHistory(CLIENT).getFirst();
        assertThat(stored.answers()).isEqualTo(answers);
        assertThat(stored.hasTraining()).isTrue();
        assertThat(stored.hasWorkExperience()).as("a bank job outside virtual assets is not VA work").isFalse();
        assertThat(stored.outcome()).isEqualTo(KnowledgeOutcome.HAS);
    }

    @Test
    void shouldFindNoKnowledgeWhenNoTrainingWorkOrTradingAndPassAfterTheTrainingModule() {
        // HK-02: no (a), (b) or (c) → NO whatever the test score; the platform's training is the way through.
        KnowledgeAssessment assessment = suitability.assessKnowledge(CLIENT, Suitabilities.noExperience());

        assertThat(assessment.outcome()).isEqualTo(KnowledgeOutcome.NO);
        assertThat(suitability.readiness(CLIENT).missing()).contains(TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED);

        KnowledgeAssessment training = suitability.completeTraining(CLIENT, "va-basics-2023-06");

        assertThat(training.outcome()).isEqualTo(KnowledgeOutcome.HAS);
        assertThat(training.basis()).isEqualTo(KnowledgeAssessment.Basis.TRAINING);
        assertThat(suitability.readiness(CLIENT).missing()).doesNotContain(TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED);
        assertThat(suitability.knowledgeHistory(CLIENT)).extracting(KnowledgeAssessment::outcome)
                .containsExactly(KnowledgeOutcome.NO, KnowledgeOutcome.HAS);
    }

    @Test
    void shouldFindNoKnowledgeWhenTheScoreIsBelowThePassMark() {
        KnowledgeAnswers answers = new KnowledgeAnswers("2023-06-v1", Suitabilities.withWrong(4), List.of(),
                List.of(), Suitabilities.knowledgeable().tradingExperience());

        KnowledgeAssessment assessment = suitability.assessKnowledge(CLIENT, answers);

        assertThat(assessment.scorePercent()).isEqualTo(60);
        assertThat(assessment.outcome()).isEqualTo(KnowledgeOutcome.NO);
    }

    @Test
    void shouldRefuseAnswersToAnotherQuestionBankAndRecordNothing() {
        KnowledgeAnswers stale = new KnowledgeAnswers("2022-01-v0", Suitabilities.allCorrect(), List.of(), List.of(),
                Suitabilities.knowledgeable().tradingExperience());

        assertRefused(() -> suitability.assessKnowledge(CLIENT, stale), SuitabilityRefusal.STALE_QUESTION_BANK);
        assertRefused(() -> suitability.assessKnowledge(CLIENT, new KnowledgeAnswers("2023-06-v1",
                java.util.Map.of("k01", "b"), null, null, null)), SuitabilityRefusal.INVALID_ANSWERS);
        assertThat(suitability.knowledgeHistory(CLIENT)).isEmpty();
        assertThat(gateChanges).isEmpty();
    }

    @Test
    void shouldSendTheHk04LimitToTheCoreWhenARetailClientIsProfiled() {
        classification.classifyRetail(CLIENT, CLIENT);
        assertThat(coreClass()).isEqualTo(InvestorClass.RETAIL);
        assertThat(coreLimit()).isZero();

        RiskProfile profile = suitability.profileRisk(CLIENT, Suitabilities.hk04Example());

        assertThat(profile.tier()).isEqualTo(RiskTier.HIGH);
        assertThat(profile.tierPercent()).isEqualTo(30);
        assertThat(profile.exposureLimitMinor()).isEqualTo(300_000_00L);
        assertThat(coreLimit()).isEqualTo(300_000_00L);
        assertThat(suitability.riskProfile(CLIENT)).contains(profile);
    }

    @Test
    void shouldChangeTheTierAndTheLimitWhenTheClientIsProfiledAgain() {
        classification.classifyRetail(CLIENT, CLIENT);
        suitability.profileRisk(CLIENT, Suitabilities.hk04Example());

        RiskProfile again = suitability.profileRisk(CLIENT, new RiskProfileAnswers("2023-06-v1",
                Suitabilities.lowRisk(), 1_000_000_00L, 20_000_00L));

        assertThat(again.tier()).isEqualTo(RiskTier.LOW);
        assertThat(again.exposureLimitMinor()).isEqualTo(80_000_00L);
        assertThat(coreLimit()).isEqualTo(80_000_00L);
    }

    @Test
    void shouldSendTheStoredLimitWhenTheClientIsClassifiedRetailAfterProfiling() {
        suitability.profileRisk(CLIENT, Suitabilities.hk04Example());
        assertThat(coreClass()).as("not classified yet: the core is not told").isEqualTo(InvestorClass.PROFESSIONAL);

        classification.classifyRetail(CLIENT, CLIENT);

        assertThat(coreClass()).isEqualTo(InvestorClass.RETAIL);
        assertThat(coreLimit()).isEqualTo(300_000_00L);
    }

    @Test
    void shouldRefuseAStaleQuestionnaireOrBadFinancialsAndChangeNothing() {
        classification.classifyRetail(CLIENT, CLIENT);
        int commandsBefore = submitter.submitted().size();

        assertRefused(() -> suitability.profileRisk(CLIENT, new RiskProfileAnswers("2020-01-v1",
                Suitabilities.highRisk(), 1_000_000_00L, 0)), SuitabilityRefusal.STALE_QUESTIONNAIRE);
        assertRefused(() -> suitability.profileRisk(CLIENT, new RiskProfileAnswers("2023-06-v1",
                Suitabilities.highRisk(), -1, 0)), SuitabilityRefusal.INVALID_FINANCIALS);
        assertRefused(() -> suitability.profileRisk(CLIENT, new RiskProfileAnswers("2023-06-v1",
                Suitabilities.highRisk(), Long.MAX_VALUE, 0)), SuitabilityRefusal.INVALID_FINANCIALS);
        assertRefused(() -> suitability.profileRisk(CLIENT, new RiskProfileAnswers("2023-06-v1",
                java.util.Map.of("r01", "a"), 1_000_000_00L, 0)), SuitabilityRefusal.INVALID_ANSWERS);

        assertThat(suitability.riskProfile(CLIENT)).isEmpty();
        assertThat(submitter.submitted()).hasSize(commandsBefore);
    }

    @Test
    void shouldRecordNothingWhenTheCoreRefusesOrCannotBeReached() {
        long unknown = 999_999;
        classification.classifyRetail(CLIENT, CLIENT);

        assertRefused(() -> classification.classifyRetail(unknown, unknown), SuitabilityRefusal.CORE_REFUSED);
        submitter.queueFull(true);
        assertRefused(() -> suitability.profileRisk(CLIENT, Suitabilities.hk04Example()),
                SuitabilityRefusal.CORE_UNAVAILABLE);

        assertThat(classification.classification(unknown)).isEmpty();
        assertThat(suitability.riskProfile(CLIENT)).isEmpty();
    }

    @Test
    void shouldRecordTheAcknowledgementWithVersionTimeAndIp() {
        DisclosureText text = suitability.disclosure("en");

        DisclosureAcknowledgement ack = suitability.acknowledgeDisclosure(CLIENT, text.version(), "en", text.sha256(),
                "203.0.113.7");

        assertThat(ack.version()).isEqualTo("SCH2-2023-06");
        assertThat(ack.textSha256()).isEqualTo(text.sha256());
        assertThat(ack.ip()).isEqualTo("203.0.113.7");
        assertThat(ack.acknowledgedAt()).isEqualTo(NOW);
        assertThat(suitability.disclosureAcknowledgement(CLIENT)).contains(ack);
    }

    @Test
    void shouldRefuseAnAcknowledgementOfAnotherVersionOrTextOrWithoutIp() {
        DisclosureText text = suitability.disclosure("en");

        assertRefused(() -> suitability.acknowledgeDisclosure(CLIENT, "SCH2-2022-01", "en", text.sha256(), "1.2.3.4"),
                SuitabilityRefusal.STALE_DISCLOSURE_VERSION);
        assertRefused(() -> suitability.acknowledgeDisclosure(CLIENT, text.version(), "en", "0".repeat(64),
                "1.2.3.4"), SuitabilityRefusal.STALE_DISCLOSURE_VERSION);
        assertRefused(() -> suitability.acknowledgeDisclosure(CLIENT, text.version(), "fr", text.sha256(),
                "1.2.3.4"), SuitabilityRefusal.STALE_DISCLOSURE_VERSION);
        assertRefused(() -> suitability.acknowledgeDisclosure(CLIENT, text.version(), "en", text.sha256(), " "),
                SuitabilityRefusal.MISSING_IP);
        assertThat(suitability.disclosureAcknowledgement(CLIENT)).isEmpty();
    }

    @Test
    void shouldNotCountAnAcknowledgementOfAnOlderVersion() {
        suitability.store().insertAcknowledgement(new DisclosureAcknowledgement(0, CLIENT, "SCH2-2022-01", "en",
                "ab".repeat(32), "1.2.3.4", NOW));

        assertThat(suitability.readiness(CLIENT).missing()).contains(TradingGate.DISCLOSURE_ACK_REQUIRED);
    }

    @Test
    void shouldListEveryMissingGateInOrderUntilEachHolds() {
        assertThat(suitability.readiness(CLIENT).missing()).containsExactly(TradingGate.KYC_PENDING,
                TradingGate.CLASSIFICATION_REQUIRED, TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED,
                TradingGate.RISK_PROFILE_REQUIRED, TradingGate.DISCLOSURE_ACK_REQUIRED);

        classification.classifyRetail(CLIENT, CLIENT);
        suitability.assessKnowledge(CLIENT, Suitabilities.knowledgeable());
        suitability.profileRisk(CLIENT, Suitabilities.hk04Example());
        assertThat(suitability.readiness(CLIENT).missing()).containsExactly(TradingGate.KYC_PENDING,
                TradingGate.DISCLOSURE_ACK_REQUIRED);

        DisclosureText text = suitability.disclosure("en");
        suitability.acknowledgeDisclosure(CLIENT, text.version(), "en", text.sha256(), "1.2.3.4");
        kycCleared.add(CLIENT);

        assertThat(suitability.readiness(CLIENT).ready()).isTrue();
        assertThat(suitability.isReadyToTrade(CLIENT)).isTrue();
    }

    @Test
    void shouldSkipTheRetailGatesWhenTheClientIsProfessional() {
        kycCleared.add(CLIENT);
        classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("portfolio statement 2025-02-28, HK$9.2m", "c0".repeat(32), OFFICER),
                OFFICER);

        assertThat(suitability.readiness(CLIENT).ready()).isTrue();
    }

    @Test
    void shouldRefuseRetailStepsAndNeedOnlyKycWhenTheProfileHasNoRetailGates() {
        SuitabilityService open = service(Suitabilities.OPEN);

        assertRefused(() -> open.assessKnowledge(CLIENT, Suitabilities.knowledgeable()),
                SuitabilityRefusal.GATES_NOT_APPLICABLE);
        assertRefused(open::questionBank, SuitabilityRefusal.GATES_NOT_APPLICABLE);
        assertThat(open.readiness(CLIENT).missing()).containsExactly(TradingGate.KYC_PENDING);
        kycCleared.add(CLIENT);
        assertThat(open.readiness(CLIENT).ready()).isTrue();
    }
}
