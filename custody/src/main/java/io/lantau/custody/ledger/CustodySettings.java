package io.lantau.custody.ledger;

import io.lantau.compliance.profile.JurisdictionProfile;
import java.util.Map;

/**
 * The profile's {@code custody} section (HK-16, HK-18): every custody threshold a jurisdiction sets. Bound strictly:
 * a package that binds the same section must use this record (or carry every key).
 *
 * @param minColdPercent          HK-16: the least share of each client asset in cold storage.
 * @param maxHotPercent           HK-16: the most share in hot wallets.
 * @param depositConfirmations    blocks a deposit must have (its own included) before the core credits it.
 * @param newAddressCooldownHours HK-18: how long a newly whitelisted address waits before it may receive.
 * @param withdrawalConfirmations blocks a withdrawal's transaction must have before the core settles it.
 * @param withdrawalTotpRequired  whether each withdrawal needs a fresh TOTP code (HK-29).
 * @param withdrawalLimits        per asset code: fee, review threshold and velocity limits.
 */
public record CustodySettings(int minColdPercent, int maxHotPercent, int depositConfirmations,
        int newAddressCooldownHours, int withdrawalConfirmations, boolean withdrawalTotpRequired,
        Map<String, WithdrawalLimits> withdrawalLimits) {
    /** The section's key in the profile. */
    public static final String SECTION = "custody";

    public CustodySettings {
        if (depositConfirmations < 1 || withdrawalConfirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1 (the block itself)");
        }
        withdrawalLimits = Map.copyOf(withdrawalLimits);
    }

    /** @return the profile's custody section. */
    public static CustodySettings of(JurisdictionProfile profile) {
        return profile.section(SECTION, CustodySettings.class);
    }

    /** @return the asset's limits; an asset the profile does not list cannot be withdrawn. */
    public WithdrawalLimits limits(String asset) {
        WithdrawalLimits limits = withdrawalLimits.get(asset);
        if (limits == null) {
            throw new IllegalArgumentException("the profile sets no withdrawal limits for " + asset);
        }
        return limits;
    }

    /**
     * One asset's withdrawal rules, in the asset's minor units.
     *
     * @param feeMinor           the fixed fee the client pays per withdrawal, on top of the amount; the platform
     *                           pays the network fee (gas) from its own funds.
     * @param reviewAboveMinor   an amount above this waits for a staff reviewer's approval.
     * @param accountDailyMinor  the most one account may withdraw over any 24 hours (amounts, not fees).
     * @param platformDailyMinor the most all accounts together may withdraw over any 24 hours.
     */
    public record WithdrawalLimits(long feeMinor, long reviewAboveMinor, long accountDailyMinor,
            long platformDailyMinor) {
    }
}
