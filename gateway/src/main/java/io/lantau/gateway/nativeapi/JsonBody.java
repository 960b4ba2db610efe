package io.lantau.gateway.nativeapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body read strictly: strict UTF-8, exactly one JSON object, each field once, nesting at most
 * {@value #MAX_DEPTH} deep. An endpoint first names the fields it knows ({@link #allowOnly}), then reads each with its
 * type and length limit. Every fault is a {@link NativeException} with a 400 code naming the field. Not thread-safe
 * (one request).
 */
public final class JsonBody {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_FIELD_NAME_SHOWN = 64;
    private static final Object NULL = new Object();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String path;
    private final Map<String, Object> fields;

    /** A JSON number as written; {@code integral} when it has neither fraction nor exponent. */
    private record JsonNumber(String text, boolean integral) {
    }

    private JsonBody(String path, Map<String, Object> fields) {
        this.path = path;
        this.fields = fields;
    }

    /** @return the empty body, for endpoints whose body may be absent. */
    public static JsonBody empty() {
        return new JsonBody("", Collections.emptyMap());
    }

    /**
     * @throws NativeException {@link NativeError#MALFORMED_JSON} unless the bytes are one JSON object in UTF-8 with
     *                         no repeated field.
     */
    public static JsonBody parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NativeException(NativeError.MALFORMED_JSON, "not UTF-8");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NativeException(NativeError.MALFORMED_JSON, "not an object");
            }
            JsonBody body = readObject(parser, "", 1);
            if (parser.nextToken() != null) {
                throw new NativeException(NativeError.MALFORMED_JSON, "text after the object");
            }
            return body;
        } catch (IOException e) {
            // Jackson's message may quote the input (a password): never pass it on.
            throw new NativeException(NativeError.MALFORMED_JSON);
        }
    }

    private static JsonBody readObject(JsonParser parser, String path, int depth) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, readValue(parser, path + name + ".", depth));
        }
        return new JsonBody(path, fields);
    }

    private static Object readValue(JsonParser parser, String path, int depth) throws IOException {
        JsonToken t = parser.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
            throw new NativeException(NativeError.MALFORMED_JSON, "nested too deep");
        }
        return switch (t) {
            case START_OBJECT -> readObject(parser, path, depth + 1);
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken i = parser.nextToken(); i != JsonToken.END_ARRAY; i = parser.nextToken()) {
                    items.add(readValue(parser, path, depth + 1));
                }
                yield items;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            case VALUE_NUMBER_INT -> new JsonNumber(parser.getText(), true);
            case VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText(), false);
            default -> throw new NativeException(NativeError.MALFORMED_JSON);
        };
    }

    /** @throws NativeException {@link NativeError#UNKNOWN_FIELD} for the first field not in {@code known}. */
    public JsonBody allowOnly(Set<String> known) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                String shown = name.length() > MAX_FIELD_NAME_SHOWN ? name.substring(0, MAX_FIELD_NAME_SHOWN) + "…"
                        : name;
                throw new NativeException(NativeError.UNKNOWN_FIELD, path + shown);
            }
        }
        return this;
    }

    /** @return the string; {@link NativeError#MISSING_FIELD} if absent or null. */
    public String requiredString(String name, int maxLength) {
        String value = optionalString(name, maxLength);
        if (value == null) {
            throw new NativeException(NativeError.MISSING_FIELD, path + name);
        }
        return value;
    }

    /** @return the string, or null if absent or null; {@link NativeError#VALUE_TOO_LONG} past {@code maxLength}. */
    public String optionalString(String name, int maxLength) {
        Object value = value(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw wrongType(name, "a string");
        }
        if (s.length() > maxLength) {
            throw new NativeException(NativeError.VALUE_TOO_LONG, path + name + ": at most " + maxLength);
        }
        return s;
    }

    /**
     * @return a positive integer id; {@link NativeError#MISSING_FIELD} if absent or null, {@link NativeError#WRONG_TYPE}
     *         unless a JSON integer, {@link NativeError#INVALID_VALUE} unless 1 to {@link Long#MAX_VALUE}.
     */
    public long requiredId(String name) {
        Object value = value(name);
        if (value == null) {
            throw new NativeException(NativeError.MISSING_FIELD, path + name);
        }
        if (!(value instanceof JsonNumber number) || !number.integral()) {
            throw wrongType(name, "an integer");
        }
        long id;
        try {
            id = Long.parseLong(number.text());
        } catch (NumberFormatException e) {
            throw new NativeException(NativeError.INVALID_VALUE, path + name);
        }
        if (id < 1) {
            throw new NativeException(NativeError.INVALID_VALUE, path + name);
        }
        return id;
    }

    /** @return the boolean, or {@code otherwise} if absent or null. */
    public boolean optionalBoolean(String name, boolean otherwise) {
        Object value = value(name);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean b)) {
            throw wrongType(name, "true or false");
        }
        return b;
    }

    /** @return the nested object, or the empty body if absent or null. */
    public JsonBody optionalObject(String name) {
        Object value = value(name);
        if (value == null) {
            return new JsonBody(path + name + ".", Collections.emptyMap());
        }
        if (!(value instanceof JsonBody b)) {
            throw wrongType(name, "an object");
        }
        return b;
    }

    /** @return the strings of an array (empty if absent or null), each within {@code maxLength}. */
    public List<String> optionalStrings(String name, int maxItems, int maxLength) {
        Object value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw wrongType(name, "an array of strings");
        }
        if (items.size() > maxItems) {
            throw new NativeException(NativeError.VALUE_TOO_LONG, path + name + ": at most " + maxItems + " items");
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw wrongType(name, "an array of strings");
            }
            if (s.length() > maxLength) {
                throw new NativeException(NativeError.VALUE_TOO_LONG, path + name + ": items of at most " + maxLength);
            }
            strings.add(s);
        }
        return strings;
    }

    /** @return whether the field is present and not null. */
    public boolean has(String name) {
        return value(name) != null;
    }

    /**
     * @return the integer within {@code [min, max]}; {@link NativeError#MISSING_FIELD} if absent or null,
     *         {@link NativeError#WRONG_TYPE} unless a JSON integer, {@link NativeError#INVALID_VALUE} out of range.
     */
    public long requiredLong(String name, long min, long max) {
        if (!has(name)) {
            throw new NativeException(NativeError.MISSING_FIELD, path + name);
        }
        return optionalLong(name, min, max, min);
    }

    /** @return the integer within {@code [min, max]}, or {@code otherwise} if absent or null. */
    public long optionalLong(String name, long min, long max, long otherwise) {
        Object value = value(name);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof JsonNumber number) || !number.integral()) {
            throw wrongType(name, "an integer");
        }
        long parsed;
        try {
            parsed = Long.parseLong(number.text());
        } catch (NumberFormatException e) {
            throw new NativeException(NativeError.INVALID_VALUE, path + name + ": " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw new NativeException(NativeError.INVALID_VALUE, path + name + ": " + min + " to " + max);
        }
        return parsed;
    }

    /**
     * A decimal amount, sent as a JSON string (amounts never travel as JSON numbers: DESIGN.md section 3).
     *
     * @return the value; {@link NativeError#INVALID_VALUE} unless a plain decimal of at most 40 characters.
     */
    public java.math.BigDecimal requiredDecimal(String name) {
        String text = requiredString(name, 40);
        if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new NativeException(NativeError.INVALID_VALUE, path + name + " must be a decimal string");
        }
        return new java.math.BigDecimal(text);
    }

    /** @return the objects of an array (empty if absent or null), at most {@code maxItems}. */
    public List<JsonBody> optionalObjects(String name, int maxItems) {
        Object value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw wrongType(name, "an array of objects");
        }
        if (items.size() > maxItems) {
            throw new NativeException(NativeError.VALUE_TOO_LONG, path + name + ": at most " + maxItems + " items");
        }
        List<JsonBody> objects = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof JsonBody b)) {
                throw wrongType(name, "an array of objects");
            }
            objects.add(b);
        }
        return objects;
    }

    private Object value(String name) {
        Object value = fields.get(name);
        return value == NULL ? null : value;
    }

    private NativeException wrongType(String name, String expected) {
        return new NativeException(NativeError.WRONG_TYPE, path + name + " must be " + expected);
    }
}
