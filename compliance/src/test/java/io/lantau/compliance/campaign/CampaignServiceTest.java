package io.lantau.compliance.campaign;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.config.StandardMarkets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HK-05: no incentive tied to a virtual asset for retail clients, fee discounts excepted (REGULATORY.md examples). */
class CampaignServiceTest extends EngineTestBase {
    /** HK_VATP.json "incentives". */
    private static final IncentiveSettings HK_VATP = new IncentiveSettings(List.of(RewardType.FEE_DISCOUNT));
    /** OPEN.json "incentives". */
    private static final IncentiveSettings OPEN = new IncentiveSettings(
            List.of(RewardType.FEE_DISCOUNT, RewardType.VIRTUAL_ASSET, RewardType.CASH));
    private static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");

    private CampaignService service(IncentiveSettings settings) {
        return new CampaignService(database.dataSource(), settings, StandardMarkets.config().assets(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void shouldRefuseDepositForBitcoinCampaignWhenItReachesRetail() {
        CampaignService service = service(HK_VATP);
        Campaign depositForBtc = campaign("deposit-10k-get-btc", RewardType.VIRTUAL_ASSET, "BTC",
                ConditionType.DEPOSIT_FIAT, "HKD", TargetSegment.RETAIL);

        assertRefused(() -> service.create(depositForBtc), CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL);
        assertThat(service.list()).isEmpty();
    }

    @Test
    void shouldAcceptTradingFeeDiscountForRetail() {
        CampaignService service = service(HK_VATP);
        Campaign discount = campaign("fee-20pct", RewardType.FEE_DISCOUNT, null, ConditionType.NONE, null,
                TargetSegment.RETAIL);

        Campaign stored = service.create(discount);

        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(service.list()).containsExactly(stored);
    }

    @Test
    void shouldRefuseWelcomeVirtualAssetForSigningUp() {
        CampaignService service = service(HK_VATP);
        Campaign welcome = campaign("welcome-eth", RewardType.VIRTUAL_ASSET, "ETH", ConditionType.SIGN_UP, null,
                TargetSegment.ALL);

        assertRefused(() -> service.create(welcome), CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL);
        assertThat(service.find("welcome-eth")).isEmpty();
    }

    @Test
    void shouldAcceptFeeDiscountWhenTiedToTradingAVirtualAsset() {
        CampaignService service = service(HK_VATP);

        assertThat(service.create(campaign("eth-fee-half", RewardType.FEE_DISCOUNT, null, ConditionType.TRADE_ASSET,
                "ETH", TargetSegment.RETAIL)).createdAt()).isEqualTo(NOW);
    }

    @Test
    void shouldRefuseCashGiftTiedToVirtualAssetWhenProfileAllowsCashButNotVirtualAssets() {
        CampaignService service = service(new IncentiveSettings(List.of(RewardType.FEE_DISCOUNT, RewardType.CASH)));

        assertRefused(() -> service.create(campaign("cash-for-btc-trades", RewardType.CASH, "HKD",
                ConditionType.TRADE_ASSET, "BTC", TargetSegment.RETAIL)),
                CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL);
        assertRefused(() -> service.create(campaign("cash-for-any-va", RewardType.CASH, "HKD",
                ConditionType.TRADE_ANY_VIRTUAL_ASSET, null, TargetSegment.RETAIL)),
                CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL);
        assertThat(service.create(campaign("cash-referral", RewardType.CASH, "HKD", ConditionType.REFERRAL, null,
                TargetSegment.RETAIL)).campaignId()).isEqualTo("cash-referral");
    }

    @Test
    void shouldRefuseCashRewardForRetailUnderHongKongProfile() {
        CampaignService service = service(HK_VATP);

        assertRefused(() -> service.create(campaign("cash-referral", RewardType.CASH, "HKD", ConditionType.REFERRAL,
                null, TargetSegment.RETAIL)), CampaignRefusal.CAMPAIGN_NOT_ALLOWED_FOR_RETAIL);
    }

    @Test
    void shouldAcceptVirtualAssetRewardWhenOnlyProfessionalInvestorsAreReached() {
        CampaignService service = service(HK_VATP);

        assertThat(service.create(campaign("pi-airdrop", RewardType.VIRTUAL_ASSET, "ETH", ConditionType.HOLD_ASSET,
                "ETH", TargetSegment.PROFESSIONAL)).campaignId()).isEqualTo("pi-airdrop");
    }

    @Test
    void shouldAcceptVirtualAssetRewardForRetailWhenProfileAllowsIt() {
        CampaignService service = service(OPEN);

        assertThat(service.create(campaign("demo-airdrop", RewardType.VIRTUAL_ASSET, "BTC", ConditionType.SIGN_UP,
                null, TargetSegment.RETAIL)).campaignId()).isEqualTo("demo-airdrop");
    }

    @Test
    void shouldReturnStoredCampaignWhenSameCampaignIsCreatedAgain() {
        CampaignService service = service(HK_VATP);
        Campaign discount = campaign("fee-20pct", RewardType.FEE_DISCOUNT, null, ConditionType.NONE, null,
                TargetSegment.RETAIL);
        Campaign first = service.create(discount);

        assertThat(service.create(discount)).isEqualTo(first);
        assertRefused(() -> service.create(campaign("fee-20pct", RewardType.FEE_DISCOUNT, null,
                ConditionType.SIGN_UP, null, TargetSegment.RETAIL)), CampaignRefusal.CAMPAIGN_EXISTS);
        assertThat(service.list()).containsExactly(first);
    }

    @Test
    void shouldRefuseMalformedCampaignsAndStoreNothing() {
        CampaignService service = service(OPEN);

        assertRefused(() -> service.create(campaign("x", RewardType.VIRTUAL_ASSET, "DOGE", ConditionType.NONE, null,
                TargetSegment.RETAIL)), CampaignRefusal.UNKNOWN_ASSET);
        assertRefused(() -> service.create(campaign("x", RewardType.VIRTUAL_ASSET, null, ConditionType.NONE, null,
                TargetSegment.RETAIL)), CampaignRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.create(campaign("x", RewardType.VIRTUAL_ASSET, "HKD", ConditionType.NONE, null,
                TargetSegment.RETAIL)), CampaignRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.create(campaign("x", RewardType.FEE_DISCOUNT, null, ConditionType.TRADE_ASSET,
                null, TargetSegment.RETAIL)), CampaignRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.create(campaign("x", RewardType.FEE_DISCOUNT, null, ConditionType.DEPOSIT_FIAT,
                "BTC", TargetSegment.RETAIL)), CampaignRefusal.INVALID_ARGUMENT);
        assertRefused(() -> service.create(campaign(" ", RewardType.FEE_DISCOUNT, null, ConditionType.NONE, null,
                TargetSegment.RETAIL)), CampaignRefusal.INVALID_ARGUMENT);
        assertThat(service.list()).isEmpty();
    }

    private static Campaign campaign(String id, RewardType reward, String rewardAsset, ConditionType condition,
            String conditionAsset, TargetSegment segment) {
        return new Campaign(id, "Campaign " + id, reward, rewardAsset, condition, conditionAsset, segment,
                "marketing-1", null);
    }

    private static void assertRefused(Runnable call, CampaignRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
