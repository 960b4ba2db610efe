package io.lantau.compliance.suitability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionBankTest {
    private final QuestionBank bank = QuestionBank.load("2023-06-v1");

    @Test
    void shouldLoadTheVersionTheProfileNames() {
        assertThat(bank.version()).isEqualTo("2023-06-v1");
        assertThat(bank.questions()).hasSize(10);
        assertThat(bank.questions()).allSatisfy(q -> assertThat(q.options()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void shouldScoreEveryCorrectAnswerAsOneHundredPercent() {
        assertThat(bank.scorePercent(Suitabilities.allCorrect())).isEqualTo(100);
        assertThat(bank.scorePercent(Suitabilities.withWrong(3))).isEqualTo(70);
        assertThat(bank.scorePercent(Suitabilities.withWrong(4))).isEqualTo(60);
    }

    @Test
    void shouldRefuseAnswersWhenOneIsMissingOrUnknown() {
        Map<String, String> missing = new HashMap<>(Suitabilities.allCorrect());
        missing.remove("k01");
        Map<String, String> unknownOption = new HashMap<>(Suitabilities.allCorrect());
        unknownOption.put("k01", "z");
        Map<String, String> unknownQuestion = new HashMap<>(missing);
        unknownQuestion.put("k99", "a");

        for (Map<String, String> answers : java.util.List.of(missing, unknownOption, unknownQuestion)) {
            assertThatThrownBy(() -> bank.scorePercent(answers)).isInstanceOfSatisfying(SuitabilityException.class,
                    e -> assertThat(e.code()).isEqualTo(SuitabilityRefusal.INVALID_ANSWERS));
        }
    }

    @Test
    void shouldRefuseToLoadWhenTheVersionIsUnknownOrNotAFileName() {
        assertThatThrownBy(() -> QuestionBank.load("1999-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestionBank.load("../profiles/HK_VATP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestionBank.load("none")).isInstanceOf(IllegalArgumentException.class);
    }
}
