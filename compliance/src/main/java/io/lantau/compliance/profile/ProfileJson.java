package io.lantau.compliance.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The one strict Jackson mapper profiles are read and bound with: unknown keys, missing keys, nulls, duplicate keys,
 * numbers as strings and fractions into integers are all errors. Thread-safe once built.
 */
final class ProfileJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ProfileJson() {
    }

    /** @return the tree as compact JSON with every object's keys sorted: the same text for the same content. */
    static String canonical(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(MAPPER.convertValue(tree, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed profile back as JSON", e);
        }
    }

    /** @return a message for a binding failure that names the key by its dotted path under {@code prefix}. */
    static String describe(String prefix, JsonMappingException e) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + prefix + "." + u.getPropertyName() + "'";
        }
        String original = e.getOriginalMessage();
        if (e instanceof MismatchedInputException && original.startsWith("Missing")
                && original.contains("creator property")) {
            int start = original.indexOf('\'');
            int end = original.indexOf('\'', start + 1);
            String key = start >= 0 && end > start ? original.substring(start + 1, end) : "?";
            return "missing key '" + prefix + "." + key + "'";
        }
        if (original.startsWith("Null value for creator property")) {
            int start = original.indexOf('\'');
            int end = original.indexOf('\'', start + 1);
            String key = start >= 0 && end > start ? original.substring(start + 1, end) : "?";
            return "missing key '" + prefix + "." + key + "' (null)";
        }
        return "bad value at '" + path + "': " + firstLine(original);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
