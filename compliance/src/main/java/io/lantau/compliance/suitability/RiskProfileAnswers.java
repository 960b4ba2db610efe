package io.lantau.compliance.suitability;

import java.util.Map;

/**
 * A retail client's risk-profiling answers and declared financial situation (HK-03, HK-04).
 *
 * @param questionnaireVersion     the questionnaire answered; must be the one in force.
 * @param answers                  question id to chosen option id, one for every question.
 * @param netWorthMinor            declared net worth, in the valuation currency's minor units (HKD cents); ≥ 0.
 * @param otherVirtualAssetsMinor  virtual assets held elsewhere, same unit; ≥ 0.
 */
public record RiskProfileAnswers(String questionnaireVersion, Map<String, String> answers, long netWorthMinor,
        long otherVirtualAssetsMinor) {

    public RiskProfileAnswers {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
