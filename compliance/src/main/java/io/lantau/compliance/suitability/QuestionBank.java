package io.lantau.compliance.suitability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned virtual-asset knowledge test (HK-02): multiple-choice questions with one correct option each, read from
 * the resource {@code knowledge-<version>.json} beside this class. A new bank is a new file with a new version; a
 * published bank is never edited. Immutable and thread-safe.
 */
public final class QuestionBank {
    private final String version;
    private final String title;
    private final List<Question> questions;
    private final Map<String, String> correct;

    private QuestionBank(String version, String title, List<Question> questions, Map<String, String> correct) {
        this.version = version;
        this.title = title;
        this.questions = List.copyOf(questions);
        this.correct = Map.copyOf(correct);
    }

    /**
     * Loads a bank.
     *
     * @throws IllegalArgumentException if there is no such bank or it is malformed (no questions, an answer that is
     *                                  not one of its options, duplicate ids, a version that does not match).
     */
    public static QuestionBank load(String version) {
        JsonNode root = Resources.json("knowledge-" + Resources.checkVersion(version) + ".json");
        if (!version.equals(Resources.text(root, "version"))) {
            throw new IllegalArgumentException("question bank file " + version + " says it is "
                    + root.get("version"));
        }
        List<Question> questions = new ArrayList<>();
        Map<String, String> correct = new HashMap<>();
        for (JsonNode q : root.path("questions")) {
            String id = Resources.text(q, "id");
            List<Option> options = new ArrayList<>();
            Set<String> optionIds = new HashSet<>();
            for (JsonNode o : q.path("options")) {
                Option option = new Option(Resources.text(o, "id"), Resources.text(o, "text"));
                if (!optionIds.add(option.id())) {
                    throw new IllegalArgumentException("question " + id + " repeats option " + option.id());
                }
                options.add(option);
            }
            String answer = Resources.text(q, "answer");
            if (!optionIds.contains(answer)) {
                throw new IllegalArgumentException("question " + id + " has answer " + answer + " among no options");
            }
            if (correct.put(id, answer) != null) {
                throw new IllegalArgumentException("question bank " + version + " repeats question " + id);
            }
            questions.add(new Question(id, Resources.text(q, "text"), options));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("question bank " + version + " has no questions");
        }
        return new QuestionBank(version, Resources.text(root, "title"), questions, correct);
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    /** @return the questions as a client sees them: without the correct answers. */
    public List<Question> questions() {
        return questions;
    }

    /**
     * Scores a complete set of answers.
     *
     * @param answers question id to chosen option id, one for every question.
     * @return the share of correct answers in percent, rounded down.
     * @throws SuitabilityException {@link SuitabilityRefusal#INVALID_ANSWERS} if a question is unanswered or an
     *                              answer names an unknown question or option.
     */
    int scorePercent(Map<String, String> answers) {
        if (answers == null || answers.size() != questions.size()) {
            throw new SuitabilityException(SuitabilityRefusal.INVALID_ANSWERS,
                    "answer each of the " + questions.size() + " questions exactly once");
        }
        int right = 0;
        for (Question q : questions) {
            String chosen = answers.get(q.id());
            if (chosen == null || q.options().stream().noneMatch(o -> o.id().equals(chosen))) {
                throw new SuitabilityException(SuitabilityRefusal.INVALID_ANSWERS,
                        "no valid answer to question " + q.id());
            }
            if (chosen.equals(correct.get(q.id()))) {
                right++;
            }
        }
        return right * 100 / questions.size();
    }

    /** One choice of a question. */
    public record Option(String id, String text) {
    }

    /** One question as shown to the client. */
    public record Question(String id, String text, List<Option> options) {
        public Question {
            options = List.copyOf(options);
        }
    }
}
