package io.lantau.app.licensing;

import static io.lantau.app.licensing.LicensingScenario.assertRefused;
import static io.lantau.app.licensing.LicensingScenario.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controls on staff, through the public API of a real server under HK_VATP: maker-checker on a role change (HK-17;
 * issue 4: "the approver must differ from the requester"), and no incentives to retail clients but fee discounts
 * (HK-05).
 */
class StaffControlsScenarioTest {
    @TempDir
    Path dir;
    private LicensingScenario scenario;

    @BeforeEach
    void start() {
        scenario = new LicensingScenario(dir);
    }

    @AfterEach
    void stop() {
        scenario.close();
    }

    @Test
    void shouldRefuseARoleChangeApprovedByItsOwnRequesterAndExecuteItWhenASecondOfficerApproves() {
        LicensedClient operator = scenario.operator();
        LicensedClient officer = scenario.officer();
        LicensedClient subject = LicensedClient.register(scenario.baseUrl(), "HK");
        assertRefused(subject.get("/staff/me"), 403, "STAFF_ROLE_REQUIRED");

        JsonObject requested = expect(operator.post("/staff/roles", new JsonObject().put("userId", subject.userId)
                .put("role", "AUDITOR")), 202).json();
        long id = requested.getLong("id");
        assertThat(requested.getString("status")).isEqualTo("PENDING");

        assertRefused(operator.post("/staff/approvals/" + id + "/approve", null), 403, "SELF_APPROVAL_FORBIDDEN");

        JsonArray pending = new JsonArray(expect(officer.get("/staff/approvals"), 200).body());
        assertThat(pending).extracting(p -> ((JsonObject) p).getLong("id")).containsExactly(id);
        assertRefused(subject.get("/staff/me"), 403, "STAFF_ROLE_REQUIRED");

        JsonObject approved = expect(officer.post("/staff/approvals/" + id + "/approve", null), 200).json();

        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getLong("decidedBy")).isEqualTo(officer.userId);
        assertThat(expect(subject.get("/staff/me"), 200).json().getJsonArray("roles").getList())
                .containsExactly("AUDITOR");
        assertThat(new JsonArray(expect(officer.get("/staff/approvals"), 200).body())).isEmpty();
        assertRefused(officer.post("/staff/approvals/" + id + "/approve", null), 409, "APPROVAL_ALREADY_DECIDED");
        scenario.assertAuditChainVerifies();
    }

    @Test
    void shouldRefuseAGiftOrAirdropCampaignForRetailAndAcceptAFeeDiscount() {
        LicensedClient operator = scenario.operator();

        assertRefused(operator.post("/staff/campaigns", new JsonObject().put("campaignId", "welcome-btc")
                .put("name", "Welcome BTC").put("rewardType", "VIRTUAL_ASSET").put("rewardAsset", "BTC")
                .put("conditionType", "SIGN_UP").put("targetSegment", "RETAIL")), 403,
                "CAMPAIGN_NOT_ALLOWED_FOR_RETAIL");
        assertRefused(operator.post("/staff/campaigns", new JsonObject().put("campaignId", "eth-airdrop")
                .put("name", "ETH airdrop to everyone").put("rewardType", "VIRTUAL_ASSET").put("rewardAsset", "ETH")
                .put("conditionType", "NONE").put("targetSegment", "ALL")), 403, "CAMPAIGN_NOT_ALLOWED_FOR_RETAIL");
        assertRefused(operator.post("/staff/campaigns", new JsonObject().put("campaignId", "trade-gift")
                .put("name", "Trade BTC, get a gift").put("rewardType", "NON_CASH_GIFT")
                .put("conditionType", "TRADE_ASSET").put("conditionAsset", "BTC").put("targetSegment", "RETAIL")),
                403, "CAMPAIGN_NOT_ALLOWED_FOR_RETAIL");
        assertThat(new JsonArray(expect(operator.get("/staff/campaigns"), 200).body())).as("nothing stored").isEmpty();

        JsonObject discount = expect(operator.post("/staff/campaigns", new JsonObject().put("campaignId", "fee-cut")
                .put("name", "Half fees on BTC-HKD").put("rewardType", "FEE_DISCOUNT").put("conditionType",
                        "TRADE_ASSET").put("conditionAsset", "BTC").put("targetSegment", "RETAIL")), 201).json();

        assertThat(discount.getString("campaignId")).isEqualTo("fee-cut");
        JsonArray campaigns = new JsonArray(expect(operator.get("/staff/campaigns"), 200).body());
        assertThat(campaigns).extracting(c -> ((JsonObject) c).getString("campaignId")).containsExactly("fee-cut");
        scenario.assertAuditChainVerifies();
    }
}
