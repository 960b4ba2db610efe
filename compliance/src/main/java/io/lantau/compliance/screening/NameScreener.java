package io.lantau.compliance.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Fuzzy name matching against sanctions lists (HK-24).
 *
 * <p>Each name is normalised ({@link NameNormaliser}: case, diacritics, punctuation, titles) into tokens. The
 * similarity of two names is the larger of:
 * <ul>
 *   <li><b>token alignment</b>, independent of token order: tokens are paired greedily by Jaro-Winkler similarity
 *       (best pairs first, each token used once; a pair under {@value #TOKEN_FLOOR} counts as unpaired), and the
 *       score is the sum of each pair's similarity weighted by the pair's length, over the length of all tokens of
 *       both names. An unpaired token, on either side, lowers the score: "Sultani Makenga" against a listed
 *       "Emmanuel Sultani Makenga" scores about 0.78;</li>
 *   <li><b>compact</b> Jaro-Winkler of both names with the separators removed, tokens in their written order, which
 *       catches names split or joined differently ("Je-Son" and "Jeson").</li>
 * </ul>
 * Every name of the client (full name and other names) is compared with every name of every entry (primary name,
 * aliases, name in original script); an entry is a hit when its best pair reaches the profile's
 * {@link ScreeningSettings#nameMatchThreshold()}.
 *
 * <p>Immutable and thread-safe. Cost is linear in the number of listed names (the UN list has about a thousand
 * entries); no blocking index is kept.
 */
public final class NameScreener {
    /** Token pairs less similar than this count as unpaired in the alignment score. */
    static final double TOKEN_FLOOR = 0.8;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final double threshold;
    private final List<ListedName> names;

    /**
     * @param settings the profile's screening section.
     * @param lists    the lists in force.
     */
    public NameScreener(ScreeningSettings settings, Collection<SanctionsList> lists) {
        this.threshold = settings.nameMatchThreshold();
        List<ListedName> all = new ArrayList<>();
        for (SanctionsList list : lists) {
            for (SanctionsEntry entry : list.entries()) {
                for (String name : entry.allNames()) {
                    Name normalised = Name.of(name);
                    if (!normalised.tokens.isEmpty()) {
                        all.add(new ListedName(list.source(), entry, name, normalised));
                    }
                }
            }
        }
        this.names = List.copyOf(all);
    }

    /** @return the threshold in force. */
    public double threshold() {
        return threshold;
    }

    /**
     * Screens a person or entity.
     *
     * @param fullName   the name as on the identity document.
     * @param otherNames other names (aliases, former names, the name in another script); may be empty.
     * @return one hit per matching entry (its best-matching name pair), highest score first; empty if none.
     */
    public List<ScreeningHit> screen(String fullName, List<String> otherNames) {
        Objects.requireNonNull(fullName, "fullName");
        List<String> variants = new ArrayList<>(1 + otherNames.size());
        variants.add(fullName);
        variants.addAll(otherNames);
        List<Name> screened = new ArrayList<>(variants.size());
        for (String v : variants) {
            screened.add(Name.of(v));
        }
        List<ScreeningHit> hits = new ArrayList<>();
        for (ListedName listed : names) {
            for (int i = 0; i < screened.size(); i++) {
                Name name = screened.get(i);
                if (name.tokens.isEmpty()) {
                    continue;
                }
                double score = similarity(name, listed.name);
                if (score >= threshold) {
                    addOrKeepBest(hits, new ScreeningHit(listed.source, listed.entry, listed.raw, variants.get(i),
                            score));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(ScreeningHit::score).reversed()
                .thenComparing(h -> h.entry().dataId()));
        return hits;
    }

    /** @return the similarity of two names in [0, 1], as this class defines it. */
    public static double similarity(String a, String b) {
        return similarity(Name.of(a), Name.of(b));
    }

    private static void addOrKeepBest(List<ScreeningHit> hits, ScreeningHit hit) {
        for (int i = 0; i < hits.size(); i++) {
            ScreeningHit other = hits.get(i);
            if (other.source().equals(hit.source()) && other.entry().dataId().equals(hit.entry().dataId())) {
                if (hit.score() > other.score()) {
                    hits.set(i, hit);
                }
                return;
            }
        }
        hits.add(hit);
    }

    private static double similarity(Name a, Name b) {
        if (a.tokens.isEmpty() || b.tokens.isEmpty()) {
            return 0.0;
        }
        double compact = a.compact.equals(b.compact) ? 1.0 : JARO_WINKLER.apply(a.compact, b.compact);
        return Math.max(compact, alignment(a.tokens, b.tokens));
    }

    private static double alignment(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                String x = a.get(i);
                String y = b.get(j);
                sim[i][j] = x.equals(y) ? 1.0 : JARO_WINKLER.apply(x, y);
            }
        }
        boolean[] usedA = new boolean[n];
        boolean[] usedB = new boolean[m];
        double matched = 0;
        for (int pairs = Math.min(n, m); pairs > 0; pairs--) {
            int bi = -1;
            int bj = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                if (usedA[i]) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (!usedB[j] && sim[i][j] > best) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (best < TOKEN_FLOOR) {
                break;
            }
            usedA[bi] = true;
            usedB[bj] = true;
            matched += best * (a.get(bi).length() + b.get(bj).length());
        }
        return matched / (totalLength(a) + totalLength(b));
    }

    private static int totalLength(List<String> tokens) {
        int length = 0;
        for (String t : tokens) {
            length += t.length();
        }
        return length;
    }

    /** A normalised name: its tokens in written order and the same joined without separators. */
    private record Name(List<String> tokens, String compact) {
        static Name of(String raw) {
            List<String> tokens = NameNormaliser.tokens(raw);
            return new Name(List.copyOf(tokens), String.join("", tokens));
        }
    }

    private record ListedName(String source, SanctionsEntry entry, String raw, Name name) {
    }
}
