package io.lantau.compliance.profile;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One validated jurisdiction profile: its identity, its sections of rules, and its text for the API (the profile in
 * force is visible to clients and operators, DESIGN.md §5). Made by {@link ProfileLoader}.
 *
 * <p>Each package that enforces a kind of rule defines a record for its section and binds it with
 * {@link #section(String, Class)}; binding is strict (an unknown or missing key is an error that names the key), so a
 * profile and the code that reads it cannot drift apart silently. Immutable and thread-safe; bound sections are
 * cached.
 */
public final class JurisdictionProfile {
    private final JsonNode root;
    private final String source;
    private final String canonicalJson;
    private final String fingerprint;
    private final RetentionRules retention;
    private final Map<String, Object> bound = new ConcurrentHashMap<>();

    JurisdictionProfile(JsonNode root, String source) {
        this.root = root.deepCopy();
        this.source = source;
        this.canonicalJson = ProfileJson.canonical(this.root);
        this.fingerprint = sha256Hex(canonicalJson);
        this.retention = section(RetentionRules.SECTION, RetentionRules.class);
    }

    /** @return the profile's id, e.g. {@code HK_VATP}. */
    public String id() {
        return root.get("id").asText();
    }

    /** @return its human name. */
    public String name() {
        return root.get("name").asText();
    }

    /** @return the currency thresholds and exposures are valued in (ISO 4217 code, e.g. {@code HKD}). */
    public String valuationCurrency() {
        return root.get("valuationCurrency").asText();
    }

    /** @return where it was loaded from: {@code builtin:HK_VATP} or a file path. */
    public String source() {
        return source;
    }

    /** @return the names of its sections, in file order. */
    public List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (root.get(key).isObject()) {
                names.add(key);
            }
        }
        return names;
    }

    /** @return the {@code retention} section (HK-34). */
    public RetentionRules retention() {
        return retention;
    }

    /**
     * Binds one section to a record (or any Jackson-bindable class) of the caller's: every key of the section must be
     * a component of the record and every component must be in the section.
     *
     * @param name the section's key, e.g. {@code "suitability"}.
     * @param type the record to bind it to; the same (name, type) gives the same instance.
     * @return the bound section.
     * @throws ProfileException naming the profile and the key if the section is absent or does not fit the record.
     */
    public <T> T section(String name, Class<T> type) {
        Object value = bound.computeIfAbsent(name + "\u0000" + type.getName(), k -> bind(name, type));
        return type.cast(value);
    }

    /** @return the whole profile as compact JSON with sorted keys: what the API shows as the profile in force. */
    public String json() {
        return canonicalJson;
    }

    /**
     * @return the SHA-256 (hex) of {@link #json()}: two deployments run the same rules if and only if their
     *     fingerprints are equal; the audit trail records it when the profile in force changes.
     */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return id() + " (" + source + ", " + fingerprint.substring(0, 12) + ")";
    }

    private <T> T bind(String name, Class<T> type) {
        JsonNode section = root.get(name);
        if (section == null || !section.isObject()) {
            throw new ProfileException("profile " + id() + ": missing section '" + name + "'");
        }
        try {
            return ProfileJson.MAPPER.treeToValue(section, type);
        } catch (JsonMappingException e) {
            throw new ProfileException("profile " + id() + ": " + ProfileJson.describe(name, e), e);
        } catch (IllegalArgumentException e) {
            throw new ProfileException("profile " + id() + ": bad section '" + name + "': " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProfileException("profile " + id() + ": bad section '" + name + "': " + e.getOriginalMessage(),
                    e);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
