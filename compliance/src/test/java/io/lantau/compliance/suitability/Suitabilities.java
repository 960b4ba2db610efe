package io.lantau.compliance.suitability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Profile sections and answers for tests, as the profile files have them. */
public final class Suitabilities {
    /** HK_VATP.json's suitability section. */
    public static final SuitabilitySettings HK_VATP = new SuitabilitySettings(true, "2023-06-v1", 70, "2023-06-v1",
            Map.of(RiskTier.LOW, 10, RiskTier.MEDIUM, 20, RiskTier.HIGH, 30), "SCH2-2023-06");
    /** OPEN.json's suitability section. */
    public static final SuitabilitySettings OPEN = new SuitabilitySettings(false, "none", 0, "none", Map.of(), "none");

    private Suitabilities() {
    }

    /** @return the correct answers of bank 2023-06-v1. */
    public static Map<String, String> allCorrect() {
        return Map.of("k01", "b", "k02", "c", "k03", "b", "k04", "b", "k05", "a", "k06", "b", "k07", "a",
                "k08", "a", "k09", "b", "k10", "b");
    }

    /** @return answers with {@code wrong} of the ten questions answered wrongly. */
    public static Map<String, String> withWrong(int wrong) {
        Map<String, String> answers = new TreeMap<>(allCorrect());
        int n = 0;
        for (String id : List.copyOf(answers.keySet())) {
            if (n++ < wrong) {
                answers.put(id, "c".equals(answers.get(id)) ? "a" : "c");
            }
        }
        return answers;
    }

    /** @return knowledge answers with a passing test and two years of BTC trading. */
    public static KnowledgeAnswers knowledgeable() {
        return new KnowledgeAnswers("2023-06-v1", allCorrect(), List.of(), List.of(), List.of(
                new KnowledgeAnswers.TradingExperience(List.of("BTC", "ETH"), 50_000_000L,
                        KnowledgeAnswers.Frequency.WEEKLY, 24)));
    }

    /** @return a passing test but no training, no work experience and no trading history (HK-02: NO). */
    public static KnowledgeAnswers noExperience() {
        return new KnowledgeAnswers("2023-06-v1", allCorrect(), List.of(), List.of(), List.of());
    }

    /** @return risk answers that score HIGH in questionnaire 2023-06-v1 (the top option of each question). */
    public static Map<String, String> highRisk() {
        return Map.of("r01", "d", "r02", "d", "r03", "d", "r04", "d", "r05", "c", "r06", "c");
    }

    /** @return risk answers that score LOW (the first option of each question). */
    public static Map<String, String> lowRisk() {
        return Map.of("r01", "a", "r02", "a", "r03", "a", "r04", "a", "r05", "a", "r06", "a");
    }

    /** @return the HK-04 example: net worth HK$1,000,000, no other virtual assets, HIGH tier answers. */
    public static RiskProfileAnswers hk04Example() {
        return new RiskProfileAnswers("2023-06-v1", highRisk(), 1_000_000_00L, 0);
    }
}
