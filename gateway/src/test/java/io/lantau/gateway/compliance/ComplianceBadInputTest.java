package io.lantau.gateway.compliance;

import static io.lantau.gateway.compliance.ComplianceApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.StaffRole;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unknown fields, wrong types, oversized values and malformed ids on every compliance endpoint: each answers a 4xx
 * with its stable code, and the compliance tables and the core's commands are exactly as before.
 */
class ComplianceBadInputTest {
    @TempDir
    Path dir;
    private ComplianceApi api;
    private Browser officer;
    private Browser admin;
    private Browser client;
    private long caseId;
    private String sha;

    @BeforeEach
    void start() {
        api = new ComplianceApi(dir);
        officer = api.staff("officer@example.com", StaffRole.COMPLIANCE_OFFICER);
        admin = api.staff("admin@example.com", StaffRole.OPERATOR_ADMIN);
        Browser alice = api.client("alice@example.com");
        JsonObject submitted = expect(alice.post("/kyc", ComplianceApi.kyc("Alice Wong", "HK", "id")), 201).json();
        caseId = submitted.getLong("caseId");
        sha = submitted.getJsonArray("documents").getJsonObject(0).getString("sha256");
        expect(admin.post("/staff/tokens", new JsonObject().put("assetCode", "ETH").put("name", "Ether")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2015-07-30").encode()), 201);
        client = api.client("bob@example.com");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** One bad request and the refusal it must get. */
    private record Bad(Browser who, String method, String path, String body, int status, String code) {
        Answer send() {
            return who.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    body == null ? null : "application/json", who.csrfToken);
        }
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    private static String kycWith(String key, Object value) {
        return new JsonObject().put("identity", ComplianceApi.identity("Bob Lee", "HK").put(key, value))
                .put("documents", new JsonArray().add(ComplianceApi.document("bob id"))).encode();
    }

    private static String documentWith(String key, Object value) {
        return ComplianceApi.document("x").put(key, value).encode();
    }

    private List<Bad> table() {
        String reason = new JsonObject().put("reason", "ok").encode();
        JsonArray elevenDocuments = new JsonArray();
        for (int i = 0; i < 11; i++) {
            elevenDocuments.add(ComplianceApi.document("page " + i));
        }
        JsonArray manyAnswers = new JsonArray();
        for (int i = 0; i < 101; i++) {
            manyAnswers.add(new JsonObject().put("question", "q" + i).put("option", "a"));
        }
        JsonArray manyVotes = new JsonArray();
        for (int i = 0; i < 51; i++) {
            manyVotes.add(new JsonObject().put("voterId", "m" + i).put("inFavour", true));
        }
        String dd = "/staff/tokens/ETH/due-diligence";
        JsonObject ddBody = new JsonObject().put("factor", "LEGAL_RISKS").put("evidenceLink", "x")
                .put("outcome", "SATISFACTORY");
        JsonObject index = new JsonObject().put("indexId", "I1").put("provider", "P").put("providerIndependent", true)
                .put("asOfDate", "2026-01-31");
        JsonObject token = new JsonObject().put("assetCode", "SOL").put("name", "Solana")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2020-03-16");
        JsonObject campaign = new JsonObject().put("campaignId", "c1").put("name", "c").put("rewardType", "FEE_DISCOUNT")
                .put("conditionType", "NONE").put("targetSegment", "ALL");
        JsonObject decision = new JsonObject().put("outcome", "WITHDRAWN").put("reasons", "r")
                .put("votes", new JsonArray().add(new JsonObject().put("voterId", "m1").put("inFavour", true)));
        String risk = ComplianceApi.riskAnswers(expect(client.get("/suitability/risk-questionnaire"), 200).json(),
                "100");
        String knowledge = ComplianceApi.knowledgeAnswers("2023-06-v1", true);
        return new ArrayList<>(Arrays.asList(
                // POST /kyc
                new Bad(client, "POST", "/kyc", null, 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Bad(client, "POST", "/kyc", "[1]", 400, "MALFORMED_JSON"),
                new Bad(client, "POST", "/kyc", new JsonObject(ComplianceApi.kyc("B", "HK", "x")).put("extra", 1)
                        .encode(), 400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/kyc", kycWith("nickname", "bob"), 400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/kyc", kycWith("legalName", 42), 400, "WRONG_TYPE"),
                new Bad(client, "POST", "/kyc", kycWith("legalName", repeat('a', 257)), 400, "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/kyc", kycWith("legalName", "Bob\u0000Lee"), 400, "INVALID_VALUE"),
                new Bad(client, "POST", "/kyc", kycWith("dateOfBirth", "17/05/1990"), 400, "INVALID_VALUE"),
                new Bad(client, "POST", "/kyc", kycWith("idDocumentType", "LIBRARY_CARD"), 400, "INVALID_VALUE"),
                new Bad(client, "POST", "/kyc", kycWith("residency", "XX"), 400, "INVALID_KYC_DATA"),
                new Bad(client, "POST", "/kyc", kycWith("dateOfBirth", "2020-01-01"), 403, "UNDER_MINIMUM_AGE"),
                new Bad(client, "POST", "/kyc", new JsonObject().put("identity",
                        ComplianceApi.identity("B", "HK")).put("documents", elevenDocuments).encode(), 400,
                        "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/kyc", new JsonObject().put("identity", ComplianceApi.identity("B", "HK"))
                        .put("documents", "scan.jpg").encode(), 400, "WRONG_TYPE"),
                new Bad(client, "POST", "/kyc", new JsonObject().put("identity", ComplianceApi.identity("B", "HK"))
                        .put("documents", new JsonArray().add(new JsonObject(documentWith("contentBase64",
                                "not base64!")))).encode(), 400, "INVALID_VALUE"),
                // POST /kyc/documents (Bob has no case; every refusal comes before that)
                new Bad(client, "POST", "/kyc/documents", documentWith("pages", 2), 400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/kyc/documents", documentWith("kind", 1), 400, "WRONG_TYPE"),
                new Bad(client, "POST", "/kyc/documents", documentWith("contentType", repeat('a', 129)), 400,
                        "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/kyc/documents", documentWith("contentBase64", ""), 400, "INVALID_VALUE"),
                new Bad(client, "POST", "/kyc/documents", ComplianceApi.document("x").encode(), 409,
                        "NO_PENDING_CASE"),
                // GET /kyc/documents/{sha256}
                new Bad(client, "GET", "/kyc/documents/zz", null, 400, "MALFORMED_ID"),
                new Bad(client, "GET", "/kyc/documents/" + sha + "0", null, 400, "MALFORMED_ID"),
                new Bad(client, "GET", "/kyc/documents/" + sha, null, 404, "NOT_OWNER"),
                // suitability
                new Bad(client, "POST", "/suitability/retail-declaration", "{\"investorClass\":\"PROFESSIONAL\"}",
                        400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge).put("score", 100)
                        .encode(), 400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge).put("answers", "b")
                        .encode(), 400, "WRONG_TYPE"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge)
                        .put("answers", manyAnswers).encode(), 400, "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge)
                        .put("answers", new JsonArray().add(new JsonObject().put("question", "k01").put("option", "a"))
                                .add(new JsonObject().put("question", "k01").put("option", "b"))).encode(), 400,
                        "INVALID_VALUE"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge)
                        .put("answers", new JsonArray().add(new JsonObject().put("question", "k99")
                                .put("option", "a"))).encode(), 400, "INVALID_ANSWERS"),
                new Bad(client, "POST", "/suitability/knowledge-test", new JsonObject(knowledge)
                        .put("questionBankVersion", "1999-01-v1").encode(), 409, "STALE_QUESTION_BANK"),
                new Bad(client, "POST", "/suitability/training/" + repeat('m', 65), null, 400, "MALFORMED_ID"),
                new Bad(client, "POST", "/suitability/training/a$b", null, 400, "MALFORMED_ID"),
                new Bad(client, "POST", "/suitability/training/va-basics", "{\"done\":true}", 400, "UNKNOWN_FIELD"),
                new Bad(client, "POST", "/suitability/risk-profile", new JsonObject(risk).put("netWorthMinor", 100)
                        .encode(), 400, "WRONG_TYPE"),
                new Bad(client, "POST", "/suitability/risk-profile", new JsonObject(risk)
                        .put("netWorthMinor", "-100").encode(), 400, "INVALID_VALUE"),
                new Bad(client, "POST", "/suitability/risk-profile", new JsonObject(risk)
                        .put("netWorthMinor", repeat('9', 19)).encode(), 400, "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/suitability/risk-profile", new JsonObject(risk).put("income", "1")
                        .encode(), 400, "UNKNOWN_FIELD"),
                new Bad(client, "GET", "/suitability/disclosure?lang=EN!", null, 400, "INVALID_VALUE"),
                new Bad(client, "GET", "/suitability/disclosure?lang=fr", null, 404, "UNKNOWN_LANGUAGE"),
                new Bad(client, "POST", "/suitability/disclosure", new JsonObject().put("version", "SCH2-2023-06")
                        .put("language", "en").put("textSha256", repeat('0', 64)).encode(), 409,
                        "STALE_DISCLOSURE_VERSION"),
                new Bad(client, "POST", "/suitability/disclosure", new JsonObject().put("version", repeat('v', 65))
                        .put("language", "en").put("textSha256", "x").encode(), 400, "VALUE_TOO_LONG"),
                new Bad(client, "POST", "/suitability/disclosure", new JsonObject().put("version", "SCH2-2023-06")
                        .put("language", "en").put("textSha256", "x").put("accepted", true).encode(), 400,
                        "UNKNOWN_FIELD"),
                new Bad(client, "GET", "/access-log?limit=0", null, 400, "INVALID_VALUE"),
                new Bad(client, "GET", "/access-log?limit=abc", null, 400, "INVALID_VALUE"),
                // KYC review
                new Bad(officer, "GET", "/staff/kyc/cases/abc", null, 400, "MALFORMED_ID"),
                new Bad(officer, "GET", "/staff/kyc/cases/0", null, 400, "MALFORMED_ID"),
                new Bad(officer, "GET", "/staff/kyc/cases/" + repeat('9', 19), null, 400, "MALFORMED_ID"),
                new Bad(officer, "GET", "/staff/kyc/cases/987654", null, 404, "UNKNOWN_CASE"),
                new Bad(officer, "GET", "/staff/kyc/cases/" + caseId + "/documents/xyz", null, 400, "MALFORMED_ID"),
                new Bad(officer, "GET", "/staff/kyc/cases/" + caseId + "/documents/" + repeat('a', 64), null, 404,
                        "NOT_OWNER"),
                new Bad(officer, "POST", "/staff/kyc/cases/" + caseId + "/approve", "{}", 400, "MISSING_FIELD"),
                new Bad(officer, "POST", "/staff/kyc/cases/" + caseId + "/approve", "{\"reason\":5}", 400,
                        "WRONG_TYPE"),
                new Bad(officer, "POST", "/staff/kyc/cases/" + caseId + "/approve", new JsonObject()
                        .put("reason", repeat('r', 1025)).encode(), 400, "VALUE_TOO_LONG"),
                new Bad(officer, "POST", "/staff/kyc/cases/" + caseId + "/approve", "{\"reason\":\"   \"}", 400,
                        "INVALID_VALUE"),
                new Bad(officer, "POST", "/staff/kyc/cases/" + caseId + "/reject", "{\"reason\":\"x\",\"y\":1}",
                        400, "UNKNOWN_FIELD"),
                new Bad(officer, "POST", "/staff/kyc/cases/x1/reject", reason, 400, "MALFORMED_ID"),
                new Bad(officer, "POST", "/staff/accounts/abc/status", reason, 400, "MALFORMED_ID"),
                new Bad(officer, "POST", "/staff/accounts/" + client.userId + "/status", new JsonObject()
                        .put("status", "FROZEN").put("reason", "x").encode(), 400, "INVALID_VALUE"),
                new Bad(officer, "POST", "/staff/accounts/" + client.userId + "/status", new JsonObject()
                        .put("status", "ACTIVE").put("reason", "x").encode(), 409, "GATES_NOT_MET"),
                // classification
                new Bad(officer, "POST", "/staff/classifications", new JsonObject().put("accountId", "5")
                        .put("investorClass", "RETAIL").encode(), 400, "WRONG_TYPE"),
                new Bad(officer, "POST", "/staff/classifications", new JsonObject().put("accountId", client.userId)
                        .put("investorClass", "RETAIL").put("tier", "HIGH").encode(), 400, "UNKNOWN_FIELD"),
                new Bad(officer, "POST", "/staff/classifications", new JsonObject().put("accountId", client.userId)
                        .put("investorClass", "PROFESSIONAL").put("professionalType", "INDIVIDUAL")
                        .put("evidence", new JsonObject().put("description", "d").put("url", "u")).encode(), 400,
                        "UNKNOWN_FIELD"),
                new Bad(officer, "POST", "/staff/classifications", new JsonObject().put("accountId", client.userId)
                        .put("investorClass", "RETAIL").put("professionalType", "INDIVIDUAL").encode(), 400,
                        "INVALID_VALUE"),
                // screening
                new Bad(officer, "POST", "/staff/screening/lists", "{\"url\":\"https://example.org\"}", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Bad(officer, "POST", "/staff/screening/cases/x/clear", reason, 400, "MALFORMED_ID"),
                new Bad(officer, "POST", "/staff/screening/cases/4242/confirm", reason, 404, "NOT_FOUND"),
                // token admission
                new Bad(admin, "POST", "/staff/tokens", token.copy().put("assetCode", "sol").encode(), 400,
                        "INVALID_VALUE"),
                new Bad(admin, "POST", "/staff/tokens", token.copy().put("marketIds", new JsonArray().add(1))
                        .encode(), 400, "UNKNOWN_FIELD"),
                new Bad(admin, "POST", "/staff/tokens", token.copy().put("issueDate", "2020-13-01").encode(), 400,
                        "INVALID_VALUE"),
                new Bad(admin, "POST", "/staff/tokens", token.copy().put("smartContractRelevant", "yes").encode(),
                        400, "WRONG_TYPE"),
                new Bad(admin, "POST", "/staff/tokens", token.copy().put("assetCode", "ETH").encode(), 409,
                        "ASSET_EXISTS"),
                new Bad(admin, "GET", "/staff/tokens/e-t-h", null, 400, "MALFORMED_ID"),
                new Bad(admin, "GET", "/staff/tokens/NOPE", null, 404, "NOT_FOUND"),
                new Bad(admin, "POST", dd, ddBody.copy().put("factor", "VIBES").encode(), 400, "INVALID_VALUE"),
                new Bad(admin, "POST", dd, ddBody.copy().put("reviewerId", "me").encode(), 400, "UNKNOWN_FIELD"),
                new Bad(admin, "POST", dd, ddBody.copy().put("evidenceLink", repeat('l', 513)).encode(), 400,
                        "VALUE_TOO_LONG"),
                new Bad(admin, "POST", "/staff/tokens/NOPE/due-diligence", ddBody.encode(), 404, "UNKNOWN_ASSET"),
                new Bad(admin, "POST", "/staff/tokens/ETH/contract-audit", "{\"kind\":\"OPINION\"}", 400,
                        "INVALID_VALUE"),
                new Bad(admin, "POST", "/staff/tokens/ETH/contract-audit", "{\"kind\":\"AUDIT_REPORT\"}", 400,
                        "MISSING_FIELD"),
                new Bad(admin, "POST", "/staff/tokens/ETH/indices", index.copy().put("providerIndependent", "yes")
                        .encode(), 400, "WRONG_TYPE"),
                new Bad(admin, "POST", "/staff/tokens/ETH/indices", index.copy().put("indexId", "a b").encode(), 400,
                        "INVALID_VALUE"),
                new Bad(admin, "DELETE", "/staff/tokens/ETH/indices/x*y", null, 400, "MALFORMED_ID"),
                new Bad(admin, "DELETE", "/staff/tokens/ETH/indices/NOT-IN", null, 404, "UNKNOWN_INDEX_MEMBERSHIP"),
                new Bad(admin, "POST", "/staff/tokens/ETH/decisions", decision.copy().put("votes", "all").encode(),
                        400, "WRONG_TYPE"),
                new Bad(admin, "POST", "/staff/tokens/ETH/decisions", decision.copy().put("votes", manyVotes)
                        .encode(), 400, "VALUE_TOO_LONG"),
                new Bad(admin, "POST", "/staff/tokens/ETH/decisions", decision.copy().put("votes", new JsonArray()
                        .add(new JsonObject().put("voterId", "m1"))).encode(), 400, "MISSING_FIELD"),
                new Bad(admin, "POST", "/staff/tokens/ETH/decisions", decision.copy().put("outcome", "LISTED")
                        .encode(), 400, "INVALID_VALUE"),
                // campaigns
                new Bad(admin, "POST", "/staff/campaigns", campaign.copy().put("budget", "1").encode(), 400,
                        "UNKNOWN_FIELD"),
                new Bad(admin, "POST", "/staff/campaigns", campaign.copy().put("rewardType", "NFT").encode(), 400,
                        "INVALID_VALUE"),
                new Bad(admin, "POST", "/staff/campaigns", campaign.copy().put("campaignId", repeat('c', 65))
                        .encode(), 400, "VALUE_TOO_LONG"),
                // audit
                new Bad(officer, "GET", "/staff/audit/export?from=yesterday&to=2100-01-01T00:00:00Z", null, 400,
                        "INVALID_VALUE"),
                new Bad(officer, "GET", "/staff/audit/export?from=2000-01-01T00:00:00Z", null, 400, "MISSING_FIELD"),
                new Bad(officer, "GET", "/staff/audit/export?from=2100-01-01T00:00:00Z&to=2000-01-01T00:00:00Z", null,
                        400, "INVALID_VALUE")));
    }

    @Test
    void shouldRefuseEveryBadInputWithItsStableCodeAndChangeNothing() {
        List<Bad> table = table();
        String before = api.state();
        SoftAssertions soft = new SoftAssertions();
        for (Bad bad : table) {
            Answer answer = bad.send();
            soft.assertThat(answer.status()).as(bad.method() + " " + bad.path() + " → " + answer.body())
                    .isEqualTo(bad.status());
            soft.assertThat(answer.code()).as(bad.method() + " " + bad.path() + " → " + answer.body())
                    .isEqualTo(bad.code());
        }
        soft.assertAll();
        // A blocked residency's refusal is the one record a refused request may leave (HK-06); none is sent here.
        assertThat(api.state()).isEqualTo(before);

        expect(client.post("/kyc", ComplianceApi.kyc("Bob Lee", "HK", "bob id")), 201);
        assertThat(api.state()).as("the snapshot sees a change").isNotEqualTo(before);
    }

    @Test
    void shouldRefuseAKycBodyLargerThanTheUploadLimit() {
        String before = api.state();
        byte[] body = new byte[KycEndpoints.MAX_UPLOAD_BYTES + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        Answer answer = client.send("POST", "/kyc", body, "application/json", client.csrfToken);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(api.state()).isEqualTo(before);
    }

    @Test
    void shouldAcceptADocumentOfTheLargestSizeTheServiceKeeps() {
        expect(client.post("/kyc", ComplianceApi.kyc("Bob Lee", "HK", "bob id")), 201);
        byte[] scan = new byte[io.lantau.compliance.onboarding.OnboardingService.MAX_DOCUMENT_BYTES];
        Arrays.fill(scan, (byte) 7);
        String body = new JsonObject().put("kind", "PASSPORT").put("contentType", "image/png")
                .put("contentBase64", java.util.Base64.getEncoder().encodeToString(scan)).encode();

        JsonObject stored = expect(client.post("/kyc/documents", body), 201).json();

        assertThat(stored.getLong("sizeBytes")).isEqualTo(scan.length);
    }
}
