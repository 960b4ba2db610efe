package io.lantau.compliance.suitability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskQuestionnaireTest {
    private final RiskQuestionnaire questionnaire = RiskQuestionnaire.load("2023-06-v1");

    @Test
    void shouldMapScoresToTiersByTheirLowestScores() {
        assertThat(questionnaire.tierOf(0)).isEqualTo(RiskTier.LOW);
        assertThat(questionnaire.tierOf(9)).isEqualTo(RiskTier.LOW);
        assertThat(questionnaire.tierOf(10)).isEqualTo(RiskTier.MEDIUM);
        assertThat(questionnaire.tierOf(16)).isEqualTo(RiskTier.MEDIUM);
        assertThat(questionnaire.tierOf(17)).isEqualTo(RiskTier.HIGH);
        assertThat(questionnaire.tierOf(23)).isEqualTo(RiskTier.HIGH);
    }

    @Test
    void shouldGiveTheSameTierWhenTheSameAnswersAreScoredAgain() {
        RiskQuestionnaire.Score first = questionnaire.score(Suitabilities.highRisk());
        RiskQuestionnaire.Score again = RiskQuestionnaire.load("2023-06-v1").score(Suitabilities.highRisk());

        assertThat(first).isEqualTo(again);
        assertThat(first).isEqualTo(new RiskQuestionnaire.Score(23, RiskTier.HIGH));
        assertThat(questionnaire.score(Suitabilities.lowRisk())).isEqualTo(new RiskQuestionnaire.Score(0,
                RiskTier.LOW));
    }

    @Test
    void shouldChangeTheTierWhenTheAnswersChange() {
        Map<String, String> answers = new HashMap<>(Suitabilities.highRisk());
        answers.put("r03", "a");
        answers.put("r04", "a");

        assertThat(questionnaire.score(answers)).isEqualTo(new RiskQuestionnaire.Score(15, RiskTier.MEDIUM));
    }
}
