package io.lantau.collectibles;

import io.lantau.compliance.profile.JurisdictionProfile;
import java.util.List;
import java.util.Set;

/**
 * The {@code collectibles} section of a jurisdiction profile, field for field as in the profile JSON.
 *
 * @param secondaryMarket          whether resale listings and offers exist (false under the mainland profile: CN-03).
 * @param exportToPublicChain      whether items may be withdrawn to a public chain (false: CN-07).
 * @param allowedCurrencies        the only currencies prices and payments may use (mainland: CNY only, CN-04).
 * @param forbiddenCategories      categories that may not be issued (mainland: financial assets, CN-01).
 * @param realNameRequired         whether issuers, buyers and gift recipients must be KYC-verified (CN-05).
 * @param buyerMinimumAgeYears     the youngest buyer accepted; 0 for none (CN-05).
 * @param giftingAllowed           whether gifts are possible at all (Huanhe-style profiles: none, CN-06).
 * @param giftHoldingDays          how long a holder keeps an item before it may be gifted (CN-06).
 * @param recipientHoldingDays     how long a gift's recipient keeps it before gifting it on (CN-06).
 * @param recipientMinimumAgeYears the youngest gift recipient accepted (CN-06).
 * @param maxGiftsPerItem          the most gifts one item may go through; 0 for no limit (CN-06).
 * @param platformFeeBps           the platform's fee on each resale, in basis points of the price.
 * @param maxRoyaltyBps            the highest creator royalty a collection may set, in basis points.
 */
public record CollectiblesSettings(boolean secondaryMarket, boolean exportToPublicChain,
        List<String> allowedCurrencies, List<String> forbiddenCategories, boolean realNameRequired,
        int buyerMinimumAgeYears, boolean giftingAllowed, int giftHoldingDays, int recipientHoldingDays,
        int recipientMinimumAgeYears, int maxGiftsPerItem, int platformFeeBps, int maxRoyaltyBps) {

    /** The section's key in the profile. */
    public static final String SECTION = "collectibles";

    public CollectiblesSettings {
        allowedCurrencies = List.copyOf(allowedCurrencies);
        forbiddenCategories = List.copyOf(forbiddenCategories);
        for (String category : forbiddenCategories) {
            Category.valueOf(category); // an unknown name is a profile error, not a silent no-op
        }
        if (platformFeeBps > 10_000 || maxRoyaltyBps > 10_000 || platformFeeBps + maxRoyaltyBps > 10_000) {
            throw new IllegalArgumentException("platformFeeBps + maxRoyaltyBps must be at most 10000");
        }
    }

    /** @return the section of the profile. */
    public static CollectiblesSettings of(JurisdictionProfile profile) {
        return profile.section(SECTION, CollectiblesSettings.class);
    }

    /** @return whether the category may be issued (CN-01). */
    public boolean allows(Category category) {
        return !forbiddenCategories.contains(category.name());
    }

    /** @return whether prices and payments may be in the currency (CN-04). */
    public boolean allowsCurrency(String currency) {
        return allowedCurrencies.contains(currency);
    }

    /** @return the forbidden categories as a set. */
    public Set<String> forbidden() {
        return Set.copyOf(forbiddenCategories);
    }
}
