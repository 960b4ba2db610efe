package io.lantau.compliance.campaign;

import java.time.Instant;

/**
 * An incentive campaign.
 *
 * @param campaignId      the caller's id, unique; creating the same campaign again with it is a no-op.
 * @param name            a name for people.
 * @param rewardType      what it gives.
 * @param rewardAsset     the asset given (required for VIRTUAL_ASSET, a currency for CASH), or {@code null}.
 * @param conditionType   what a client must do.
 * @param conditionAsset  the asset the condition names (see {@link ConditionType#needsAsset()}), or {@code null}.
 * @param targetSegment   which clients it reaches.
 * @param createdBy       who created it.
 * @param createdAt       when it was stored; {@code null} until then (set by the service).
 */
public record Campaign(
        String campaignId,
        String name,
        RewardType rewardType,
        String rewardAsset,
        ConditionType conditionType,
        String conditionAsset,
        TargetSegment targetSegment,
        String createdBy,
        Instant createdAt) {

    /** @return this campaign as stored at {@code at}. */
    Campaign storedAt(Instant at) {
        return new Campaign(campaignId, name, rewardType, rewardAsset, conditionType, conditionAsset, targetSegment,
                createdBy, at);
    }

    /** @return whether the two describe the same campaign, whenever stored. */
    boolean sameAs(Campaign other) {
        return storedAt(null).equals(other.storedAt(null));
    }
}
