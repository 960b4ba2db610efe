package io.lantau.core.config;

import java.util.Arrays;

/**
 * Maker and taker fees in basis points per account tier. Tier {@code t} pays {@code makerBps[t]} when its order rests
 * and is hit, {@code takerBps[t]} when its order takes liquidity.
 */
public final class FeeSchedule {
    /** Largest fee a schedule may set: 100 %. Keeps {@code fee <= notional} so a seller's proceeds never go negative. */
    public static final int MAX_BPS = 10_000;

    private final int[] makerBps;
    private final int[] takerBps;

    public FeeSchedule(int[] makerBps, int[] takerBps) {
        if (makerBps.length == 0 || makerBps.length != takerBps.length) {
            throw new IllegalArgumentException("one maker and one taker rate per tier");
        }
        for (int i = 0; i < makerBps.length; i++) {
            if (makerBps[i] < 0 || takerBps[i] < 0 || makerBps[i] > MAX_BPS || takerBps[i] > MAX_BPS) {
                throw new IllegalArgumentException("fee out of range in tier " + i);
            }
        }
        this.makerBps = makerBps.clone();
        this.takerBps = takerBps.clone();
    }

    public int tierCount() {
        return makerBps.length;
    }

    public int makerBps(int tier) {
        return makerBps[tier];
    }

    public int takerBps(int tier) {
        return takerBps[tier];
    }

    /** @return the larger of the tier's maker and taker rate: what a buy order must lock for its fee. */
    public int maxBps(int tier) {
        return Math.max(makerBps[tier], takerBps[tier]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeeSchedule f && Arrays.equals(makerBps, f.makerBps) && Arrays.equals(takerBps, f.takerBps);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(makerBps) + Arrays.hashCode(takerBps);
    }
}
