package io.lantau.compliance.admission;

import java.time.LocalDate;

/**
 * The asset's inclusion in an index (HK-10, VATP 7.8).
 *
 * @param indexId                      the index, e.g. {@code FTSE-DAR-LARGE}.
 * @param provider                     who publishes it.
 * @param providerIndependent          whether the provider is independent of the issuer, of the operator and of the
 *                                     other providers (only then is the index acceptable).
 * @param providerHasTradFiExperience  whether the provider publishes indices for conventional financial markets.
 * @param asOfDate                     the date the inclusion was observed.
 */
public record IndexMembership(
        String indexId,
        String provider,
        boolean providerIndependent,
        boolean providerHasTradFiExperience,
        LocalDate asOfDate) {
}
