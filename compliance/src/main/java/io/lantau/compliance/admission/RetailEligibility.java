package io.lantau.compliance.admission;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HK-10 (VATP 7.8): an asset is an eligible large-cap virtual asset for retail when it is included in at least
 * {@code minAcceptableIndices} acceptable indices from at least {@code minIndexProviders} distinct providers, and (if
 * {@code requireTradFiProvider}) at least one of those providers publishes indices for conventional financial
 * markets. Only indices from providers independent of the issuer, the operator and each other are acceptable.
 *
 * @param eligible           the verdict.
 * @param acceptableIndices  how many acceptable indices include the asset.
 * @param providers          from how many distinct independent providers.
 * @param tradFiProvider     whether one of them has conventional-market experience.
 */
public record RetailEligibility(boolean eligible, int acceptableIndices, int providers, boolean tradFiProvider) {

    /** @return the eligibility of an asset with these current memberships under the profile's rules. */
    public static RetailEligibility of(TokenAdmissionSettings settings, List<IndexMembership> memberships) {
        int indices = 0;
        Set<String> providers = new HashSet<>();
        boolean tradFi = false;
        for (IndexMembership m : memberships) {
            if (!m.providerIndependent()) {
                continue;
            }
            indices++;
            providers.add(m.provider().strip().toLowerCase(Locale.ROOT));
            tradFi |= m.providerHasTradFiExperience();
        }
        boolean eligible = indices >= settings.minAcceptableIndices()
                && providers.size() >= settings.minIndexProviders()
                && (tradFi || !settings.requireTradFiProvider());
        return new RetailEligibility(eligible, indices, providers.size(), tradFi);
    }
}
