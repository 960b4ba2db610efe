package io.lantau.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HK-24: fuzzy name matching at the HK_VATP profile's threshold (0.92). */
class NameScreenerTest {
    private static final ScreeningSettings HK_VATP = new ScreeningSettings(0.92);
    private final NameScreener screener = new NameScreener(HK_VATP,
            List.of(SanctionsListLoaderTest.testList("un-consolidated-list.xml")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // exact, in any case
            "VIKTOR ANATOLYEVICH DRAGUNOV | 9000001",
            "viktor anatolyevich dragunov | 9000001",
            // token order
            "Dragunov Viktor Anatolyevich | 9000001",
            "Song-Chol Kim                | 9000003",
            "Bellamy, Marguerite Okonkwo  | 9000004",
            // diacritics, both ways
            "Jose Maria Gomez Penaloza    | 9000002",
            "Jósé Maria Gómez-Peñaloza    | 9000002",
            // alias and name in original script
            "Maggie Bellamy               | 9000004",
            "Viktor Dragunoff             | 9000001",
            "Виктор Анатольевич Драгунов  | 9000001",
            // hyphen, split or joined differently
            "Kim Songchol                 | 9000003",
            // near misses: one letter dropped, swapped or changed
            "Hasan Ibrahim Farah          | 9000005",
            "Hassan Ibrahim Farrah        | 9000005",
            "Viktor Anatolyevich Dragunow | 9000001",
            // titles are ignored
            "Dr. Hassan Ibrahim Farah     | 9000005",
            // entities and their aliases
            "Northern Star Maritime Trading Co Ltd | 9100001",
            "N.S.M.T.                     | 9100001"})
    void shouldHitWhenNameMatchesEntry(String name, String dataId) {
        List<ScreeningHit> hits = screener.screen(name, List.of());

        assertThat(hits).as(name).isNotEmpty();
        assertThat(hits.get(0).entry().dataId()).isEqualTo(dataId);
        assertThat(hits.get(0).score()).isBetween(0.92, 1.0);
        assertThat(hits.get(0).screenedName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Chan Tai Man", "Mary Johnson", "Victor Chan", "Kim Min-jun", "Maria Gomez", "Hassan Ali",
            "Margaret Bell", "Lee Siu Ming", "Northern Lights Trading Ltd", "Joseph Marie Gomes"})
    void shouldNotHitWhenNameIsUnrelatedOrOnlyPartly(String name) {
        assertThat(screener.screen(name, List.of())).as(name).isEmpty();
    }

    @Test
    void shouldHitOnOtherNamesWhenFullNameIsClean() {
        List<ScreeningHit> hits = screener.screen("Margaret Chan", List.of("Maggie Bellamy"));

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.entry().dataId()).isEqualTo("9000004");
            assertThat(h.listedName()).isEqualTo("Maggie Bellamy");
            assertThat(h.screenedName()).isEqualTo("Maggie Bellamy");
            assertThat(h.score()).isEqualTo(1.0);
        });
    }

    @Test
    void shouldReportOneHitPerEntryWithItsBestName() {
        List<ScreeningHit> hits = screener.screen("Viktor Anatolyevich Dragunov", List.of("Viktor Dragunoff"));

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.listedName()).isEqualTo("VIKTOR ANATOLYEVICH DRAGUNOV");
            assertThat(h.score()).isEqualTo(1.0);
        });
    }

    @Test
    void shouldHitLessWhenThresholdIsHigher() {
        NameScreener strict = new NameScreener(new ScreeningSettings(0.99),
                List.of(SanctionsListLoaderTest.testList("un-consolidated-list.xml")));

        assertThat(strict.screen("Hasan Ibrahim Farah", List.of())).isEmpty();
        assertThat(strict.screen("Hassan Ibrahim Farah", List.of())).hasSize(1);
    }

    @Test
    void shouldScoreOneWhenNamesDifferOnlyInCaseOrderPunctuationOrDiacritics() {
        assertThat(NameScreener.similarity("José María GÓMEZ-Peñaloza", "penaloza, gomez jose maria"))
                .isEqualTo(1.0);
        assertThat(NameScreener.similarity("O'Brien Straße", "Strasse OBrien")).isEqualTo(1.0);
    }

    @Test
    void shouldScoreZeroWhenNameHasNoLetters() {
        assertThat(NameScreener.similarity("---", "Kim Song Chol")).isZero();
        assertThat(screener.screen("  ...  ", List.of())).isEmpty();
    }
}
