package io.lantau.custody.hotcold;

import io.lantau.custody.ledger.CustodySettings;
import java.math.BigInteger;

/**
 * The HK-16 arithmetic for one asset, from the profile's percentages: the most the hot wallet may hold, whether a
 * split breaches the limits, how much to sweep and how much the hot wallet may release. Exact (the products go
 * through {@link BigInteger}); the hot cap rounds down and the cold floor rounds up, so the rule is never relaxed by
 * rounding. Immutable.
 */
public final class HotColdPolicy {
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private final CustodySettings settings;

    /** @param settings the profile's {@code custody} section; its percentages must be 0 to 100 and fit in 100. */
    public HotColdPolicy(CustodySettings settings) {
        if (settings.minColdPercent() < 0 || settings.maxHotPercent() < 0
                || settings.minColdPercent() + settings.maxHotPercent() > 100) {
            throw new IllegalArgumentException("custody: cold and hot percentages must be 0 to 100 and fit in 100");
        }
        this.settings = settings;
    }

    /** @return the most that may be hot when the asset's client total is {@code totalMinor}. */
    public long maxHotMinor(long totalMinor) {
        BigInteger total = BigInteger.valueOf(totalMinor);
        long hotCap = total.multiply(BigInteger.valueOf(settings.maxHotPercent())).divide(HUNDRED).longValueExact();
        BigInteger[] coldFloor = total.multiply(BigInteger.valueOf(settings.minColdPercent())).divideAndRemainder(HUNDRED);
        long minCold = coldFloor[0].longValueExact() + (coldFloor[1].signum() > 0 ? 1 : 0);
        return Math.max(0, Math.min(hotCap, totalMinor - minCold));
    }

    /** @return whether this split breaks the hot cap or the cold floor. */
    public boolean breached(long hotMinor, long coldMinor) {
        return hotMinor > maxHotMinor(Math.addExact(hotMinor, coldMinor));
    }

    /** @return how much to sweep from hot to cold to meet the limits again (0 if within them). */
    public long sweepMinor(long hotMinor, long coldMinor) {
        return Math.max(0, hotMinor - maxHotMinor(Math.addExact(hotMinor, coldMinor)));
    }

    /**
     * @return what the hot wallet may pay out now: what it holds, but no more than its cap; what it holds above the
     *     cap belongs in cold storage and waits for the sweep.
     */
    public long releasableMinor(long hotMinor, long coldMinor) {
        return Math.min(hotMinor, maxHotMinor(Math.addExact(hotMinor, coldMinor)));
    }

    public CustodySettings settings() {
        return settings;
    }
}
