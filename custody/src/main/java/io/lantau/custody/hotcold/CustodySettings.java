package io.lantau.custody.hotcold;

/**
 * The profile's {@code custody} section (HK-16, HK-18). Bound with
 * {@code JurisdictionProfile.section(CustodySettings.SECTION, CustodySettings.class)}.
 *
 * @param minColdPercent          at least this share of each client asset in cold storage (HK-16: 98).
 * @param maxHotPercent           at most this share hot (HK-16: 2).
 * @param depositConfirmations    confirmations before a chain deposit is credited (read by the deposit watcher).
 * @param newAddressCooldownHours cool-down of a newly whitelisted address (read by withdrawals, HK-18).
 */
public record CustodySettings(int minColdPercent, int maxHotPercent, int depositConfirmations,
        int newAddressCooldownHours) {
    public static final String SECTION = "custody";

    public CustodySettings {
        if (minColdPercent < 0 || maxHotPercent < 0 || minColdPercent > 100 || maxHotPercent > 100
                || minColdPercent + maxHotPercent > 100) {
            throw new IllegalArgumentException("custody: cold and hot percentages must be 0 to 100 and fit in 100");
        }
    }
}
