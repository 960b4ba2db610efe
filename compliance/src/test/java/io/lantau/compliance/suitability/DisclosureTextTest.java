package io.lantau.compliance.suitability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTextTest {
    private final DisclosureText text = DisclosureText.load("SCH2-2023-06", "en");

    @Test
    void shouldHoldTheTwelveScheduleTwoStatementsInOrder() {
        // HK-08 as REGULATORY.md lists them, one keyword each.
        List<String> topics = List.of("highly risky", "\"property\"", "scrutiny", "Investor Compensation Fund",
                "not legal tender", "irreversible", "permanently lost", "extremely volatile", "laws and regulations",
                "deemed executed", "cyber-attacks", "Failures of technology");

        assertThat(text.statements()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(text.statements().get(i)).contains(topics.get(i));
        }
    }

    @Test
    void shouldHashExactlyTheCanonicalBytes() throws IOException {
        byte[] bytes;
        try (InputStream in = DisclosureText.class.getResourceAsStream("disclosure-SCH2-2023-06.en.txt")) {
            bytes = in.readAllBytes();
        }

        assertThat(text.text()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(text.sha256()).isEqualTo(DisclosureText.sha256(bytes)).hasSize(64);
    }

    @Test
    void shouldRefuseWhenNoTextExistsInTheLanguage() {
        assertThatThrownBy(() -> DisclosureText.load("SCH2-2023-06", "fr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DisclosureText.load("SCH2-2023-06", "../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
