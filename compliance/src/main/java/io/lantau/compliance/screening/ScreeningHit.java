package io.lantau.compliance.screening;

/**
 * A name that matched a list entry at or above the profile's threshold (HK-24).
 *
 * @param source       which list the entry is on.
 * @param entry        the matched entry.
 * @param listedName   which of the entry's names matched best.
 * @param screenedName which of the client's names matched it.
 * @param score        the similarity, in [0, 1].
 */
public record ScreeningHit(String source, SanctionsEntry entry, String listedName, String screenedName,
        double score) {
}
