package io.lantau.custody.fiat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a bank account holder's name is the client's KYC legal name (HK-07), compared normalised: compatibility
 * decomposition with diacritics dropped, case folded, punctuation and apostrophes ignored, titles (Mr, Ms, Dr...)
 * dropped, and the words compared as a set in any order, so that a bank's {@code CHAN TAI MAN} is the KYC's
 * {@code Tai Man Chan} and {@code Chan, Tai-Man}. Names in Chinese characters compare as written (spaces ignored).
 */
public final class HolderNames {
    private static final Set<String> TITLES = Set.of("MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "SIR", "DAME");

    private HolderNames() {
    }

    /** @return whether the two names are the same person's name under the normalisation above. */
    public static boolean same(String a, String b) {
        String[] x = words(a);
        String[] y = words(b);
        return x.length > 0 && Arrays.equals(x, y);
    }

    /** @return the name's words, normalised and sorted. */
    static String[] words(String name) {
        if (name == null) {
            return new String[0];
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("['\u2019\u2018`]", "").toUpperCase(Locale.ROOT);
        String[] words = Arrays.stream(decomposed.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .filter(w -> !TITLES.contains(w)).toArray(String[]::new);
        Arrays.sort(words);
        return words;
    }
}
