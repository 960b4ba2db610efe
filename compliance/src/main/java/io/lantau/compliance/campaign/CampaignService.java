package io.lantau.compliance.campaign;

import io.lantau.core.config.Asset;
import io.lantau.store.DuplicateKeyException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Creates incentive campaigns under the profile's incentive rule (HK-05; VATP Guidelines 7.26(c) per the SFC's
 * conflicts-of-interest FAQ): a campaign that reaches retail clients (segment RETAIL or ALL) is refused with
 * {@link CampaignRefusal#CAMPAIGN_NOT_ALLOWED_FOR_RETAIL} when
 * <ul>
 *   <li>its reward type is not in {@code incentives.retailAllowedRewards} (under HK_VATP: anything but a fee
 *       discount, so "deposit HK$10k, get 0.001 BTC" and "a welcome virtual asset for signing up" are refused), or</li>
 *   <li>the profile does not allow virtual-asset rewards for retail, the reward is not a fee discount, and the
 *       campaign is tied to a virtual asset: it gives one, or its condition is to deposit, trade or hold one, or to
 *       trade virtual assets as a class.</li>
 * </ul>
 * Fee discounts are always allowed, also on the trading of a given virtual asset. Campaigns for professional
 * investors only are not limited.
 *
 * <p>Whether an asset is virtual or fiat comes from the core's asset configuration. Thread-safe.
 */
public final class CampaignService {
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 256;

    private final CampaignRepository repository;
    private final IncentiveSettings settings;
    private final Map<String, Asset> assets = new HashMap<>();
    private final Clock clock;

    /**
     * @param dataSource the migrated store.
     * @param settings   the profile's section {@code "incentives"}.
     * @param assets     the configured assets (the core's {@code CoreConfig.assets()}), to tell fiat from virtual.
     * @param clock      wall clock for creation times.
     */
    public CampaignService(DataSource dataSource, IncentiveSettings settings, Collection<Asset> assets, Clock clock) {
        this.repository = new CampaignRepository(dataSource);
        this.settings = settings;
        this.clock = clock;
        for (Asset a : assets) {
            this.assets.put(a.code(), a);
        }
    }

    /**
     * Stores a campaign if the profile allows it. Creating the same campaign again returns the stored one.
     *
     * @return the stored campaign, with its creation time.
     * @throws CampaignException INVALID_ARGUMENT, UNKNOWN_ASSET, CAMPAIGN_NOT_ALLOWED_FOR_RETAIL or CAMPAIGN_EXISTS;
     *                           nothing is stored then.
     */
    public synchronized Campaign create(Campaign campaign) {
        check(campaign);
        Optional<Campaign> existing = repository.find(campaign.campaignId());
        if (existing.isPresent()) {
            if (existing.get().sameAs(campaign)) {
                return existing.get();
            }
            throw new CampaignException(CampaignRefusal.CAMPAIGN_EXISTS, campaign.campaignId());
        }
        Campaign stored = campaign.storedAt(clock.instant());
        try {
            repository.insert(stored);
        } catch (DuplicateKeyException e) {
            throw new CampaignException(CampaignRefusal.CAMPAIGN_EXISTS, campaign.campaignId());
        }
        return stored;
    }

    /**
     * Checks a campaign against the profile without storing it (for a form's validation).
     *
     * @throws CampaignException INVALID_ARGUMENT, UNKNOWN_ASSET or CAMPAIGN_NOT_ALLOWED_FOR_RETAIL.
     */
    public void check(Campaign k) {
        validate(k);
        if (!k.targetSegment().reachesRetail()) {
            return;
        }
        List<RewardType> allowed = settings.retailAllowedRewards();
        if (!allowed.contains(k.rewardType())) {
            throw new CampaignException(CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL,
                    k.rewardType() + " rewards may not reach retail clients (HK-05); allowed: " + allowed);
        }
        if (k.rewardType() != RewardType.FEE_DISCOUNT && !allowed.contains(RewardType.VIRTUAL_ASSET)
                && tiedToVirtualAsset(k)) {
            throw new CampaignException(CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL,
                    "a " + k.rewardType() + " reward tied to a virtual asset may not reach retail clients (HK-05)");
        }
    }

    /** @return the campaign, if stored. */
    public Optional<Campaign> find(String campaignId) {
        return repository.find(campaignId);
    }

    /** @return every stored campaign, oldest first. */
    public List<Campaign> list() {
        return repository.all();
    }

    /** @return the incentives section in force. */
    public IncentiveSettings settings() {
        return settings;
    }

    private boolean tiedToVirtualAsset(Campaign k) {
        if (k.rewardType() == RewardType.VIRTUAL_ASSET || isVirtual(k.rewardAsset())) {
            return true;
        }
        return switch (k.conditionType()) {
            case TRADE_ANY_VIRTUAL_ASSET -> true;
            case DEPOSIT_ASSET, TRADE_ASSET, HOLD_ASSET -> isVirtual(k.conditionAsset());
            case NONE, SIGN_UP, REFERRAL, DEPOSIT_FIAT -> false;
        };
    }

    private boolean isVirtual(String assetCode) {
        return assetCode != null && !assets.get(assetCode).fiat();
    }

    private void validate(Campaign k) {
        require(k != null, "campaign is required");
        requireText(k.campaignId(), "campaignId", MAX_ID);
        requireText(k.name(), "name", MAX_NAME);
        requireText(k.createdBy(), "createdBy", MAX_ID);
        require(k.rewardType() != null && k.conditionType() != null && k.targetSegment() != null,
                "rewardType, conditionType and targetSegment are required");
        requireKnown(k.rewardAsset());
        requireKnown(k.conditionAsset());
        switch (k.rewardType()) {
            case VIRTUAL_ASSET -> require(k.rewardAsset() != null && isVirtual(k.rewardAsset()),
                    "a VIRTUAL_ASSET reward names a virtual asset");
            case CASH -> require(k.rewardAsset() == null || !isVirtual(k.rewardAsset()),
                    "a CASH reward names a fiat currency");
            case FEE_DISCOUNT, NON_CASH_GIFT -> require(k.rewardAsset() == null,
                    k.rewardType() + " names no reward asset");
        }
        require(k.conditionType().needsAsset() == (k.conditionAsset() != null),
                k.conditionType() + (k.conditionType().needsAsset() ? " needs" : " takes no") + " condition asset");
        if (k.conditionType() == ConditionType.DEPOSIT_FIAT) {
            require(!isVirtual(k.conditionAsset()), "DEPOSIT_FIAT names a fiat currency");
        } else if (k.conditionType().needsAsset()) {
            require(isVirtual(k.conditionAsset()), k.conditionType() + " names a virtual asset");
        }
    }

    private void requireKnown(String assetCode) {
        if (assetCode != null && !assets.containsKey(assetCode)) {
            throw new CampaignException(CampaignRefusal.UNKNOWN_ASSET, assetCode);
        }
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new CampaignException(CampaignRefusal.INVALID_ARGUMENT, detail);
        }
    }

    private static void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new CampaignException(CampaignRefusal.INVALID_ARGUMENT,
                    field + " must be 1 to " + maxLength + " characters");
        }
    }
}
