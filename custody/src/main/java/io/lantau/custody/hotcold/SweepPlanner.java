package io.lantau.custody.hotcold;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes the hot-to-cold sweeps that bring every asset back within the HK-16 limits: for each asset whose hot share
 * is above the cap, the excess. Stateless beyond its inputs.
 */
public final class SweepPlanner {
    private final TierBalances tiers;
    private final HotColdPolicy policy;
    private final List<Integer> assetIds;

    /** @param assetIds the virtual assets held in tiers. */
    public SweepPlanner(TierBalances tiers, HotColdPolicy policy, List<Integer> assetIds) {
        this.tiers = tiers;
        this.policy = policy;
        this.assetIds = List.copyOf(assetIds);
    }

    /** @return the sweeps to make now, one per asset above its cap. */
    public List<Sweep> plan() {
        List<Sweep> sweeps = new ArrayList<>();
        for (int assetId : assetIds) {
            long hot = tiers.balance(assetId, WalletTier.HOT);
            long cold = tiers.balance(assetId, WalletTier.COLD);
            long amount = policy.sweepMinor(hot, cold);
            if (amount > 0) {
                sweeps.add(new Sweep(assetId, hot, cold, amount));
            }
        }
        return sweeps;
    }
}
