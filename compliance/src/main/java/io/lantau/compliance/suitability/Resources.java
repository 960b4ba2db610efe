package io.lantau.compliance.suitability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Reads the versioned suitability resources that sit beside this package's classes. */
final class Resources {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Resources() {
    }

    /** @return the resource's bytes; {@code null} if there is none. */
    static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** @throws IllegalArgumentException if there is no such resource or it is not JSON. */
    static JsonNode json(String name) {
        byte[] bytes = bytes(name);
        if (bytes == null) {
            throw new IllegalArgumentException("no resource " + name);
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("resource " + name + " is not valid JSON", e);
        }
    }

    /** @throws IllegalArgumentException unless the version is a safe file-name fragment. */
    static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return version;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing text field '" + field + "' in " + node);
        }
        return value.asText();
    }
}
