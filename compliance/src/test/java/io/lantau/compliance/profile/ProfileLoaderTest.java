package io.lantau.compliance.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProfileLoader loader = ProfileLoader.standard();

    /** A section record as another package would write one. */
    record SuitabilityRules(boolean retailGates, String knowledgeQuestionBankVersion, int knowledgePassMarkPercent,
            String riskQuestionnaireVersion, Map<String, Integer> tierExposurePercent, String disclosureVersion) {
    }

    record AccountRules(int passwordMinLength, int lockoutFailures, int lockoutMinutes, int sessionIdleMinutes,
            int sessionAbsoluteHours, boolean totpRequired, int dormantAfterDays) {
    }

    record TooNarrowAccountRules(int passwordMinLength) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"HK_VATP", "CN_DIGITAL_COLLECTIBLES", "OPEN"})
    void shouldLoadAndValidateWhenProfileShipped(String id) {
        JurisdictionProfile profile = loader.withSection("accounts", AccountRules.class)
                .withSection("suitability", SuitabilityRules.class).load(id);

        assertThat(profile.id()).isEqualTo(id);
        assertThat(profile.name()).isNotBlank();
        assertThat(profile.valuationCurrency()).matches("[A-Z]{3}");
        assertThat(profile.source()).isEqualTo("builtin:" + id);
        assertThat(profile.sectionNames()).containsAll(ProfileValidator.REQUIRED_SECTIONS);
        assertThat(profile.retention().auditTrail().getYears()).isPositive();
        assertThat(profile.fingerprint()).hasSize(64);
    }

    @Test
    void shouldGiveHongKongThresholdsWhenHkVatpLoaded() {
        JurisdictionProfile hk = loader.load(ProfileLoader.DEFAULT);

        assertThat(hk.id()).isEqualTo("HK_VATP");
        assertThat(hk.valuationCurrency()).isEqualTo("HKD");
        assertThat(hk.retention()).isEqualTo(new RetentionRules(2, 7));
        assertThat(hk.section("suitability", SuitabilityRules.class).tierExposurePercent()).containsEntry("HIGH", 30);
        assertThat(hk.section("accounts", AccountRules.class).lockoutFailures()).isEqualTo(5);
        assertThat(hk.section("suitability", SuitabilityRules.class))
                .isSameAs(hk.section("suitability", SuitabilityRules.class));
    }

    @Test
    void shouldGiveSameFingerprintWhenKeysReordered() throws IOException {
        ObjectNode hk = builtIn("HK_VATP");
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        hk.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        for (String n : names) {
            reordered.set(n, hk.get(n));
        }

        assertThat(loader.parse(reordered.toString(), "x").fingerprint())
                .isEqualTo(loader.load("HK_VATP").fingerprint());
        assertThat(loader.load("OPEN").fingerprint()).isNotEqualTo(loader.load("HK_VATP").fingerprint());
    }

    @Test
    void shouldLoadCustomProfileWhenGivenPath(@TempDir Path dir) throws IOException {
        ObjectNode custom = builtIn("OPEN");
        custom.put("id", "TEST_LAB");
        Path file = dir.resolve("lab.json");
        Files.writeString(file, custom.toString());

        JurisdictionProfile profile = loader.load(file.toString());

        assertThat(profile.id()).isEqualTo("TEST_LAB");
        assertThat(profile.source()).isEqualTo(file.toString());
    }

    @Test
    void shouldRefuseWhenProfileUnknown() {
        assertThatThrownBy(() -> loader.load("XX_NOWHERE")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("unknown profile 'XX_NOWHERE'").hasMessageContaining("HK_VATP");
    }

    @Test
    void shouldRefuseAndNameSectionWhenSectionMissing() {
        assertRefused(p -> p.remove("retention"), "missing section 'retention'");
        assertRefused(p -> p.remove("suitability"), "missing section 'suitability'");
    }

    @Test
    void shouldRefuseAndNameKeyWhenPercentageOutOfRange() {
        assertRefused(p -> ((ObjectNode) p.get("suitability").get("tierExposurePercent")).put("HIGH", 130),
                "suitability.tierExposurePercent.HIGH");
        assertRefused(p -> ((ObjectNode) p.get("suitability")).put("knowledgePassMarkPercent", 101),
                "suitability.knowledgePassMarkPercent");
        assertRefused(p -> ((ObjectNode) p.get("custody")).put("minColdPercent", -1), "custody.minColdPercent");
    }

    @Test
    void shouldRefuseAndNameKeyWhenPeriodNegativeOrFractional() {
        assertRefused(p -> ((ObjectNode) p.get("retention")).put("auditRecordYears", -7),
                "retention.auditRecordYears");
        assertRefused(p -> ((ObjectNode) p.get("accounts")).put("lockoutMinutes", 1.5), "accounts.lockoutMinutes");
    }

    @Test
    void shouldRefuseAndNameKeyWhenRewardTypeUnknown() {
        assertRefused(p -> ((ArrayNode) p.get("incentives").get("retailAllowedRewards")).add("FREE_BTC"),
                "incentives.retailAllowedRewards[1]");
    }

    @Test
    void shouldRefuseAndNameKeyWhenTopLevelKeyUnknown() {
        assertRefused(p -> p.put("retentionn", 3), "unknown key 'retentionn'");
    }

    @Test
    void shouldRefuseAndNameKeyWhenBoundSectionHasUnknownKey() {
        assertRefused(p -> ((ObjectNode) p.get("retention")).put("tradeRecordYears", 2),
                "unknown key 'retention.tradeRecordYears'");
    }

    @Test
    void shouldRefuseAndNameKeyWhenBoundSectionMissesKey() {
        assertRefused(p -> ((ObjectNode) p.get("retention")).remove("orderRecordYears"),
                "missing key 'retention.orderRecordYears'");
    }

    @Test
    void shouldRefuseWhenKeyDuplicated() {
        String json = "{\"id\":\"A\",\"id\":\"B\"}";
        assertThatThrownBy(() -> loader.parse(json, "dup")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void shouldRefuseWhenNumberGivenAsText() throws IOException {
        ObjectNode hk = builtIn("HK_VATP");
        ((ObjectNode) hk.get("retention")).put("orderRecordYears", "2");

        assertThatThrownBy(() -> loader.parse(hk.toString(), "t")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("retention.orderRecordYears");
    }

    @Test
    void shouldRefuseSectionBindingWhenRecordDoesNotFit() {
        JurisdictionProfile hk = loader.load("HK_VATP");

        assertThatThrownBy(() -> hk.section("accounts", TooNarrowAccountRules.class))
                .isInstanceOf(ProfileException.class).hasMessageContaining("profile HK_VATP")
                .hasMessageContaining("unknown key 'accounts.");
        assertThatThrownBy(() -> hk.section("nonexistent", AccountRules.class))
                .isInstanceOf(ProfileException.class).hasMessageContaining("missing section 'nonexistent'");
        assertThatThrownBy(() -> loader.withSection("accounts", TooNarrowAccountRules.class).load("HK_VATP"))
                .isInstanceOf(ProfileException.class);
    }

    @Test
    void shouldShowWholeProfileAsJsonWhenAsked() throws IOException {
        JurisdictionProfile hk = loader.load("HK_VATP");

        assertThat(JSON.readTree(hk.json())).isEqualTo(builtIn("HK_VATP"));
    }

    private void assertRefused(Consumer<ObjectNode> breakIt, String expectedInMessage) {
        ObjectNode profile;
        try {
            profile = builtIn("HK_VATP");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        breakIt.accept(profile);
        assertThatThrownBy(() -> loader.parse(profile.toString(), "test")).isInstanceOf(ProfileException.class)
                .hasMessageContaining("profile HK_VATP").hasMessageContaining(expectedInMessage);
    }

    private static ObjectNode builtIn(String id) throws IOException {
        try (InputStream in = ProfileLoader.class.getResourceAsStream("/io/lantau/compliance/profiles/" + id
                + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
