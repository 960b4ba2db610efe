package io.lantau.compliance.suitability;

import io.lantau.core.InvestorClass;
import io.lantau.core.ResultCode;
import io.lantau.core.command.SetInvestorProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Retail suitability (HK-02 .. HK-04, HK-08): the knowledge assessment and its training path, the risk profile with
 * its tier and exposure limit, acknowledgement of the Schedule 2 disclosures, and whether a client has passed every
 * gate before it may trade ({@link #readiness}).
 *
 * <p>Decides and records; the core enforces. When a RETAIL client's limit changes this service sends
 * {@code SetInvestorProfile(account, RETAIL, limit)} and records the profile only once the core has accepted it.
 * Listeners added with {@link #addGateListener} hear of every recorded change that may open a gate (the onboarding
 * service activates the account when all hold).
 *
 * <p>Thread-safe: changes to one account are serialised; reads take no lock. Times come from the clock given.
 */
public final class SuitabilityService {
    private static final int LOCK_STRIPES = 64;
    private static final int MAX_MODULE_ID = 64;
    private static final int MAX_IP = 45;

    private final SuitabilitySettings settings;
    private final SuitabilityStore store;
    private final CoreCommands core;
    private final Clock clock;
    private final KycGate kycGate;
    private final QuestionBank questionBank;
    private final RiskQuestionnaire riskQuestionnaire;
    private final DisclosureText disclosureEn;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final List<LongConsumer> gateListeners = new CopyOnWriteArrayList<>();

    /**
     * @param settings  the profile's {@code suitability} section; with retail gates on, its question bank,
     *                  questionnaire and English disclosure text must exist as resources.
     * @param dataSource the migrated store.
     * @param core      how commands reach the core.
     * @param clock     the wall clock records are stamped with.
     * @param kycGate   whether an account's KYC is cleared (the onboarding package's answer).
     * @throws IllegalArgumentException if a versioned resource the settings name is missing or malformed.
     */
    public SuitabilityService(SuitabilitySettings settings, DataSource dataSource, CoreCommands core, Clock clock,
            KycGate kycGate) {
        this.settings = Objects.requireNonNull(settings);
        this.store = new SuitabilityStore(Objects.requireNonNull(dataSource));
        this.core = Objects.requireNonNull(core);
        this.clock = Objects.requireNonNull(clock);
        this.kycGate = Objects.requireNonNull(kycGate);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        if (settings.retailGates()) {
            this.questionBank = QuestionBank.load(settings.knowledgeQuestionBankVersion());
            this.riskQuestionnaire = RiskQuestionnaire.load(settings.riskQuestionnaireVersion());
            this.disclosureEn = DisclosureText.load(settings.disclosureVersion(), "en");
        } else {
            this.questionBank = null;
            this.riskQuestionnaire = null;
            this.disclosureEn = null;
        }
    }

    /** @return the settings in force. */
    public SuitabilitySettings settings() {
        return settings;
    }

    /**
     * Adds a listener told the account id after every recorded classification, assessment, training completion,
     * risk profile or acknowledgement. Called on the caller's thread, after the change's lock is released; it must
     * not throw.
     */
    public void addGateListener(LongConsumer listener) {
        gateListeners.add(Objects.requireNonNull(listener));
    }

    /**
     * @return the knowledge test in force (questions without answers).
     * @throws SuitabilityException {@link SuitabilityRefusal#GATES_NOT_APPLICABLE} if the profile has no retail gates.
     */
    public QuestionBank questionBank() {
        requireGates();
        return questionBank;
    }

    /** @return the risk questionnaire in force; GATES_NOT_APPLICABLE as {@link #questionBank()}. */
    public RiskQuestionnaire riskQuestionnaire() {
        requireGates();
        return riskQuestionnaire;
    }

    /**
     * @param language a language tag; "en" exists (HK-08 text in Chinese follows).
     * @return the Schedule 2 disclosure text in force in that language.
     * @throws SuitabilityException GATES_NOT_APPLICABLE as {@link #questionBank()}.
     * @throws IllegalArgumentException if there is no text in that language.
     */
    public DisclosureText disclosure(String language) {
        requireGates();
        return "en".equals(language) ? disclosureEn : DisclosureText.load(settings.disclosureVersion(), language);
    }

    /**
     * Scores and records a knowledge assessment (HK-02). The outcome is HAS when the test score reaches the profile's
     * pass mark AND at least one of the SFC's criteria holds: (a) a course on virtual assets naming at least one
     * topic, (b) work with a virtual-asset-related employer in a stated role for at least a month, (c) prior trading
     * of at least one virtual asset with a positive volume over at least a month. Otherwise NO, and the client must
     * complete the training module ({@link #completeTraining}). A NO is recorded too, as it is an assessment.
     *
     * @throws SuitabilityException GATES_NOT_APPLICABLE; STALE_QUESTION_BANK (HK-02) if the answers are for another
     *                              bank version; INVALID_ANSWERS (HK-02) if a test answer is missing or unknown.
     */
    public KnowledgeAssessment assessKnowledge(long accountId, KnowledgeAnswers answers) {
        requireGates();
        Objects.requireNonNull(answers, "answers");
        if (!questionBank.version().equals(answers.questionBankVersion())) {
            throw new SuitabilityException(SuitabilityRefusal.STALE_QUESTION_BANK, "answers are for question bank "
                    + answers.questionBankVersion() + ", " + questionBank.version() + " is in force");
        }
        int score = questionBank.scorePercent(answers.testAnswers());
        boolean training = answers.training().stream().anyMatch(t -> t.providerType() != null
                && t.topics().stream().anyMatch(topic -> topic != null && !topic.isBlank()));
        boolean work = answers.workExperience().stream().anyMatch(w -> w.employerType() != null
                && w.employerType().virtualAssetRelated() && w.role() != null && !w.role().isBlank()
                && w.months() >= 1);
        boolean trading = answers.tradingExperience().stream().anyMatch(t -> !t.assets().isEmpty()
                && t.volumeMinor() > 0 && t.periodMonths() >= 1 && t.frequency() != null);
        boolean passed = score >= settings.knowledgePassMarkPercent() && (training || work || trading);
        KnowledgeAssessment assessment = new KnowledgeAssessment(0, accountId, KnowledgeAssessment.Basis.ASSESSMENT,
                passed ? KnowledgeOutcome.HAS : KnowledgeOutcome.NO, questionBank.version(), score,
                settings.knowledgePassMarkPercent(), training, work, trading, null, answers, clock.instant());
        KnowledgeAssessment recorded;
        synchronized (lockFor(accountId)) {
            recorded = store.insertKnowledge(assessment);
        }
        gatesChanged(accountId);
        return recorded;
    }

    /**
     * Records that the client completed the platform's virtual-asset training module: the path for a client assessed
     * as having no knowledge (HK-02). The knowledge gate then holds. Call it when the module (and any quiz it ends
     * with) is completed.
     *
     * @param moduleId the module and its version, 1 to 64 characters (e.g. "va-basics-2023-06").
     * @throws SuitabilityException GATES_NOT_APPLICABLE.
     * @throws IllegalArgumentException if the module id is blank or too long.
     */
    public KnowledgeAssessment completeTraining(long accountId, String moduleId) {
        requireGates();
        if (moduleId == null || moduleId.isBlank() || moduleId.length() > MAX_MODULE_ID) {
            throw new IllegalArgumentException("module id must be 1 to " + MAX_MODULE_ID + " characters");
        }
        KnowledgeAssessment completion = new KnowledgeAssessment(0, accountId, KnowledgeAssessment.Basis.TRAINING,
                KnowledgeOutcome.HAS, null, 0, 0, false, false, false, moduleId, null, clock.instant());
        KnowledgeAssessment recorded;
        synchronized (lockFor(accountId)) {
            recorded = store.insertKnowledge(completion);
        }
        gatesChanged(accountId);
        return recorded;
    }

    /**
     * Scores a risk-profiling questionnaire into a tier (HK-03) and computes the exposure limit (HK-04):
     * {@code max(0, floor(netWorth × tierPercent / 100) − otherVirtualAssets)}. If the client is classified RETAIL,
     * sends {@code SetInvestorProfile(account, RETAIL, limit)} first and records the profile only if the core accepts
     * it; otherwise records it for later (classification as retail sends the limit then).
     *
     * @throws SuitabilityException GATES_NOT_APPLICABLE; STALE_QUESTIONNAIRE (HK-03); INVALID_ANSWERS (HK-03);
     *                              INVALID_FINANCIALS (HK-04); CORE_UNAVAILABLE; CORE_REFUSED.
     */
    public RiskProfile profileRisk(long accountId, RiskProfileAnswers answers) {
        requireGates();
        Objects.requireNonNull(answers, "answers");
        if (!riskQuestionnaire.version().equals(answers.questionnaireVersion())) {
            throw new SuitabilityException(SuitabilityRefusal.STALE_QUESTIONNAIRE, "answers are for questionnaire "
                    + answers.questionnaireVersion() + ", " + riskQuestionnaire.version() + " is in force");
        }
        RiskQuestionnaire.Score score = riskQuestionnaire.score(answers.answers());
        int percent = settings.exposurePercent(score.tier());
        long limit;
        try {
            limit = ExposureLimit.compute(answers.netWorthMinor(), percent, answers.otherVirtualAssetsMinor());
        } catch (ArithmeticException e) {
            throw new SuitabilityException(SuitabilityRefusal.INVALID_FINANCIALS,
                    "net worth and other virtual assets must be ≥ 0 and small enough to compute a limit from");
        }
        RiskProfile recorded;
        synchronized (lockFor(accountId)) {
            Optional<Classification> classification = store.latestClassification(accountId);
            if (classification.isPresent() && classification.get().investorClass() == InvestorClass.RETAIL) {
                send(new SetInvestorProfile(accountId, InvestorClass.RETAIL, limit));
            }
            recorded = store.insertRiskProfile(new RiskProfile(0, accountId, riskQuestionnaire.version(),
                    answers.answers(), score.points(), score.tier(), answers.netWorthMinor(),
                    answers.otherVirtualAssetsMinor(), percent, limit, clock.instant()));
        }
        gatesChanged(accountId);
        return recorded;
    }

    /**
     * Records the client's acknowledgement of the Schedule 2 risk disclosures (HK-08) with the time and the client's
     * IP address.
     *
     * @param version    the disclosure version the client was shown.
     * @param language   the language it was shown in.
     * @param textSha256 the SHA-256 of the text shown ({@link DisclosureText#sha256()}).
     * @param ip         the client's IP address.
     * @throws SuitabilityException GATES_NOT_APPLICABLE; STALE_DISCLOSURE_VERSION (HK-08) if the version or the text
     *                              is not the one in force; MISSING_IP (HK-08, HK-23).
     */
    public DisclosureAcknowledgement acknowledgeDisclosure(long accountId, String version, String language,
            String textSha256, String ip) {
        requireGates();
        if (ip == null || ip.isBlank() || ip.length() > MAX_IP) {
            throw new SuitabilityException(SuitabilityRefusal.MISSING_IP, "the client's IP address is required");
        }
        DisclosureText current;
        try {
            current = disclosure(language);
        } catch (IllegalArgumentException e) {
            throw new SuitabilityException(SuitabilityRefusal.STALE_DISCLOSURE_VERSION,
                    "no disclosure text in language " + language);
        }
        if (!current.version().equals(version) || !current.sha256().equals(textSha256)) {
            throw new SuitabilityException(SuitabilityRefusal.STALE_DISCLOSURE_VERSION,
                    "disclosure " + version + " is not the one in force (" + current.version() + ")");
        }
        DisclosureAcknowledgement recorded;
        synchronized (lockFor(accountId)) {
            recorded = store.insertAcknowledgement(new DisclosureAcknowledgement(0, accountId, version, language,
                    textSha256, ip, clock.instant()));
        }
        gatesChanged(accountId);
        return recorded;
    }

    /** @return the knowledge assessment in force (the latest), if any. */
    public Optional<KnowledgeAssessment> knowledge(long accountId) {
        return store.latestKnowledge(accountId);
    }

    /** @return every knowledge assessment and training completion of the account, oldest first (the audit record). */
    public List<KnowledgeAssessment> knowledgeHistory(long accountId) {
        return store.knowledgeHistory(accountId);
    }

    /** @return the risk profile in force (the latest), if any. */
    public Optional<RiskProfile> riskProfile(long accountId) {
        return store.latestRiskProfile(accountId);
    }

    /** @return the latest disclosure acknowledgement, if any (it may be of an older version). */
    public Optional<DisclosureAcknowledgement> disclosureAcknowledgement(long accountId) {
        return store.latestAcknowledgement(accountId);
    }

    /** @return the classification in force, if any (HK-01). */
    public Optional<Classification> classification(long accountId) {
        return store.latestClassification(accountId);
    }

    /**
     * Which gates the client still misses before it may trade: KYC (always, per the onboarding profile); with retail
     * gates on, the classification (HK-01) and, for a client not classified PROFESSIONAL, the knowledge assessment
     * (HK-02), the risk profile (HK-03, HK-04) and the acknowledgement of the disclosure text in force (HK-08; an
     * older version or a changed text does not count).
     */
    public Readiness readiness(long accountId) {
        List<TradingGate> missing = new ArrayList<>();
        if (!kycGate.kycCleared(accountId)) {
            missing.add(TradingGate.KYC_PENDING);
        }
        if (settings.retailGates()) {
            Optional<Classification> classification = store.latestClassification(accountId);
            if (classification.isEmpty()) {
                missing.add(TradingGate.CLASSIFICATION_REQUIRED);
            }
            if (classification.isEmpty() || classification.get().investorClass() == InvestorClass.RETAIL) {
                if (store.latestKnowledge(accountId).map(k -> k.outcome() != KnowledgeOutcome.HAS).orElse(true)) {
                    missing.add(TradingGate.KNOWLEDGE_ASSESSMENT_REQUIRED);
                }
                if (store.latestRiskProfile(accountId).isEmpty()) {
                    missing.add(TradingGate.RISK_PROFILE_REQUIRED);
                }
                boolean acknowledged = store.latestAcknowledgement(accountId)
                        .map(a -> a.version().equals(disclosureEn.version()) && currentText(a))
                        .orElse(false);
                if (!acknowledged) {
                    missing.add(TradingGate.DISCLOSURE_ACK_REQUIRED);
                }
            }
        }
        return new Readiness(accountId, missing);
    }

    /** @return true if {@link #readiness} finds no gate missing. */
    public boolean isReadyToTrade(long accountId) {
        return readiness(accountId).ready();
    }

    private boolean currentText(DisclosureAcknowledgement a) {
        try {
            return disclosure(a.language()).sha256().equals(a.textSha256());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Object lockFor(long accountId) {
        return locks[(int) (accountId & (LOCK_STRIPES - 1))];
    }

    SuitabilityStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** Sends a command and maps the core's refusal or silence to a refusal code. */
    void send(SetInvestorProfile command) {
        ResultCode code;
        try {
            code = core.send(command);
        } catch (CoreCommands.Unavailable e) {
            throw new SuitabilityException(SuitabilityRefusal.CORE_UNAVAILABLE, e.getMessage());
        }
        if (code != ResultCode.OK) {
            throw new SuitabilityException(SuitabilityRefusal.CORE_REFUSED, "the core answered " + code + " to "
                    + command);
        }
    }

    void gatesChanged(long accountId) {
        for (LongConsumer listener : gateListeners) {
            listener.accept(accountId);
        }
    }

    private void requireGates() {
        if (!settings.retailGates()) {
            throw new SuitabilityException(SuitabilityRefusal.GATES_NOT_APPLICABLE,
                    "the profile in force has no retail suitability gates");
        }
    }
}
