package io.lantau.gateway.compliance;

import static io.lantau.gateway.compliance.ComplianceApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.StaffRole;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client can never read or change another's KYC data, documents or limits, and staff routes refuse clients and
 * the wrong roles (HK-17, HK-23): every endpoint that takes an id, tried with the other party's ids.
 */
class ComplianceIsolationTest {
    @TempDir
    Path dir;
    private ComplianceApi api;
    private Browser officer;
    private Browser alice;
    private Browser bob;
    private long aliceCase;
    private String aliceDocument;
    private long screeningCase;

    @BeforeEach
    void start() {
        api = new ComplianceApi(dir);
        officer = api.staff("officer@example.com", StaffRole.COMPLIANCE_OFFICER);
        Browser admin = api.staff("admin@example.com", StaffRole.OPERATOR_ADMIN);
        alice = api.client("alice@example.com");
        bob = api.client("bob@example.com");
        JsonObject submitted = expect(alice.post("/kyc", ComplianceApi.kyc("Alice Wong", "HK", "alice id")), 201)
                .json();
        aliceCase = submitted.getLong("caseId");
        aliceDocument = submitted.getJsonArray("documents").getJsonObject(0).getString("sha256");
        expect(admin.post("/staff/tokens", new JsonObject().put("assetCode", "ETH").put("name", "Ether")
                .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2015-07-30").encode()), 201);
        expect(api.loadList(officer, ComplianceApi.unList("ALICE", "WONG", "")), 201);
        screeningCase = expect(officer.get("/staff/screening/cases"), 200).array().getJsonObject(0).getLong("caseId");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldNeverShowOneClientAnothersKycCaseOrDocument() {
        String before = api.state();

        assertThat(bob.get("/kyc").code()).isEqualTo("NO_KYC_CASE");
        Answer document = bob.get("/kyc/documents/" + aliceDocument);
        assertThat(document.status()).isEqualTo(404);
        assertThat(document.code()).isEqualTo("NOT_OWNER");
        assertThat(document.body()).doesNotContain("Alice").doesNotContain("contentBase64");
        Answer upload = bob.post("/kyc/documents", ComplianceApi.document("bob slips a document in").encode());
        assertThat(upload.code()).isEqualTo("NO_PENDING_CASE");
        JsonObject bobView = expect(bob.get("/suitability"), 200).json();
        assertThat(bobView.getLong("accountId")).isEqualTo(bob.userId);
        assertThat(bobView.getString("status")).isEqualTo("PENDING_KYC");
        assertThat(expect(bob.get("/access-log"), 200).array()).isEmpty();

        assertThat(api.state()).isEqualTo(before);
        JsonObject own = expect(alice.get("/kyc/documents/" + aliceDocument), 200).json();
        assertThat(own.getString("sha256")).isEqualTo(aliceDocument);
    }

    /** Every staff route, with Alice's ids where it takes one. */
    private List<Route> staffRoutes() {
        String reason = new JsonObject().put("reason", "because").encode();
        return List.of(
                new Route("GET", "/staff/kyc/cases", null, false),
                new Route("GET", "/staff/kyc/cases/" + aliceCase, null, false),
                new Route("GET", "/staff/kyc/cases/" + aliceCase + "/documents/" + aliceDocument, null, false),
                new Route("POST", "/staff/kyc/cases/" + aliceCase + "/approve", reason, true),
                new Route("POST", "/staff/kyc/cases/" + aliceCase + "/reject", reason, true),
                new Route("POST", "/staff/accounts/" + alice.userId + "/status",
                        new JsonObject().put("status", "SUSPENDED").put("reason", "x").encode(), true),
                new Route("POST", "/staff/classifications", new JsonObject().put("accountId", bob.userId)
                        .put("investorClass", "RETAIL").encode(), true),
                new Route("GET", "/staff/screening/lists", null, false),
                new Route("GET", "/staff/screening/cases", null, false),
                new Route("POST", "/staff/screening/cases/" + screeningCase + "/clear", reason, true),
                new Route("POST", "/staff/screening/cases/" + screeningCase + "/confirm", reason, true),
                new Route("GET", "/staff/tokens", null, false),
                new Route("GET", "/staff/tokens/ETH", null, false),
                new Route("POST", "/staff/tokens", new JsonObject().put("assetCode", "SOL").put("name", "Solana")
                        .put("tokenType", "VIRTUAL_ASSET").put("issueDate", "2020-03-16").encode(), true),
                new Route("POST", "/staff/tokens/ETH/due-diligence", new JsonObject().put("factor", "LEGAL_RISKS")
                        .put("evidenceLink", "x").put("outcome", "SATISFACTORY").encode(), true),
                new Route("POST", "/staff/tokens/ETH/contract-audit", new JsonObject().put("kind", "RELIANCE")
                        .put("rationale", "native coin").encode(), true),
                new Route("POST", "/staff/tokens/ETH/indices", new JsonObject().put("indexId", "I1")
                        .put("provider", "P").put("asOfDate", "2026-01-01").encode(), true),
                new Route("DELETE", "/staff/tokens/ETH/indices/I1", null, true),
                new Route("POST", "/staff/tokens/ETH/decisions", new JsonObject().put("outcome", "WITHDRAWN")
                        .put("reasons", "x").put("votes", new io.vertx.core.json.JsonArray()).encode(), true),
                new Route("GET", "/staff/tokens/ETH/decisions", null, false),
                new Route("GET", "/staff/token-reviews", null, false),
                new Route("GET", "/staff/campaigns", null, false),
                new Route("POST", "/staff/campaigns", new JsonObject().put("campaignId", "c").put("name", "c")
                        .put("rewardType", "FEE_DISCOUNT").put("conditionType", "NONE").put("targetSegment", "ALL")
                        .encode(), true),
                new Route("GET", "/staff/audit/verify", null, false),
                new Route("GET", "/staff/audit/export?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", null,
                        false));
    }

    private record Route(String method, String path, String body, boolean changes) {
        Answer call(Browser who) {
            return who.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                    body == null ? null : "application/json", who.csrfToken);
        }
    }

    @Test
    void shouldRefuseEveryStaffRouteToClientsAndChangeNothing() {
        String before = api.state();
        SoftAssertions soft = new SoftAssertions();
        Browser anonymous = api.server.browser();
        for (Route route : staffRoutes()) {
            Answer asClient = route.call(bob);
            soft.assertThat(asClient.status()).as(route + " " + asClient.body()).isEqualTo(403);
            soft.assertThat(asClient.code()).as(route.toString()).isEqualTo("STAFF_ROLE_REQUIRED");
            Answer asNobody = route.call(anonymous);
            soft.assertThat(asNobody.status()).as(route + " " + asNobody.body()).isEqualTo(401);
        }
        soft.assertAll();
        assertThat(api.state()).isEqualTo(before);
    }

    @Test
    void shouldLetAuditorsReadButNeverChange() {
        Browser auditor = api.staff("auditor@example.com", StaffRole.AUDITOR);
        String before = api.state();
        SoftAssertions soft = new SoftAssertions();
        for (Route route : staffRoutes()) {
            Answer answer = route.call(auditor);
            if (route.changes()) {
                soft.assertThat(answer.code()).as(route + " " + answer.body()).isEqualTo("STAFF_ROLE_REQUIRED");
            } else {
                soft.assertThat(answer.status()).as(route + " " + answer.body()).isEqualTo(200);
            }
        }
        soft.assertAll();
        assertThat(api.state()).isEqualTo(before);
    }

    @Test
    void shouldKeepKycAndScreeningFromStaffWithoutTheComplianceRole() {
        Browser custody = api.staff("custody@example.com", StaffRole.CUSTODY_OFFICER);
        Browser admin = api.staff("admin2@example.com", StaffRole.OPERATOR_ADMIN);
        String before = api.state();
        for (Browser who : List.of(custody, admin)) {
            assertThat(who.get("/staff/kyc/cases/" + aliceCase).code()).isEqualTo("STAFF_ROLE_REQUIRED");
            assertThat(who.get("/staff/kyc/cases/" + aliceCase + "/documents/" + aliceDocument).code())
                    .isEqualTo("STAFF_ROLE_REQUIRED");
            assertThat(who.post("/staff/kyc/cases/" + aliceCase + "/approve",
                    new JsonObject().put("reason", "x").encode()).code()).isEqualTo("STAFF_ROLE_REQUIRED");
            assertThat(who.post("/staff/screening/cases/" + screeningCase + "/clear",
                    new JsonObject().put("reason", "x").encode()).code()).isEqualTo("STAFF_ROLE_REQUIRED");
        }
        assertThat(officer.post("/staff/tokens/ETH/due-diligence", new JsonObject().put("factor", "LEGAL_RISKS")
                .put("evidenceLink", "x").put("outcome", "SATISFACTORY").encode()).code())
                .isEqualTo("STAFF_ROLE_REQUIRED");
        assertThat(api.state()).isEqualTo(before);
    }
}
