package io.lantau.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HK-24: the UN Security Council Consolidated List read from its published XML format. */
class SanctionsListLoaderTest {
    private final SanctionsListLoader loader = new SanctionsListLoader();

    static SanctionsList testList(String resource) {
        try (InputStream in = SanctionsListLoaderTest.class.getResourceAsStream(resource)) {
            return new SanctionsListLoader().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldReadIndividualsAndEntitiesWhenFileIsInUnFormat() {
        SanctionsList list = testList("un-consolidated-list.xml");

        assertThat(list.source()).isEqualTo(SanctionsListLoader.UN_SECURITY_COUNCIL);
        assertThat(list.version()).isEqualTo("2026-10-01T09:00:03.412Z");
        assertThat(list.sha256()).hasSize(64);
        assertThat(list.entries()).extracting(SanctionsEntry::dataId)
                .containsExactly("9000001", "9000002", "9000003", "9000004", "9000005", "9100001");

        SanctionsEntry viktor = list.entries().get(0);
        assertThat(viktor.kind()).isEqualTo(SanctionsEntry.Kind.INDIVIDUAL);
        assertThat(viktor.primaryName()).isEqualTo("VIKTOR ANATOLYEVICH DRAGUNOV");
        assertThat(viktor.referenceNumber()).isEqualTo("KPi.901");
        assertThat(viktor.listType()).isEqualTo("DPRK");
        assertThat(viktor.listedOn()).isEqualTo(LocalDate.of(2016, 11, 30));
        assertThat(viktor.otherNames())
                .containsExactly("Viktor Dragunoff", "The Boatman", "Виктор Анатольевич Драгунов");

        SanctionsEntry jose = list.entries().get(1);
        assertThat(jose.primaryName()).isEqualTo("JOSÉ MARÍA GÓMEZ PEÑALOZA");
        assertThat(jose.otherNames()).as("an empty placeholder alias is dropped").isEmpty();

        SanctionsEntry entity = list.entries().get(5);
        assertThat(entity.kind()).isEqualTo(SanctionsEntry.Kind.ENTITY);
        assertThat(entity.primaryName()).isEqualTo("NORTHERN STAR MARITIME TRADING CO. LTD");
        assertThat(entity.otherNames()).containsExactly("NSMT");
        assertThat(entity.referenceNumber()).isEqualTo("KPe.901");
    }

    @Test
    void shouldRefuseDocumentWhenItDeclaresADtd() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE CONSOLIDATED_LIST [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
                <FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """;
        assertRefused(xxe, ScreeningRefusal.LIST_UNREADABLE);

        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>
                <FIRST_NAME>&lol2;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """;
        assertRefused(laughs, ScreeningRefusal.LIST_UNREADABLE);
    }

    @Test
    void shouldRefuseFileWhenRootIsNotConsolidatedList() {
        assertRefused("<sanctions><INDIVIDUAL/></sanctions>", ScreeningRefusal.LIST_UNREADABLE);
    }

    @Test
    void shouldRefuseFileWhenNotWellFormed() {
        assertRefused("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", ScreeningRefusal.LIST_UNREADABLE);
    }

    @Test
    void shouldRefuseFileWhenItHoldsNoEntries() {
        assertRefused("<CONSOLIDATED_LIST dateGenerated=\"2026-01-01\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>",
                ScreeningRefusal.LIST_EMPTY);
    }

    @Test
    void shouldRefuseEntryWhenItHasNoName() {
        assertRefused("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME/></INDIVIDUAL>"
                + "</INDIVIDUALS></CONSOLIDATED_LIST>", ScreeningRefusal.LIST_UNREADABLE);
    }

    @Test
    void shouldUseFileHashAsVersionWhenDateGeneratedIsAbsent() {
        SanctionsList list = loader.load(stream("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID>"
                + "<FIRST_NAME>ACME</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"));
        assertThat(list.version()).isEqualTo(list.sha256());
        assertThat(list.entries()).extracting(SanctionsEntry::allNames).containsExactly(List.of("ACME"));
    }

    private void assertRefused(String xml, ScreeningRefusal refusal) {
        assertThatThrownBy(() -> loader.load(stream(xml)))
                .isInstanceOfSatisfying(ScreeningException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
