package io.lantau.gateway.binance;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one request as Binance reads them: from the raw query string and the raw form body, in any order;
 * a name repeated within one part is {@code -1101}; a name in both parts takes the query's value. Keeps the raw text
 * for signature checks, which are made over the bytes as received, never re-encoded.
 */
public final class Params {
    private static final String SIGNATURE = "signature";

    private final String rawQuery;
    private final String rawBody;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    private Params(String rawQuery, String rawBody) {
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.rawBody = rawBody == null ? "" : rawBody;
    }

    /**
     * @throws BinanceException {@code -1101} for a repeated name, {@code -1100} for text that is not valid
     *                          percent-encoded UTF-8.
     */
    public static Params parse(String rawQuery, String rawBody) {
        Params params = new Params(rawQuery, rawBody);
        Map<String, String> body = parsePart(params.rawBody);
        params.values.putAll(body);
        params.values.putAll(parsePart(params.rawQuery));
        return params;
    }

    /**
     * Parameters already decoded by another front end (the web UI's JSON body), so that it is held to exactly the
     * same order rules and errors as a Binance request. Has no raw text and so no signature.
     */
    public static Params of(Map<String, String> decoded) {
        Params params = new Params("", "");
        params.values.putAll(decoded);
        return params;
    }

    private static Map<String, String> parsePart(String raw) {
        Map<String, String> part = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return part;
        }
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(raw.substring(start, end), "parameter");
                    value = "";
                } else {
                    name = decode(raw.substring(start, eq), "parameter");
                    value = decode(raw.substring(eq + 1, end), name);
                }
                if (part.put(name, value) != null) {
                    throw new BinanceException(BinanceError.DUPLICATE_PARAMETER);
                }
            }
            start = end + 1;
        }
        return part;
    }

    private static String decode(String text, String parameter) {
        if (isPlainAscii(text)) {
            return text;
        }
        byte[] bytes = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new BinanceException(BinanceError.illegalChars(parameter));
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new BinanceException(BinanceError.illegalChars(parameter));
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c >= 0x20 && c < 0x7f) {
                bytes[n++] = (byte) c;
            } else {
                throw new BinanceException(BinanceError.illegalChars(parameter));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new BinanceException(BinanceError.illegalChars(parameter));
        }
    }

    /** @return whether the text needs no decoding: printable ASCII without '%' and '+'. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '%' || c == '+') {
                return false;
            }
        }
        return true;
    }

    /** @return the value, or {@code null} if absent. Marks the name as read. */
    public String optional(String name) {
        read.add(name);
        return values.get(name);
    }

    /** @return the value; {@code -1102} if absent or empty. */
    public String required(String name) {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw new BinanceException(BinanceError.mandatory(name));
        }
        return value;
    }

    /** @return the value as a long, or {@code defaultValue} if absent; {@code -1100} if it is not an integer. */
    public long optionalLong(String name, long defaultValue) {
        String value = optional(name);
        if (value == null) {
            return defaultValue;
        }
        return parseLong(name, value);
    }

    public long requiredLong(String name) {
        return parseLong(name, required(name));
    }

    private static long parseLong(String name, String value) {
        if (value.isEmpty() || value.length() > 19) {
            throw new BinanceException(BinanceError.illegalValue(name));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                if (!(i == 0 && c == '-' && value.length() > 1)) {
                    throw new BinanceException(BinanceError.illegalValue(name));
                }
            }
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BinanceException(BinanceError.illegalValue(name)); // 19 digits above Long.MAX_VALUE
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return how many distinct names were sent. */
    public int size() {
        return values.size();
    }

    /**
     * Binance refuses parameters an endpoint does not read ({@code -1104}). Call after reading everything.
     *
     * @param alsoAccepted names that are accepted but ignored by this endpoint.
     */
    public void requireAllRead(Set<String> alsoAccepted) {
        int unread = 0;
        for (String name : values.keySet()) {
            if (!read.contains(name) && !alsoAccepted.contains(name)) {
                unread++;
            }
        }
        if (unread > 0) {
            throw new BinanceException(BinanceError.notAllRead(values.size() - unread, values.size()));
        }
    }

    /** @return the exact text the client signed: the raw query then the raw body, without the signature field. */
    public String signaturePayload() {
        return withoutSignature(rawQuery) + withoutSignature(rawBody);
    }

    private static String withoutSignature(String raw) {
        int at = raw.startsWith(SIGNATURE + "=") ? 0 : raw.indexOf("&" + SIGNATURE + "=");
        if (at < 0) {
            return raw;
        }
        int valueEnd = raw.indexOf('&', at == 0 ? 0 : at + 1);
        if (at == 0) {
            return valueEnd < 0 ? "" : raw.substring(valueEnd + 1);
        }
        return valueEnd < 0 ? raw.substring(0, at) : raw.substring(0, at) + raw.substring(valueEnd);
    }

    /** @return the signature as sent (still URL-encoded for Ed25519's base64), or {@code null}. */
    public String signature() {
        read.add(SIGNATURE);
        return values.get(SIGNATURE);
    }
}
