package io.lantau.gateway.compliance;

import static io.lantau.gateway.compliance.ComplianceApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.admission.DueDiligenceFactor;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.AccountStatus;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff endpoints over a real server: screening (HK-24), classification (HK-01), campaigns (HK-05), admission. */
class ComplianceStaffApiTest {
    private static final String LISTED = "Viktor Anatolyevich Dragunov";

    @TempDir
    Path dir;
    private ComplianceApi api;
    private Browser officer;
    private Browser admin;

    @BeforeEach
    void start() {
        api = new ComplianceApi(dir);
        officer = api.staff("officer@example.com", StaffRole.COMPLIANCE_OFFICER);
        admin = api.staff("admin@example.com", StaffRole.OPERATOR_ADMIN);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    private static String reason(String text) {
        return new JsonObject().put("reason", text).encode();
    }

    @Test
    void shouldFreezeAnOnboardedClientWhenALoadedListNamesIt() {
        Browser client = api.client("listed@example.com");
        api.approvedKyc(client, officer, LISTED);
        api.passRetailGates(client, "100000000");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.ACTIVE);

        JsonObject load = expect(api.loadList(officer, ComplianceApi.unList("VIKTOR", "ANATOLYEVICH", "DRAGUNOV")),
                201).json();

        assertThat(load.getJsonObject("list").getString("source")).isEqualTo("UN_SC");
        JsonObject opened = load.getJsonArray("openedCases").getJsonObject(0);
        assertThat(opened.getLong("accountId")).isEqualTo(client.userId);
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.RESTRICTED);
        assertThat(expect(officer.get("/staff/screening/cases"), 200).array()).hasSize(1);

        long caseId = opened.getLong("caseId");
        JsonObject confirmed = expect(officer.post("/staff/screening/cases/" + caseId + "/confirm",
                reason("same person: date of birth and passport match")), 200).json();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.RESTRICTED);
        assertRefused(officer.post("/staff/screening/cases/" + caseId + "/clear", reason("changed my mind")), 409,
                "CASE_NOT_OPEN");
        assertThat(expect(officer.get("/staff/screening/cases"), 200).array()).isEmpty();
    }

    @Test
    void shouldHoldKycApprovalWhileTheApplicantHasAScreeningHitUntilAnOfficerClearsIt() {
        expect(api.loadList(officer, ComplianceApi.unList("VIKTOR", "ANATOLYEVICH", "DRAGUNOV")), 201);
        Browser client = api.client("namesake@example.com");
        long kycCase = expect(client.post("/kyc", ComplianceApi.kyc(LISTED, "HK", "passport")), 201).json()
                .getLong("caseId");
        assertThat(expect(client.get("/kyc"), 200).json().getString("screening")).isEqualTo("HIT");

        assertRefused(officer.post("/staff/kyc/cases/" + kycCase + "/approve", reason("ok")), 409, "SCREENING_HIT");

        long screeningCase = expect(officer.get("/staff/screening/cases"), 200).array().getJsonObject(0)
                .getLong("caseId");
        assertRefused(client.post("/staff/screening/cases/" + screeningCase + "/clear", reason("it is not me")), 403,
                "STAFF_ROLE_REQUIRED");
        expect(officer.post("/staff/screening/cases/" + screeningCase + "/clear",
                reason("false positive: different date of birth")), 200);
        assertThat(expect(client.get("/kyc"), 200).json().getString("screening")).isEqualTo("CLEAR");
        assertThat(api.coreStatus(client.userId)).as("clearing a name opens no trading before onboarding")
                .isEqualTo(AccountStatus.PENDING_KYC);
        assertThat(expect(officer.post("/staff/kyc/cases/" + kycCase + "/approve", reason("cleared")), 200).json()
                .getString("state")).isEqualTo("APPROVED");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.PENDING_KYC);
    }

    @Test
    void shouldRefuseAnUnreadableOrEmptyListAndKeepTheListInForce() {
        expect(api.loadList(officer, ComplianceApi.unList("VIKTOR", "ANATOLYEVICH", "DRAGUNOV")), 201);
        String before = api.state();

        assertRefused(api.loadList(officer, "<CONSOLIDATED_LIST><INDIVIDUALS>"), 400, "LIST_UNREADABLE");
        assertRefused(api.loadList(officer, "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>"), 400,
                "LIST_EMPTY");
        assertRefused(api.loadList(officer, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>"), 400, "LIST_UNREADABLE");
        assertRefused(officer.post("/staff/screening/lists", "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");

        assertThat(api.state()).isEqualTo(before);
        assertThat(expect(officer.get("/staff/screening/lists"), 200).array()).hasSize(1);
    }

    @Test
    void shouldClassifyAProfessionalInvestorWithEvidenceAndLiftTheRetailGates() {
        Browser client = api.client("pro@example.com");
        api.approvedKyc(client, officer, "Pro Investor");
        String evidence = expect(client.post("/kyc/documents", ComplianceApi.document("portfolio HK$9.2m").encode()),
                409).code();
        assertThat(evidence).isEqualTo("NO_PENDING_CASE");
        String sha = expect(client.get("/kyc"), 200).json().getJsonArray("documents").getJsonObject(0)
                .getString("sha256");

        assertRefused(officer.post("/staff/classifications", new JsonObject().put("accountId", client.userId)
                .put("investorClass", "PROFESSIONAL").put("professionalType", "INDIVIDUAL").encode()), 400,
                "INVALID_EVIDENCE");
        JsonObject classified = expect(officer.post("/staff/classifications", new JsonObject()
                .put("accountId", client.userId).put("investorClass", "PROFESSIONAL")
                .put("professionalType", "INDIVIDUAL").put("evidence", new JsonObject()
                        .put("description", "portfolio statement 2026-02-28, HK$9.2m").put("documentSha256", sha))
                .encode()), 201).json();

        assertThat(classified.getJsonObject("evidence").getLong("verifiedBy")).isEqualTo(officer.userId);
        JsonObject readiness = expect(client.get("/suitability"), 200).json();
        assertThat(readiness.getBoolean("ready")).as(readiness.encode()).isTrue();
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.ACTIVE);
        assertRefused(officer.post("/staff/classifications", new JsonObject().put("accountId", officer.userId)
                .put("investorClass", "RETAIL").encode()), 403, "SELF_ACTION_FORBIDDEN");
    }

    @Test
    void shouldRefuseAGiftCampaignForRetailAndAcceptAFeeDiscount() {
        String before = api.state();
        assertRefused(admin.post("/staff/campaigns", new JsonObject().put("campaignId", "welcome-btc")
                .put("name", "Welcome BTC").put("rewardType", "VIRTUAL_ASSET").put("rewardAsset", "BTC")
                .put("conditionType", "SIGN_UP").put("targetSegment", "RETAIL").encode()), 403,
                "CAMPAIGN_NOT_ALLOWED_FOR_RETAIL");
        assertRefused(admin.post("/staff/campaigns", new JsonObject().put("campaignId", "deposit-gift")
                .put("name", "Deposit and get a gift").put("rewardType", "NON_CASH_GIFT")
                .put("conditionType", "DEPOSIT_ASSET").put("conditionAsset", "ETH").put("targetSegment", "ALL")
                .encode()), 403, "CAMPAIGN_NOT_ALLOWED_FOR_RETAIL");
        assertThat(api.state()).isEqualTo(before);
        assertThat(expect(admin.get("/staff/campaigns"), 200).array()).isEmpty();

        expect(admin.post("/staff/campaigns", new JsonObject().put("campaignId", "fee-cut").put("name", "Fee cut")
                .put("rewardType", "FEE_DISCOUNT").put("conditionType", "TRADE_ASSET").put("conditionAsset", "BTC")
                .put("targetSegment", "RETAIL").encode()), 201);
        expect(admin.post("/staff/campaigns", new JsonObject().put("campaignId", "pro-airdrop").put("name", "Airdrop")
                .put("rewardType", "VIRTUAL_ASSET").put("rewardAsset", "ETH").put("conditionType", "NONE")
                .put("targetSegment", "PROFESSIONAL").encode()), 201);
        assertThat(expect(officer.get("/staff/campaigns"), 200).array()).hasSize(2);
        assertRefused(officer.post("/staff/campaigns", new JsonObject().put("campaignId", "x").put("name", "x")
                .put("rewardType", "FEE_DISCOUNT").put("conditionType", "NONE").put("targetSegment", "ALL")
                .encode()), 403, "STAFF_ROLE_REQUIRED");
    }

    @Test
    void shouldAdmitATokenOnlyWithEveryArtefactAndShowItAsRetailEligibleInTheProfile() {
        expect(admin.post("/staff/tokens", new JsonObject().put("assetCode", "BTC").put("name", "Bitcoin")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2009-01-03").encode()), 201);
        JsonObject admit = new JsonObject().put("outcome", "ADMITTED").put("reasons", "large cap, liquid")
                .put("votes", new JsonArray().add(vote("m1", true)).add(vote("m2", true)).add(vote("m3", true)));

        Answer blocked = admin.post("/staff/tokens/BTC/decisions", admit.encode());
        assertRefused(blocked, 409, "DUE_DILIGENCE_INCOMPLETE");
        assertThat(blocked.json().getJsonArray("blockers").getList()).contains("DUE_DILIGENCE_INCOMPLETE");

        for (DueDiligenceFactor factor : DueDiligenceFactor.values()) {
            expect(admin.post("/staff/tokens/BTC/due-diligence", new JsonObject().put("factor", factor.name())
                    .put("evidenceLink", "dms://tokens/BTC/" + factor.paragraph()).put("outcome", "SATISFACTORY")
                    .encode()), 200);
        }
        expect(admin.post("/staff/tokens/BTC/indices", index("FTSE-DAR-LC", "FTSE Russell", true)), 200);
        expect(admin.post("/staff/tokens/BTC/indices", index("CF-BTC-RR", "CF Benchmarks", false)), 200);
        assertRefused(admin.post("/staff/tokens/BTC/decisions", admit.copy()
                .put("votes", new JsonArray().add(vote("m1", true)).add(vote("m2", true))).encode()), 409,
                "QUORUM_NOT_MET");

        JsonObject decision = expect(admin.post("/staff/tokens/BTC/decisions", admit.encode()), 201).json();

        assertThat(decision.getString("retailAccess")).isEqualTo("ELIGIBLE");
        assertThat(expect(officer.get("/staff/tokens/BTC"), 200).json().getString("status")).isEqualTo("ADMITTED");
        assertThat(officer.get("/profile").json().getJsonObject("retail").getJsonArray("eligibleAssets").getList())
                .containsExactly("BTC");
        JsonObject left = expect(admin.delete("/staff/tokens/BTC/indices/CF-BTC-RR"), 200).json();
        assertThat(left.getJsonObject("reviewTask").getString("reason")).isEqualTo("RETAIL_ELIGIBILITY_LOST");
        assertThat(expect(officer.get("/staff/token-reviews"), 200).array()).hasSize(1);
    }

    private static JsonObject vote(String voter, boolean inFavour) {
        return new JsonObject().put("voterId", voter).put("inFavour", inFavour);
    }

    private static String index(String id, String provider, boolean tradFi) {
        return new JsonObject().put("indexId", id).put("provider", provider).put("providerIndependent", true)
                .put("providerHasTradFiExperience", tradFi).put("asOfDate", "2026-01-31").encode();
    }

    @Test
    void shouldMoveAnAccountAlongTheLifeCycleOnlyAsItAllows() {
        Browser client = api.client("lifecycle@example.com");
        api.approvedKyc(client, officer, "Life Cycle");
        api.passRetailGates(client, "100000000");

        JsonObject suspended = expect(officer.post("/staff/accounts/" + client.userId + "/status",
                new JsonObject().put("status", "SUSPENDED").put("reason", "law enforcement request").encode()), 200)
                .json();
        assertThat(suspended.getString("status")).isEqualTo("SUSPENDED");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.SUSPENDED);
        assertRefused(officer.post("/staff/accounts/" + client.userId + "/status",
                new JsonObject().put("status", "PENDING_KYC").put("reason", "back to start").encode()), 409,
                "TRANSITION_NOT_ALLOWED");
        assertRefused(officer.post("/staff/accounts/" + officer.userId + "/status",
                new JsonObject().put("status", "SUSPENDED").put("reason", "self").encode()), 403,
                "SELF_ACTION_FORBIDDEN");
        assertRefused(officer.post("/staff/accounts/999999/status",
                new JsonObject().put("status", "SUSPENDED").put("reason", "nobody").encode()), 404,
                "UNKNOWN_ACCOUNT");
    }
}
