package io.lantau.compliance.audit;

/**
 * Builds the small JSON object of an {@link AuditEntry}'s details, in the order the keys are put (the text is hashed
 * as built, so the same facts put in the same order give the same text). Strings are escaped; numbers are longs;
 * {@code null} values are written as JSON null. Not thread-safe; one per entry.
 */
public final class AuditDetails {
    private final StringBuilder json = new StringBuilder(128).append('{');

    private AuditDetails() {
    }

    /** @return an empty object to put keys into. */
    public static AuditDetails builder() {
        return new AuditDetails();
    }

    /** Adds a text value ({@code null} gives JSON null). */
    public AuditDetails put(String key, String value) {
        key(key);
        if (value == null) {
            json.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** Adds a number. */
    public AuditDetails put(String key, long value) {
        key(key);
        json.append(value);
        return this;
    }

    /** Adds a boolean. */
    public AuditDetails put(String key, boolean value) {
        key(key);
        json.append(value);
        return this;
    }

    /** Adds an enum constant by name ({@code null} gives JSON null). */
    public AuditDetails put(String key, Enum<?> value) {
        return put(key, value == null ? null : value.name());
    }

    /** @return the JSON object's text. */
    public String build() {
        return json.toString() + '}';
    }

    private void key(String key) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(key);
        json.append(':');
    }

    private void quote(String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
