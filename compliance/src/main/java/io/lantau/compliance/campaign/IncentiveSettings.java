package io.lantau.compliance.campaign;

import java.util.List;

/**
 * The jurisdiction profile's section {@code "incentives"} (HK-05).
 *
 * @param retailAllowedRewards the reward types a campaign reaching retail clients may give; under HK_VATP only
 *                             {@link RewardType#FEE_DISCOUNT}. Unless {@link RewardType#VIRTUAL_ASSET} is among them,
 *                             no reward other than a fee discount may be tied to a virtual asset for retail either.
 */
public record IncentiveSettings(List<RewardType> retailAllowedRewards) {

    public IncentiveSettings {
        retailAllowedRewards = List.copyOf(retailAllowedRewards);
    }
}
