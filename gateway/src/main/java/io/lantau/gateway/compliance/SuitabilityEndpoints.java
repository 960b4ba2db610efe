package io.lantau.gateway.compliance;

import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.DisclosureText;
import io.lantau.compliance.suitability.KnowledgeAnswers;
import io.lantau.compliance.suitability.QuestionBank;
import io.lantau.compliance.suitability.Readiness;
import io.lantau.compliance.suitability.RiskProfileAnswers;
import io.lantau.compliance.suitability.RiskQuestionnaire;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.compliance.suitability.TradingGate;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client's suitability gates before trading (HK-01 .. HK-04, HK-08), always for the session's own account.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code GET /suitability}</td><td>200 readiness: {@code {accountId, status, ready, missing, gates,
 * classification, knowledge, riskProfile, disclosure}}</td></tr>
 * <tr><td>{@code POST /suitability/retail-declaration}</td><td>201 the classification (RETAIL), if none yet</td></tr>
 * <tr><td>{@code GET /suitability/knowledge-test}</td><td>200 {@code {version, title, passMarkPercent,
 * questions}} without answers</td></tr>
 * <tr><td>{@code POST /suitability/knowledge-test {questionBankVersion, answers: [{question, option}], training?,
 * workExperience?, tradingExperience?}}</td><td>201 the assessment</td></tr>
 * <tr><td>{@code POST /suitability/training/{moduleId}}</td><td>201 the completion</td></tr>
 * <tr><td>{@code GET /suitability/risk-questionnaire}</td><td>200 {@code {version, title, questions}}</td></tr>
 * <tr><td>{@code POST /suitability/risk-profile {questionnaireVersion, answers: [{question, option}],
 * netWorthMinor, otherVirtualAssetsMinor}}</td><td>201 the profile with its exposure limit</td></tr>
 * <tr><td>{@code GET /suitability/disclosure?lang=en}</td><td>200 {@code {version, language, title, statements,
 * text, sha256}}</td></tr>
 * <tr><td>{@code POST /suitability/disclosure {version, language, textSha256}}</td><td>201 the acknowledgement
 * </td></tr>
 * </table>
 */
public final class SuitabilityEndpoints implements EndpointGroup {
    private static final Set<String> KNOWLEDGE_FIELDS = Set.of("questionBankVersion", "answers", "training",
            "workExperience", "tradingExperience");
    private static final Set<String> ANSWER_FIELDS = Set.of("question", "option");
    private static final Set<String> TRAINING_FIELDS = Set.of("providerType", "providerName", "topics",
            "completedYear");
    private static final Set<String> WORK_FIELDS = Set.of("employerType", "employerName", "role", "months");
    private static final Set<String> TRADING_FIELDS = Set.of("assets", "volumeMinor", "frequency", "periodMonths");
    private static final Set<String> RISK_FIELDS = Set.of("questionnaireVersion", "answers", "netWorthMinor",
            "otherVirtualAssetsMinor");
    private static final Set<String> ACK_FIELDS = Set.of("version", "language", "textSha256");
    private static final Pattern MODULE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    private static final int MAX_ANSWERS = 100;
    private static final int MAX_EXPERIENCES = 20;
    private static final int MAX_ID = 32;
    private static final int MAX_TEXT = 256;
    private static final int MAX_VERSION = 64;

    private final java.util.function.LongUnaryOperator exposure;
    private final OnboardingService onboarding;
    private final SuitabilityService suitability;
    private final ClassificationService classification;

    public SuitabilityEndpoints(OnboardingService onboarding, SuitabilityService suitability,
            ClassificationService classification) {
        this(onboarding, suitability, classification, null);
    }

    /** @param exposure account id to its current exposure (HK-04), shown in the readiness; null for none. */
    public SuitabilityEndpoints(OnboardingService onboarding, SuitabilityService suitability,
            ClassificationService classification, java.util.function.LongUnaryOperator exposure) {
        this.exposure = exposure;
        this.onboarding = Objects.requireNonNull(onboarding);
        this.suitability = Objects.requireNonNull(suitability);
        this.classification = Objects.requireNonNull(classification);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.GET, "/suitability", Access.SESSION, this::readiness);
        routes.add(HttpMethod.POST, "/suitability/retail-declaration", Access.SESSION_CHANGE, this::declareRetail);
        routes.add(HttpMethod.GET, "/suitability/knowledge-test", Access.SESSION, this::knowledgeTest);
        routes.add(HttpMethod.POST, "/suitability/knowledge-test", Access.SESSION_CHANGE, this::assessKnowledge);
        routes.add(HttpMethod.POST, "/suitability/training/:moduleId", Access.SESSION_CHANGE, this::training);
        routes.add(HttpMethod.GET, "/suitability/risk-questionnaire", Access.SESSION, this::riskQuestionnaire);
        routes.add(HttpMethod.POST, "/suitability/risk-profile", Access.SESSION_CHANGE, this::profileRisk);
        routes.add(HttpMethod.GET, "/suitability/disclosure", Access.SESSION, this::disclosure);
        routes.add(HttpMethod.POST, "/suitability/disclosure", Access.SESSION_CHANGE, this::acknowledge);
    }

    /** Each gate with whether it holds; the records behind them; the exposure limit (HK-04) if profiled. */
    Reply readiness(NativeRequest request, Session session) {
        long account = session.userId();
        Readiness readiness = suitability.readiness(account);
        JsonObject gates = new JsonObject();
        for (TradingGate gate : TradingGate.values()) {
            gates.put(gate.name(), !readiness.missing().contains(gate));
        }
        return Reply.ok(new JsonObject().put("accountId", account)
                .put("status", onboarding.account(account).map(a -> a.status().name()).orElse(null))
                .put("retailGates", suitability.settings().retailGates())
                .put("ready", readiness.ready()).put("missing", ComplianceRoutes.names(readiness.missing()))
                .put("gates", gates)
                .put("classification", suitability.classification(account).map(SuitabilityViews::classification)
                        .orElse(null))
                .put("knowledge", suitability.knowledge(account).map(SuitabilityViews::knowledge).orElse(null))
                .put("riskProfile", suitability.riskProfile(account).map(SuitabilityViews::riskProfile)
                        .orElse(null))
                .put("disclosure", suitability.disclosureAcknowledgement(account)
                        .map(SuitabilityViews::acknowledgement).orElse(null))
                // HK-04: what the core counts against the limit now (holdings and resting buys at reference prices).
                .put("exposureMinor", exposure == null ? null : exposure.applyAsLong(account)));
    }

    /**
     * The client declares itself a retail investor (HK-01: the default for anyone not shown to be professional);
     * a professional classification, or any change, is a compliance officer's ({@code POST /staff/classifications}).
     */
    Reply declareRetail(NativeRequest request, Session session) {
        Inputs.noFields(request);
        if (classification.classification(session.userId()).isPresent()) {
            throw new NativeException(ComplianceError.ALREADY_CLASSIFIED);
        }
        return Reply.created(SuitabilityViews.classification(
                classification.classifyRetail(session.userId(), session.userId())));
    }

    Reply knowledgeTest(NativeRequest request, Session session) {
        QuestionBank bank = suitability.questionBank();
        return Reply.ok(new JsonObject().put("version", bank.version()).put("title", bank.title())
                .put("passMarkPercent", suitability.settings().knowledgePassMarkPercent())
                .put("questions", SuitabilityViews.questions(bank.questions())));
    }

    Reply assessKnowledge(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(KNOWLEDGE_FIELDS);
        String version = Inputs.text(body, "questionBankVersion", MAX_VERSION, true);
        Map<String, String> answers = answers(body);
        List<KnowledgeAnswers.Training> training = new ArrayList<>();
        for (JsonBody t : body.optionalObjects("training", MAX_EXPERIENCES)) {
            t.allowOnly(TRAINING_FIELDS);
            training.add(new KnowledgeAnswers.Training(
                    Inputs.enumValue(t, "providerType", KnowledgeAnswers.ProviderType.class),
                    Inputs.text(t, "providerName", MAX_TEXT, false),
                    t.optionalStrings("topics", MAX_EXPERIENCES, MAX_TEXT),
                    (int) t.requiredLong("completedYear", 1900, 9999)));
        }
        List<KnowledgeAnswers.WorkExperience> work = new ArrayList<>();
        for (JsonBody w : body.optionalObjects("workExperience", MAX_EXPERIENCES)) {
            w.allowOnly(WORK_FIELDS);
            work.add(new KnowledgeAnswers.WorkExperience(
                    Inputs.enumValue(w, "employerType", KnowledgeAnswers.EmployerType.class),
                    Inputs.text(w, "employerName", MAX_TEXT, false),
                    Inputs.text(w, "role", MAX_TEXT, true),
                    (int) w.requiredLong("months", 0, 1200)));
        }
        List<KnowledgeAnswers.TradingExperience> trading = new ArrayList<>();
        for (JsonBody t : body.optionalObjects("tradingExperience", MAX_EXPERIENCES)) {
            t.allowOnly(TRADING_FIELDS);
            trading.add(new KnowledgeAnswers.TradingExperience(
                    t.optionalStrings("assets", MAX_EXPERIENCES, MAX_ID),
                    Inputs.minorUnits(t, "volumeMinor"),
                    Inputs.enumValue(t, "frequency", KnowledgeAnswers.Frequency.class),
                    (int) t.requiredLong("periodMonths", 0, 1200)));
        }
        return Reply.created(SuitabilityViews.knowledge(suitability.assessKnowledge(session.userId(),
                new KnowledgeAnswers(version, answers, training, work, trading))));
    }

    /**
     * The client reports that it completed the platform's training module (HK-02: the path after a NO); the module's
     * own quiz, if any, is the training content's job.
     */
    Reply training(NativeRequest request, Session session) {
        Inputs.noFields(request);
        String moduleId = request.pathParam("moduleId");
        if (moduleId == null || !MODULE_ID.matcher(moduleId).matches()) {
            throw new NativeException(ComplianceError.MALFORMED_ID, "moduleId: 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return Reply.created(SuitabilityViews.knowledge(suitability.completeTraining(session.userId(), moduleId)));
    }

    Reply riskQuestionnaire(NativeRequest request, Session session) {
        RiskQuestionnaire questionnaire = suitability.riskQuestionnaire();
        JsonArray questions = new JsonArray();
        questionnaire.questions().forEach(q -> questions.add(SuitabilityViews.question(q.id(), q.text(),
                q.options())));
        return Reply.ok(new JsonObject().put("version", questionnaire.version()).put("title", questionnaire.title())
                .put("questions", questions));
    }

    Reply profileRisk(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(RISK_FIELDS);
        RiskProfileAnswers answers = new RiskProfileAnswers(
                Inputs.text(body, "questionnaireVersion", MAX_VERSION, true), answers(body),
                Inputs.minorUnits(body, "netWorthMinor"), Inputs.minorUnits(body, "otherVirtualAssetsMinor"));
        return Reply.created(SuitabilityViews.riskProfile(suitability.profileRisk(session.userId(), answers)));
    }

    Reply disclosure(NativeRequest request, Session session) {
        String language = request.queryParam("lang") == null ? "en" : request.queryParam("lang");
        if (!LANGUAGE.matcher(language).matches()) {
            throw new NativeException(NativeError.INVALID_VALUE, "lang: a language tag such as en");
        }
        DisclosureText text;
        try {
            text = suitability.disclosure(language);
        } catch (IllegalArgumentException e) {
            throw new NativeException(ComplianceError.UNKNOWN_LANGUAGE, language);
        }
        return Reply.ok(new JsonObject().put("version", text.version()).put("language", text.language())
                .put("title", text.title()).put("statements", new JsonArray(text.statements()))
                .put("text", text.text()).put("sha256", text.sha256()));
    }

    /** Records the acknowledgement with the client's IP address (HK-08, HK-23). */
    Reply acknowledge(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(ACK_FIELDS);
        String version = Inputs.text(body, "version", MAX_VERSION, true);
        String language = Inputs.text(body, "language", 16, true);
        String sha256 = Inputs.text(body, "textSha256", 64, true);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new NativeException(NativeError.INVALID_VALUE, "language");
        }
        return Reply.created(SuitabilityViews.acknowledgement(suitability.acknowledgeDisclosure(session.userId(),
                version, language, sha256, request.clientIp())));
    }

    /** @return {@code answers: [{question, option}]} as a map; each question once. */
    private static Map<String, String> answers(JsonBody body) {
        Map<String, String> answers = new HashMap<>();
        for (JsonBody a : body.optionalObjects("answers", MAX_ANSWERS)) {
            a.allowOnly(ANSWER_FIELDS);
            String question = Inputs.text(a, "question", MAX_ID, true);
            if (answers.put(question, Inputs.text(a, "option", MAX_ID, true)) != null) {
                throw new NativeException(NativeError.INVALID_VALUE, "answers: question " + question + " twice");
            }
        }
        return answers;
    }
}
