package io.lantau.gateway.compliance;

import io.lantau.compliance.campaign.Campaign;
import io.lantau.compliance.campaign.CampaignService;
import io.lantau.compliance.campaign.ConditionType;
import io.lantau.compliance.campaign.RewardType;
import io.lantau.compliance.campaign.TargetSegment;
import io.lantau.compliance.security.StaffRole;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * Incentive campaigns (HK-05): {@code GET /staff/campaigns} (any staff role) → 200 the campaigns; {@code POST
 * /staff/campaigns {campaignId, name, rewardType, rewardAsset?, conditionType, conditionAsset?, targetSegment}}
 * (operator admin) → 201 the campaign, or 403 {@code CAMPAIGN_NOT_ALLOWED_FOR_RETAIL} for a gift or airdrop tied to
 * a virtual asset that would reach retail clients under the profile in force.
 */
public final class CampaignEndpoints implements EndpointGroup {
    private static final Set<String> FIELDS = Set.of("campaignId", "name", "rewardType", "rewardAsset",
            "conditionType", "conditionAsset", "targetSegment");

    private final CampaignService campaigns;
    private final StaffAccess access;

    public CampaignEndpoints(CampaignService campaigns, StaffAccess access) {
        this.campaigns = Objects.requireNonNull(campaigns);
        this.access = Objects.requireNonNull(access);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.GET, "/staff/campaigns", Access.SESSION, this::list);
        routes.add(HttpMethod.POST, "/staff/campaigns", Access.SESSION_CHANGE, this::create);
    }

    Reply list(NativeRequest request, Session session) {
        access.require(session, false);
        JsonArray list = new JsonArray();
        campaigns.list().forEach(c -> list.add(view(c)));
        return Reply.ok(list);
    }

    Reply create(NativeRequest request, Session session) {
        access.require(session, true, StaffRole.OPERATOR_ADMIN);
        JsonBody body = request.requiredJson().allowOnly(FIELDS);
        Campaign campaign = new Campaign(Inputs.text(body, "campaignId", 64, true),
                Inputs.text(body, "name", 256, true), Inputs.enumValue(body, "rewardType", RewardType.class),
                Inputs.text(body, "rewardAsset", 16, false),
                Inputs.enumValue(body, "conditionType", ConditionType.class),
                Inputs.text(body, "conditionAsset", 16, false),
                Inputs.enumValue(body, "targetSegment", TargetSegment.class), "staff:" + session.userId(), null);
        return Reply.created(view(campaigns.create(campaign)));
    }

    static JsonObject view(Campaign c) {
        return new JsonObject().put("campaignId", c.campaignId()).put("name", c.name())
                .put("rewardType", c.rewardType().name()).put("rewardAsset", c.rewardAsset())
                .put("conditionType", c.conditionType().name()).put("conditionAsset", c.conditionAsset())
                .put("targetSegment", c.targetSegment().name()).put("createdBy", c.createdBy())
                .put("createdAt", c.createdAt() == null ? null : c.createdAt().toString());
    }
}
