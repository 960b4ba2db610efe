package io.lantau.compliance.screening;

/**
 * The jurisdiction profile's section {@code "screening"} (HK-24).
 *
 * @param nameMatchThreshold the similarity, in (0, 1], from which a name counts as a hit against a list entry; see
 *                           {@link NameScreener} for how similarity is computed.
 */
public record ScreeningSettings(double nameMatchThreshold) {

    public ScreeningSettings {
        if (!(nameMatchThreshold > 0.0 && nameMatchThreshold <= 1.0)) {
            throw new IllegalArgumentException("nameMatchThreshold must be in (0, 1]: " + nameMatchThreshold);
        }
    }
}
