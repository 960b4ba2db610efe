package io.lantau.gateway.compliance;

import static io.lantau.gateway.compliance.ComplianceApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.onboarding.AccessAction;
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

/** The client's way through KYC and the retail gates, over a real server under HK_VATP (HK-01 .. HK-08, HK-24). */
class ComplianceOnboardingApiTest {
    @TempDir
    Path dir;
    private ComplianceApi api;
    private Browser officer;

    @BeforeEach
    void start() {
        api = new ComplianceApi(dir);
        officer = api.staff("officer@example.com", StaffRole.COMPLIANCE_OFFICER);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    @Test
    void shouldBeReadyToTradeOnlyWhenKycApprovedKnowledgePassedRiskProfiledAndDisclosuresAcknowledged() {
        Browser client = api.client("retail@example.com");
        JsonObject before = expect(client.get("/suitability"), 200).json();
        assertThat(before.getBoolean("ready")).isFalse();
        assertThat(before.getString("status")).isEqualTo("PENDING_KYC");
        assertThat(before.getJsonArray("missing").getList()).containsExactly("KYC_PENDING", "CLASSIFICATION_REQUIRED",
                "KNOWLEDGE_ASSESSMENT_REQUIRED", "RISK_PROFILE_REQUIRED", "DISCLOSURE_ACK_REQUIRED");

        Answer submitted = expect(client.post("/kyc", ComplianceApi.kyc("Mei Ling Chan", "HK", "hkid front")), 201);
        long caseId = submitted.json().getLong("caseId");
        assertThat(submitted.json().getString("state")).isEqualTo("PENDING");
        assertThat(submitted.json().getJsonArray("documents").getJsonObject(0).containsKey("contentBase64")).isFalse();
        JsonArray queue = expect(officer.get("/staff/kyc/cases"), 200).array();
        assertThat(queue.getJsonObject(0).getLong("caseId")).isEqualTo(caseId);
        assertThat(queue.getJsonObject(0).getLong("accountId")).isEqualTo(client.userId);
        Answer approved = expect(officer.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "documents match").encode()), 200);
        assertThat(approved.json().getString("state")).isEqualTo("APPROVED");
        assertThat(approved.json().getLong("reviewedBy")).isEqualTo(officer.userId);
        JsonObject afterKyc = expect(client.get("/suitability"), 200).json();
        assertThat(afterKyc.getJsonObject("gates").getBoolean("KYC_PENDING")).isTrue();
        assertThat(afterKyc.getBoolean("ready")).isFalse();
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.PENDING_KYC);

        api.passRetailGates(client, "100000000");

        JsonObject ready = expect(client.get("/suitability"), 200).json();
        assertThat(ready.getBoolean("ready")).as(ready.encode()).isTrue();
        assertThat(ready.getJsonArray("missing")).isEmpty();
        assertThat(ready.getJsonObject("gates").getMap().values()).containsOnly(true);
        assertThat(ready.getString("status")).isEqualTo("ACTIVE");
        assertThat(api.coreStatus(client.userId)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(ready.getJsonObject("classification").getString("investorClass")).isEqualTo("RETAIL");
        JsonObject risk = ready.getJsonObject("riskProfile");
        int tierPercent = expect(client.get("/profile"), 200).json().getJsonObject("retail")
                .getJsonObject("tierExposurePercent").getInteger(risk.getString("tier"));
        assertThat(risk.getInteger("tierPercent")).isEqualTo(tierPercent);
        // HK-04: net worth × tier % − other virtual assets (0 here).
        assertThat(risk.getString("exposureLimitMinor")).isEqualTo(Long.toString(100_000_000L * tierPercent / 100));
    }

    @Test
    void shouldRecordAStaffStatusChangeWithOfficerAndReasonOnAVerifiableAuditTrail() {
        Browser client = api.client("audited@example.com");
        api.approvedKyc(client, officer, "Audit Person");
        expect(officer.post("/staff/accounts/" + client.userId + "/status", new JsonObject()
                .put("status", "SUSPENDED").put("reason", "unusual deposit pattern").encode()), 200);
        Browser auditor = api.staff("auditor@example.com", StaffRole.AUDITOR);

        JsonObject verify = expect(auditor.get("/staff/audit/verify"), 200).json();
        assertThat(verify.getBoolean("ok")).as(verify.encode()).isTrue();
        JsonObject export = expect(auditor.get("/staff/audit/export?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"),
                200).json();
        JsonObject change = export.getJsonArray("records").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("kind").equals("ACCOUNT_STATUS_CHANGE")).findFirst().orElseThrow();
        assertThat(change.getString("actor")).isEqualTo("staff:" + officer.userId);
        assertThat(change.getString("subject")).isEqualTo("account:" + client.userId);
        assertThat(new JsonObject(change.getString("details"))).isEqualTo(new JsonObject()
                .put("from", "PENDING_KYC").put("to", "SUSPENDED").put("reason", "unusual deposit pattern"));
        assertThat(verify.getLong("headSequence")).isEqualTo(export.getLong("count"));
    }

    @Test
    void shouldRefuseKycFromABlockedResidencyAndKeepOnlyTheRefusal() {
        Browser client = api.client("mainland@example.com");

        assertRefused(client.post("/kyc", ComplianceApi.kyc("Wei Zhang", "CN", "id card")), 403,
                "BLOCKED_JURISDICTION");

        assertRefused(client.get("/kyc"), 404, "NO_KYC_CASE");
        assertThat(api.onboarding.latestKycCase(client.userId)).isEmpty();
        assertThat(api.onboarding.refusals(client.userId)).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("BLOCKED_JURISDICTION"));
        assertThat(expect(client.get("/profile"), 200).json().getJsonArray("blockedResidencies").getList())
                .contains("CN");
    }

    @Test
    void shouldRefuseAnOfficerReviewingTheirOwnKycCase() {
        Answer own = expect(officer.post("/kyc", ComplianceApi.kyc("Officer Self", "HK", "own id")), 201);
        long caseId = own.json().getLong("caseId");

        assertRefused(officer.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "looks fine to me").encode()), 403, "SELF_REVIEW");
        assertRefused(officer.get("/staff/kyc/cases/" + caseId), 403, "SELF_REVIEW");
        assertThat(api.onboarding.latestKycCase(officer.userId).orElseThrow().state().name()).isEqualTo("PENDING");

        Browser colleague = api.staff("colleague@example.com", StaffRole.COMPLIANCE_OFFICER);
        assertThat(expect(colleague.post("/staff/kyc/cases/" + caseId + "/approve",
                new JsonObject().put("reason", "checked by a second officer").encode()), 200).json()
                .getString("state")).isEqualTo("APPROVED");
    }

    @Test
    void shouldGiveTheClientItsOwnDocumentBackAndTheOfficerTheCasesDocuments() {
        Browser client = api.client("docs@example.com");
        JsonObject submitted = expect(client.post("/kyc", ComplianceApi.kyc("Doc Owner", "HK", "front")), 201).json();
        JsonObject added = expect(client.post("/kyc/documents", ComplianceApi.document("proof of address").encode()),
                201).json();
        String sha = added.getString("sha256");

        JsonObject mine = expect(client.get("/kyc/documents/" + sha), 200).json();
        assertThat(new String(java.util.Base64.getDecoder().decode(mine.getString("contentBase64"))))
                .isEqualTo("proof of address");
        JsonObject reviewed = expect(officer.get("/staff/kyc/cases/" + submitted.getLong("caseId") + "/documents/"
                + sha.toUpperCase()), 200).json();
        assertThat(reviewed.getString("contentBase64")).isEqualTo(mine.getString("contentBase64"));
        assertThat(expect(client.get("/kyc"), 200).json().getJsonArray("documents")).hasSize(2);
    }

    @Test
    void shouldLetAClientWhoFailedTheKnowledgeTestPassTheGateThroughTraining() {
        Browser client = api.client("learner@example.com");
        String version = expect(client.get("/suitability/knowledge-test"), 200).json().getString("version");
        assertThat(expect(client.get("/suitability/knowledge-test"), 200).body()).doesNotContain("\"answer\"");

        JsonObject failed = expect(client.post("/suitability/knowledge-test",
                ComplianceApi.knowledgeAnswers(version, false)), 201).json();
        assertThat(failed.getString("outcome")).isEqualTo("NO");
        assertThat(expect(client.get("/suitability"), 200).json().getJsonArray("missing").getList())
                .contains("KNOWLEDGE_ASSESSMENT_REQUIRED");

        JsonObject trained = expect(client.post("/suitability/training/va-basics-2023-06", null), 201).json();
        assertThat(trained.getString("outcome")).isEqualTo("HAS");
        assertThat(expect(client.get("/suitability"), 200).json().getJsonArray("missing").getList())
                .doesNotContain("KNOWLEDGE_ASSESSMENT_REQUIRED");
    }

    @Test
    void shouldShowTheClientItsOwnAccessLog() {
        Browser client = api.client("log@example.com");
        Browser other = api.client("other-log@example.com");
        api.accessLog.record(client.userId, AccessAction.LOGIN, "203.0.113.7",
                "device-a", "HK", null);
        api.accessLog.record(other.userId, AccessAction.ORDER, "198.51.100.9",
                "device-b", "HK", "order-1");

        JsonArray mine = expect(client.get("/access-log"), 200).array();
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getString("ip")).isEqualTo("203.0.113.7");
        assertThat(mine.getJsonObject(0).getString("action")).isEqualTo("LOGIN");
    }
}
