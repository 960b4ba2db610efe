package io.lantau.compliance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every profile must pass whatever code later binds its sections: the top-level shape (identity keys and
 * the required sections, nothing else) and value ranges by naming convention, so that a key another package adds to
 * its section is checked the day it is added. The conventions, by key suffix:
 * <ul>
 *   <li>every number anywhere: not negative;</li>
 *   <li>{@code *Percent} (or any entry of an object so named): 0 to 100;</li>
 *   <li>{@code *Years}, {@code *Months}, {@code *Days}, {@code *Hours}, {@code *Minutes}, {@code *Failures},
 *       {@code *Confirmations}, {@code *Quorum}, {@code *Length}, {@code *Minor}: a whole number;</li>
 *   <li>{@code *Threshold}: a fraction from 0 to 1;</li>
 *   <li>{@code *Currency}: a three-letter upper-case code; {@code *Residencies}: two-letter upper-case codes;</li>
 *   <li>{@code *Rewards}: known reward types ({@link #REWARD_TYPES});</li>
 *   <li>{@code *Version}: a non-blank text.</li>
 * </ul>
 * Stateless.
 */
final class ProfileValidator {
    /** Sections every profile must have, in file order. */
    static final List<String> REQUIRED_SECTIONS = List.of("accounts", "onboarding", "suitability", "tokenAdmission",
            "incentives", "screening", "travelRule", "custody", "retention", "collectibles");
    /** Reward types a campaign may give (HK-05: only {@code FEE_DISCOUNT} may go to HK retail clients). */
    static final Set<String> REWARD_TYPES = Set.of("FEE_DISCOUNT", "CASH", "VIRTUAL_ASSET", "COLLECTIBLE");

    private static final Set<String> IDENTITY_KEYS = Set.of("id", "name", "valuationCurrency");
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final List<String> WHOLE_SUFFIXES = List.of("Years", "Months", "Days", "Hours", "Minutes",
            "Failures", "Confirmations", "Quorum", "Length", "Minor");

    private ProfileValidator() {
    }

    /** @return every problem found, each naming its key; empty if the profile is sound. */
    static List<String> problems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            problems.add("a profile is a JSON object");
            return problems;
        }
        for (String key : IDENTITY_KEYS) {
            JsonNode value = root.get(key);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problems.add("missing key '" + key + "' (a non-blank text)");
            }
        }
        if (root.path("id").isTextual() && !ID.matcher(root.get("id").asText()).matches()) {
            problems.add("bad value at 'id': upper-case letters, digits and '_', starting with a letter");
        }
        for (String section : REQUIRED_SECTIONS) {
            JsonNode value = root.get(section);
            if (value == null) {
                problems.add("missing section '" + section + "'");
            } else if (!value.isObject()) {
                problems.add("bad value at '" + section + "': a section is a JSON object");
            }
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!IDENTITY_KEYS.contains(key) && !REQUIRED_SECTIONS.contains(key)) {
                problems.add("unknown key '" + key + "'");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            check(field.getKey(), field.getKey(), field.getValue(), problems);
        }
        return problems;
    }

    private static void check(String path, String key, JsonNode value, List<String> problems) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // An object named *Percent (a table of percentages) passes its name on to its entries.
                String childKey = key.endsWith("Percent") ? key : field.getKey();
                check(path + "." + field.getKey(), childKey, field.getValue(), problems);
            }
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", key, value.get(i), problems);
            }
            return;
        }
        if (value.isNumber()) {
            checkNumber(path, key, value, problems);
        } else if (value.isTextual()) {
            checkText(path, key, value.asText(), problems);
        } else if (value.isNull()) {
            problems.add("bad value at '" + path + "': null");
        }
    }

    private static void checkNumber(String path, String key, JsonNode value, List<String> problems) {
        double number = value.asDouble();
        if (number < 0) {
            problems.add("bad value at '" + path + "': " + value + " is negative");
            return;
        }
        if (key.endsWith("Percent") && number > 100) {
            problems.add("bad value at '" + path + "': " + value + " is not a percentage from 0 to 100");
        } else if (key.endsWith("Threshold") && number > 1) {
            problems.add("bad value at '" + path + "': " + value + " is not a fraction from 0 to 1");
        }
        for (String suffix : WHOLE_SUFFIXES) {
            if (key.endsWith(suffix) && !value.isIntegralNumber()) {
                problems.add("bad value at '" + path + "': " + value + " is not a whole number");
                break;
            }
        }
    }

    private static void checkText(String path, String key, String text, List<String> problems) {
        if (key.endsWith("Currency") && !CURRENCY.matcher(text).matches()) {
            problems.add("bad value at '" + path + "': '" + text + "' is not a three-letter currency code");
        } else if (key.endsWith("Residencies") && !COUNTRY.matcher(text).matches()) {
            problems.add("bad value at '" + path + "': '" + text + "' is not a two-letter country code");
        } else if (key.endsWith("Rewards") && !REWARD_TYPES.contains(text)) {
            problems.add("bad value at '" + path + "': unknown reward type '" + text + "' (known: "
                    + String.join(", ", REWARD_TYPES.stream().sorted().toList()) + ")");
        } else if (key.endsWith("Version") && text.isBlank()) {
            problems.add("bad value at '" + path + "': blank");
        }
    }
}
