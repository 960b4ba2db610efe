package io.lantau.compliance.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts names in the form {@link NameScreener} compares: compatibility-decomposed (NFKD) with the diacritics dropped,
 * letters the decomposition leaves alone folded by hand (ß, æ, ø, ł, ...), lower case, apostrophes removed
 * ({@code O'Brien} = {@code OBrien}), every other non-letter non-digit a separator ({@code AL-ZAWAHIRI} =
 * {@code al zawahiri}), and titles that lists and clients add or omit at will (Mr, Dr, Colonel, Sheikh, ...)
 * dropped. Letters of every script are kept, so names in Chinese characters compare as written. Stateless.
 */
final class NameNormaliser {
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
            "col", "colonel", "gen", "general", "maj", "major", "capt", "captain", "lt", "lieutenant",
            "sheikh", "shaikh", "sheik", "haji", "hajji", "mullah", "maulana", "mawlawi");

    private NameNormaliser() {
    }

    /** @return the name's tokens in their original order; empty for a name with no letters or digits. */
    static List<String> tokens(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder current = new StringBuilder();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || isApostrophe(cp)) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                appendFolded(current, cp);
            } else {
                flush(current, tokens);
            }
        }
        flush(current, tokens);
        return tokens;
    }

    private static void flush(StringBuilder current, List<String> tokens) {
        if (!current.isEmpty()) {
            String token = current.toString();
            if (!TITLES.contains(token)) {
                tokens.add(token);
            }
            current.setLength(0);
        }
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u02BC' || cp == '\u02BB';
    }

    /** Letters that NFKD does not decompose into a base letter plus marks. */
    private static void appendFolded(StringBuilder out, int cp) {
        switch (Character.toLowerCase(cp)) {
            case 'ß' -> out.append("ss");
            case 'æ' -> out.append("ae");
            case 'œ' -> out.append("oe");
            case 'ø' -> out.append('o');
            case 'ł' -> out.append('l');
            case 'đ', 'ð' -> out.append('d');
            case 'þ' -> out.append("th");
            case 'ı' -> out.append('i');
            case 'ħ' -> out.append('h');
            default -> out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
        }
    }
}
