package io.lantau.compliance.suitability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned text of the Schedule 2 risk-disclosure statements (HK-08), read from the resource
 * {@code disclosure-<version>.<language>.txt} beside this class: a title line, then numbered statements. The SHA-256
 * of the exact bytes identifies what the client was shown; an acknowledgement names it. A published text is never
 * edited: a change is a new version. Immutable.
 *
 * @param statements the numbered statements in order, without their numbers.
 * @param text       the whole canonical text, as shown.
 * @param sha256     lowercase hex SHA-256 of the text's UTF-8 bytes.
 */
public record DisclosureText(String version, String language, String title, List<String> statements, String text,
        String sha256) {
    private static final Pattern STATEMENT = Pattern.compile("(?m)^(\\d+)\\. (.+)$");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");

    public DisclosureText {
        statements = List.copyOf(statements);
    }

    /**
     * Loads a text.
     *
     * @throws IllegalArgumentException if there is no text of that version in that language, or its statements are
     *                                  not numbered 1, 2, 3 … in order.
     */
    public static DisclosureText load(String version, String language) {
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("not a language tag: " + language);
        }
        byte[] bytes = Resources.bytes("disclosure-" + Resources.checkVersion(version) + "." + language + ".txt");
        if (bytes == null) {
            throw new IllegalArgumentException("no disclosure text " + version + " in " + language);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> statements = new ArrayList<>();
        Matcher m = STATEMENT.matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != statements.size() + 1) {
                throw new IllegalArgumentException("disclosure " + version + ": statement " + m.group(1)
                        + " out of order");
            }
            statements.add(m.group(2).strip());
        }
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("disclosure " + version + " has no numbered statements");
        }
        String title = text.lines().findFirst().orElse("").strip();
        return new DisclosureText(version, language, title, statements, text, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
