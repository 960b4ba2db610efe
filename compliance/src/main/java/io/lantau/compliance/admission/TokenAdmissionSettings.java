package io.lantau.compliance.admission;

/**
 * The jurisdiction profile's section {@code "tokenAdmission"}.
 *
 * @param minAcceptableIndices  HK-10: how many acceptable indices (from independent providers) must include the
 *                              asset for retail eligibility.
 * @param minIndexProviders     HK-10: from how many distinct independent providers those indices must come.
 * @param requireTradFiProvider HK-10: whether one of the providers must have published indices for conventional
 *                              financial markets.
 * @param trackRecordMonths     HK-12 (VATP 7.6(c)): the track record an asset other than a security token needs
 *                              before admission, in months; 0 for none.
 * @param committeeQuorum       HK-13: how many committee members must vote for a decision to be taken.
 * @param reviewEveryDays       HK-13: an admitted asset without a committee decision for longer than this is overdue
 *                              for review.
 */
public record TokenAdmissionSettings(
        int minAcceptableIndices,
        int minIndexProviders,
        boolean requireTradFiProvider,
        int trackRecordMonths,
        int committeeQuorum,
        int reviewEveryDays) {

    public TokenAdmissionSettings {
        if (minAcceptableIndices < 0 || minIndexProviders < 0 || trackRecordMonths < 0) {
            throw new IllegalArgumentException("index counts and track record must be >= 0");
        }
        if (committeeQuorum < 1) {
            throw new IllegalArgumentException("committeeQuorum must be >= 1");
        }
        if (reviewEveryDays < 1) {
            throw new IllegalArgumentException("reviewEveryDays must be >= 1");
        }
    }
}
