package io.lantau.compliance.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and validates jurisdiction profiles: a built-in one by id ({@link #BUILT_IN}, from this module's resources
 * {@code io/lantau/compliance/profiles/<ID>.json}) or a custom one from a JSON file.
 *
 * <p>Validation, all of it before a profile is handed out: the JSON is strict (no duplicate keys); the top level has
 * {@code id}, {@code name}, {@code valuationCurrency} and every required section, and nothing else; values pass the
 * range conventions of {@link ProfileValidator} (percentages 0 to 100, non-negative periods, known reward types…);
 * and every section registered with {@link #withSection} binds to its record. The error names the profile and the
 * first bad key; the message lists every structural problem found at once.
 *
 * <p>Immutable; {@link #withSection} returns a new loader. Thread-safe.
 */
public final class ProfileLoader {
    /** The profiles shipped with Lantau. */
    public static final List<String> BUILT_IN = List.of("HK_VATP", "CN_DIGITAL_COLLECTIBLES", "OPEN");
    /** The profile {@code lantau serve} runs when none is configured. */
    public static final String DEFAULT = "HK_VATP";

    private static final String RESOURCE_DIR = "/io/lantau/compliance/profiles/";

    private final Map<String, Class<?>> sections;

    private ProfileLoader(Map<String, Class<?>> sections) {
        this.sections = Map.copyOf(sections);
    }

    /** @return a loader that checks the sections this package binds itself ({@code retention}). */
    public static ProfileLoader standard() {
        return new ProfileLoader(Map.of(RetentionRules.SECTION, RetentionRules.class));
    }

    /**
     * @return a loader that also binds {@code name} to {@code type} on every load, so a profile that does not fit the
     *     rules of that package is refused at start-up rather than when the rule is first used.
     */
    public ProfileLoader withSection(String name, Class<?> type) {
        Map<String, Class<?>> more = new LinkedHashMap<>(sections);
        more.put(name, type);
        return new ProfileLoader(more);
    }

    /**
     * @param idOrPath a built-in id ({@link #BUILT_IN}) or the path of a profile JSON file.
     * @throws ProfileException if there is no such profile or it is invalid.
     */
    public JurisdictionProfile load(String idOrPath) {
        if (BUILT_IN.contains(idOrPath)) {
            return loadBuiltIn(idOrPath);
        }
        Path path = Path.of(idOrPath);
        if (Files.isRegularFile(path)) {
            return loadFile(path);
        }
        throw new ProfileException("unknown profile '" + idOrPath + "': use one of " + String.join(", ", BUILT_IN)
                + " or the path of a profile JSON file");
    }

    /** @throws ProfileException if {@code id} is not built in, or (a packaging fault) its file is invalid. */
    public JurisdictionProfile loadBuiltIn(String id) {
        if (!BUILT_IN.contains(id)) {
            throw new ProfileException("unknown built-in profile '" + id + "': " + String.join(", ", BUILT_IN));
        }
        String text;
        try (InputStream in = ProfileLoader.class.getResourceAsStream(RESOURCE_DIR + id + ".json")) {
            if (in == null) {
                throw new ProfileException("built-in profile " + id + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileException("cannot read built-in profile " + id, e);
        }
        JurisdictionProfile profile = parse(text, "builtin:" + id);
        if (!profile.id().equals(id)) {
            throw new ProfileException("built-in profile " + id + " says its id is " + profile.id());
        }
        return profile;
    }

    /** @throws ProfileException if the file cannot be read or is invalid. */
    public JurisdictionProfile loadFile(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new ProfileException("cannot read profile file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json   the profile's text.
     * @param source where it came from, for messages and {@link JurisdictionProfile#source()}.
     * @throws ProfileException if it is not a valid profile.
     */
    public JurisdictionProfile parse(String json, String source) {
        JsonNode root;
        try {
            root = ProfileJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileException("profile " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProfileException("profile " + source + " is empty");
        }
        String name = root.path("id").isTextual() ? root.get("id").asText() : source;
        List<String> problems = ProfileValidator.problems(root);
        if (!problems.isEmpty()) {
            throw new ProfileException("profile " + name + ": " + String.join("; ", problems));
        }
        JurisdictionProfile profile = new JurisdictionProfile(root, source);
        for (Map.Entry<String, Class<?>> section : sections.entrySet()) {
            profile.section(section.getKey(), section.getValue());
        }
        return profile;
    }
}
