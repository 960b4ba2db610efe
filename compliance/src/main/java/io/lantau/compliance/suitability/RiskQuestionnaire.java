package io.lantau.compliance.suitability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned risk-profiling questionnaire (HK-03): each option carries points, the total picks the tier by the
 * lowest score of each tier. Read from the resource {@code risk-<version>.json} beside this class; a published
 * questionnaire is never edited. Scoring is deterministic: the same answers always give the same score and tier.
 * Immutable and thread-safe.
 */
public final class RiskQuestionnaire {
    private final String version;
    private final String title;
    private final List<Question> questions;
    private final Map<String, Map<String, Integer>> points;
    private final Map<RiskTier, Integer> tierMinScore;

    private RiskQuestionnaire(String version, String title, List<Question> questions,
            Map<String, Map<String, Integer>> points, Map<RiskTier, Integer> tierMinScore) {
        this.version = version;
        this.title = title;
        this.questions = List.copyOf(questions);
        this.points = Map.copyOf(points);
        this.tierMinScore = new EnumMap<>(tierMinScore);
    }

    /**
     * Loads a questionnaire.
     *
     * @throws IllegalArgumentException if there is none of that version or it is malformed (no questions, duplicate
     *                                  ids, negative points, tiers missing or not rising, LOW not starting at 0).
     */
    public static RiskQuestionnaire load(String version) {
        JsonNode root = Resources.json("risk-" + Resources.checkVersion(version) + ".json");
        if (!version.equals(Resources.text(root, "version"))) {
            throw new IllegalArgumentException("risk questionnaire file " + version + " says it is "
                    + root.get("version"));
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Map<String, Integer>> points = new HashMap<>();
        for (JsonNode q : root.path("questions")) {
            String id = Resources.text(q, "id");
            List<QuestionBank.Option> options = new ArrayList<>();
            Map<String, Integer> optionPoints = new HashMap<>();
            for (JsonNode o : q.path("options")) {
                String optionId = Resources.text(o, "id");
                int p = o.path("points").asInt(-1);
                if (p < 0 || optionPoints.put(optionId, p) != null) {
                    throw new IllegalArgumentException("question " + id + ": option " + optionId
                            + " repeated or without points");
                }
                options.add(new QuestionBank.Option(optionId, Resources.text(o, "text")));
            }
            if (options.isEmpty() || points.put(id, Map.copyOf(optionPoints)) != null) {
                throw new IllegalArgumentException("question " + id + " repeated or without options");
            }
            questions.add(new Question(id, Resources.text(q, "text"), options));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("risk questionnaire " + version + " has no questions");
        }
        Map<RiskTier, Integer> tiers = new EnumMap<>(RiskTier.class);
        for (JsonNode t : root.path("tiers")) {
            tiers.put(RiskTier.valueOf(Resources.text(t, "tier")), t.path("minScore").asInt(-1));
        }
        int previous = -1;
        for (RiskTier tier : RiskTier.values()) {
            Integer min = tiers.get(tier);
            if (min == null || min <= previous || (tier == RiskTier.LOW && min != 0)) {
                throw new IllegalArgumentException("risk questionnaire " + version
                        + ": tiers must start at LOW 0 and rise strictly");
            }
            previous = min;
        }
        return new RiskQuestionnaire(version, Resources.text(root, "title"), questions, points, tiers);
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** @return the questions as a client sees them (without points). */
    public List<Question> questions() {
        return questions;
    }

    /**
     * Scores a complete set of answers.
     *
     * @throws SuitabilityException {@link SuitabilityRefusal#INVALID_ANSWERS} if a question is unanswered or an
     *                              answer names an unknown question or option.
     */
    Score score(Map<String, String> answers) {
        if (answers == null || answers.size() != questions.size()) {
            throw new SuitabilityException(SuitabilityRefusal.INVALID_ANSWERS,
                    "answer each of the " + questions.size() + " questions exactly once");
        }
        int total = 0;
        for (Question q : questions) {
            String chosen = answers.get(q.id());
            Integer p = chosen == null ? null : points.get(q.id()).get(chosen);
            if (p == null) {
                throw new SuitabilityException(SuitabilityRefusal.INVALID_ANSWERS,
                        "no valid answer to question " + q.id());
            }
            total += p;
        }
        return new Score(total, tierOf(total));
    }

    /** @return the tier a total score falls in: the highest tier whose lowest score it reaches. */
    public RiskTier tierOf(int score) {
        RiskTier result = RiskTier.LOW;
        for (RiskTier tier : RiskTier.values()) {
            if (score >= tierMinScore.get(tier)) {
                result = tier;
            }
        }
        return result;
    }

    /** One question as shown to the client. */
    public record Question(String id, String text, List<QuestionBank.Option> options) {
        public Question {
            options = List.copyOf(options);
        }
    }

    record Score(int points, RiskTier tier) {
    }
}
