package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuance rules that hold under every profile: verified issuers, labelled AI content, likeness rights, wind-down. */
class CatalogueTest {
    static final long ISSUER = 10;

    @TempDir
    Path dir;
    World w;
    long auth;

    @BeforeEach
    void setUp() {
        w = new World("OPEN", dir);
        auth = w.verifiedIssuer(ISSUER);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private String media(String text) {
        return w.catalogue.uploadMedia(ISSUER, "image/png", text.getBytes(StandardCharsets.UTF_8)).sha256Hex();
    }

    @Test
    void shouldKeepMediaInADirectoryNamedByItsHashOnce() throws Exception {
        ContentId first = w.catalogue.uploadMedia(ISSUER, "image/png", "same bytes".getBytes(StandardCharsets.UTF_8));
        ContentId again = w.catalogue.uploadMedia(ISSUER, "image/png", "same bytes".getBytes(StandardCharsets.UTF_8));

        assertThat(again).isEqualTo(first);
        Path stored = dir.resolve("media").resolve(first.sha256Hex()).resolve("content");
        assertThat(Files.readString(stored)).isEqualTo("same bytes");
        try (var files = Files.list(dir.resolve("media").resolve(first.sha256Hex()))) {
            assertThat(files).hasSize(1);
        }
        assertThat(w.catalogue.media(first.sha256Hex()).orElseThrow().id().cid()).startsWith("bafkrei");
    }

    @Test
    void shouldLabelAnAiGeneratedItemAndRequireItsToolAndCreator() {
        Collection c = w.catalogue.createCollection(ISSUER, "Dreams", "", Category.ART, auth, 0);

        assertThatThrownBy(() -> w.catalogue.createItem(ISSUER, c.id(), new Catalogue.NewItem(1, "Dream",
                media("dream"), 1, true, "Diffusion 3", null, null)))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.AI_DECLARATION_REQUIRED);
        Item item = w.catalogue.createItem(ISSUER, c.id(), new Catalogue.NewItem(1, "Dream", media("dream"), 1,
                true, "Diffusion 3", "Studio 10", null));

        assertThat(item.label()).isEqualTo("AI-generated (Diffusion 3, by Studio 10)");
        assertThat(Erc721Metadata.of(item, c).toString()).contains("AI-generated (Diffusion 3, by Studio 10)")
                .contains("\"ai_tool\"").contains("ipfs://" + item.mediaCid());
    }

    @Test
    void shouldRequireADigitalHumansLikenessRights() {
        Collection c = w.catalogue.createCollection(ISSUER, "Avatars", "", Category.DIGITAL_HUMAN, auth, 0);

        assertThatThrownBy(() -> w.catalogue.createItem(ISSUER, c.id(), new Catalogue.NewItem(1, "Ava",
                media("ava"), 1, false, null, null, null)))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.LIKENESS_RIGHTS_REQUIRED);
        Item item = w.catalogue.createItem(ISSUER, c.id(), new Catalogue.NewItem(1, "Ava", media("ava"), 1, false,
                null, null, "likeness licence from the performer, L-2026-7"));
        assertThat(item.likenessRights()).contains("L-2026-7");
    }

    @Test
    void shouldRefuseCollectionsOfUnverifiedIssuersOrWithSomeoneElsesAuthorisation() {
        w.verifiedClient(11);
        w.issuers.apply(11, "Pending studio");
        assertThatThrownBy(() -> w.catalogue.createCollection(11, "X", "", Category.ART, auth, 0))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.ISSUER_NOT_VERIFIED);
        w.issuers.decideIssuer(11, World.STAFF, true);
        assertThatThrownBy(() -> w.catalogue.createCollection(11, "X", "", Category.ART, auth, 0))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.IP_AUTHORISATION_MISSING);
        assertThat(w.catalogue.collectionsOf(11)).isEmpty();
    }

    @Test
    void shouldStopIssuanceOnceWindingDown() { // CN-10
        Collection c = w.catalogue.createCollection(ISSUER, "Last", "", Category.ART, auth, 0);
        w.windDown.start(World.STAFF);

        assertThatThrownBy(() -> w.catalogue.createItem(ISSUER, c.id(), new Catalogue.NewItem(1, "Late",
                media("late"), 1, false, null, null, null)))
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(CollectiblesRefusal.WOUND_DOWN);
        assertThat(w.catalogue.items(c.id())).isEmpty();
    }
}
