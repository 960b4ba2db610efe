package io.lantau.gateway.compliance;

import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks every compliance endpoint applies to its path, query and body values before a service sees them, each
 * refusing with a 400 that names the field: ids are digits, hashes hex, enums their constants' names, text without
 * control characters, dates ISO-8601, amounts minor units as a string of digits (amounts never travel as JSON numbers,
 * DESIGN.md section 3).
 */
final class Inputs {
    private static final int MAX_ID_DIGITS = 18;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1," + MAX_ID_DIGITS + "}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern ASSET_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern MINOR = Pattern.compile("[0-9]{1,18}");

    private Inputs() {
    }

    /** @return the path's positive numeric id; {@link ComplianceError#MALFORMED_ID} unless 1 to 18 digits. */
    static long pathId(NativeRequest request, String name) {
        String text = request.pathParam(name);
        if (text == null || !DIGITS.matcher(text).matches() || Long.parseLong(text) < 1) {
            throw new NativeException(ComplianceError.MALFORMED_ID, name);
        }
        return Long.parseLong(text);
    }

    /** @return the path's SHA-256 in lower case; {@link ComplianceError#MALFORMED_ID} unless 64 hex digits. */
    static String pathSha256(NativeRequest request, String name) {
        String text = request.pathParam(name);
        if (text == null || !SHA256.matcher(text).matches()) {
            throw new NativeException(ComplianceError.MALFORMED_ID, name + " must be 64 hex digits");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** @return the path's asset code; {@link ComplianceError#MALFORMED_ID} unless 1 to 16 of A-Z and 0-9. */
    static String pathAssetCode(NativeRequest request, String name) {
        String text = request.pathParam(name);
        if (text == null || !ASSET_CODE.matcher(text).matches()) {
            throw new NativeException(ComplianceError.MALFORMED_ID, name + " must be 1 to 16 of A-Z, 0-9");
        }
        return text;
    }

    /** @return whether {@code text} is an asset code (A-Z, 0-9, 1 to 16). */
    static boolean isAssetCode(String text) {
        return text != null && ASSET_CODE.matcher(text).matches();
    }

    /**
     * @return the text, not blank and without control characters; null if absent and not required.
     */
    static String text(JsonBody body, String name, int maxLength, boolean required) {
        String value = required ? body.requiredString(name, maxLength) : body.optionalString(name, maxLength);
        if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
            throw new NativeException(NativeError.INVALID_VALUE, name);
        }
        return value;
    }

    /** @return the constant of {@code type} named by the field; {@link NativeError#INVALID_VALUE} lists them. */
    static <E extends Enum<E>> E enumValue(JsonBody body, String name, Class<E> type) {
        return enumOf(body.requiredString(name, 64), name, type);
    }

    /** @return the constant named by the field, or null if absent. */
    static <E extends Enum<E>> E optionalEnum(JsonBody body, String name, Class<E> type) {
        String text = body.optionalString(name, 64);
        return text == null ? null : enumOf(text, name, type);
    }

    static <E extends Enum<E>> E enumOf(String text, String name, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new NativeException(NativeError.INVALID_VALUE,
                name + ": one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** @return an ISO-8601 date (YYYY-MM-DD). */
    static LocalDate date(JsonBody body, String name) {
        String text = body.requiredString(name, 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new NativeException(NativeError.INVALID_VALUE, name + " must be a date YYYY-MM-DD");
        }
    }

    /** @return the bytes of a standard base64 field of at most {@code maxChars} characters, at least one byte. */
    static byte[] base64(JsonBody body, String name, int maxChars) {
        String text = body.requiredString(name, maxChars);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new NativeException(NativeError.INVALID_VALUE, name + " must be base64");
        }
        if (bytes.length == 0) {
            throw new NativeException(NativeError.INVALID_VALUE, name + " is empty");
        }
        return bytes;
    }

    /** @return an amount in minor units sent as a string of 1 to 18 digits. */
    static long minorUnits(JsonBody body, String name) {
        String text = body.requiredString(name, 18);
        if (!MINOR.matcher(text).matches()) {
            throw new NativeException(NativeError.INVALID_VALUE, name + " must be a string of digits (minor units)");
        }
        return Long.parseLong(text);
    }

    /** @return the query parameter as an int in {@code [min, max]}, or {@code otherwise} if absent. */
    static int queryInt(NativeRequest request, String name, int min, int max, int otherwise) {
        String text = request.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw new NativeException(NativeError.INVALID_VALUE, name + ": " + min + " to " + max);
        }
        return Integer.parseInt(text);
    }

    /** @return the query parameter as an ISO-8601 instant; required. */
    static Instant queryInstant(NativeRequest request, String name) {
        String text = request.queryParam(name);
        if (text == null) {
            throw new NativeException(NativeError.MISSING_FIELD, name);
        }
        if (text.length() > 40) {
            throw new NativeException(NativeError.VALUE_TOO_LONG, name);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new NativeException(NativeError.INVALID_VALUE, name + " must be an ISO-8601 instant");
        }
    }

    /** Refuses any body: for actions that take none (or {@code {}}). */
    static void noFields(NativeRequest request) {
        request.json().allowOnly(java.util.Set.of());
    }
}
