package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityEventType;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.security.TotpStatus;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff endpoints and maker-checker through a real server (HK-17). */
class NativeApiStaffTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";

    @TempDir
    Path dir;
    private NativeApiServer server;
    private Browser admin;
    private Browser compliance;
    private Browser custody;
    private Browser auditor;
    private Browser client;
    private Browser otherClient;

    @BeforeEach
    void start() {
        server = new NativeApiServer(dir);
        admin = staff("admin@example.com", StaffRole.OPERATOR_ADMIN);
        compliance = staff("compliance@example.com", StaffRole.COMPLIANCE_OFFICER);
        custody = staff("custody@example.com", StaffRole.CUSTODY_OFFICER);
        auditor = staff("auditor@example.com", StaffRole.AUDITOR);
        client = server.browser().signedUp("client@example.com", PASSWORD);
        otherClient = server.browser().signedUp("other@example.com", PASSWORD).withTotp();
        server.events.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Browser staff(String email, StaffRole role) {
        Browser b = server.browser().signedUp(email, PASSWORD);
        server.security.staff().bootstrap(b.userId, role, Instant.EPOCH);
        return b.withTotp();
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    private long requestAuditorRoleFor(Browser who) {
        Answer requested = admin.post("/staff/roles", new JsonObject().put("userId", who.userId)
                .put("role", "AUDITOR").encode());
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return requested.json().getLong("id");
    }

    @Test
    void shouldRefuseARoleChangeApprovedByItsOwnRequesterAndChangeNothing() {
        long id = requestAuditorRoleFor(client);

        assertRefused(admin.post("/staff/approvals/" + id + "/approve", null), 403, "SELF_APPROVAL_FORBIDDEN");
        assertRefused(admin.post("/staff/approvals/" + id + "/reject", null), 403, "SELF_APPROVAL_FORBIDDEN");

        assertThat(server.security.staff().rolesOf(client.userId)).isEmpty();
        assertThat(admin.get("/staff/approvals").array()).singleElement()
                .satisfies(a -> assertThat(((JsonObject) a).getString("status")).isEqualTo("PENDING"));
        assertThat(server.events).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.APPROVAL_REQUESTED);
    }

    @Test
    void shouldRefuseApprovalByStaffWithoutTheApproverRole() {
        long id = requestAuditorRoleFor(client);

        assertRefused(custody.post("/staff/approvals/" + id + "/approve", null), 403, "APPROVER_ROLE_REQUIRED");
        assertRefused(auditor.post("/staff/approvals/" + id + "/approve", null), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(client.post("/staff/approvals/" + id + "/approve", null), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(client.post("/staff/approvals/" + id + "/approve", null), 403, "STAFF_ROLE_REQUIRED");

        assertThat(server.security.staff().rolesOf(client.userId)).isEmpty();
        assertThat(server.security.approvals().pending()).hasSize(1);
    }

    @Test
    void shouldGrantTheRoleOnceWhenADistinctOfficerApproves() {
        long id = requestAuditorRoleFor(otherClient);

        Answer approved = compliance.post("/staff/approvals/" + id + "/approve", null);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("APPROVED");
        assertThat(approved.json().getLong("decidedBy")).isEqualTo(compliance.userId);
        assertThat(approved.json().getJsonObject("payload")).isEqualTo(new JsonObject()
                .put("userId", otherClient.userId).put("role", "AUDITOR").put("grant", true));
        assertThat(server.security.staff().rolesOf(otherClient.userId)).containsExactly(StaffRole.AUDITOR);
        assertRefused(compliance.post("/staff/approvals/" + id + "/approve", null), 409, "APPROVAL_ALREADY_DECIDED");
        assertThat(server.events).extracting(SecurityEvent::type).containsExactly(
                SecurityEventType.APPROVAL_REQUESTED, SecurityEventType.ROLE_CHANGE,
                SecurityEventType.APPROVAL_APPROVED);

        Answer me = otherClient.get("/staff/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().getJsonArray("roles").getList()).containsExactly("AUDITOR");
        assertRefused(otherClient.post("/staff/roles", new JsonObject().put("userId", client.userId)
                .put("role", "AUDITOR").encode()), 403, "STAFF_ROLE_REQUIRED");
    }

    @Test
    void shouldRejectWithAReasonAndNeverGrant() {
        long id = requestAuditorRoleFor(client);

        Answer rejected = compliance.post("/staff/approvals/" + id + "/reject",
                new JsonObject().put("reason", "no ticket").encode());

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
        assertThat(rejected.json().getString("reason")).isEqualTo("no ticket");
        assertRefused(compliance.post("/staff/approvals/" + id + "/approve", null), 409, "APPROVAL_ALREADY_DECIDED");
        assertThat(server.security.staff().rolesOf(client.userId)).isEmpty();
        assertThat(compliance.get("/staff/approvals").array()).isEmpty();
    }

    @Test
    void shouldRefuseClientSessionsOnEveryStaffEndpoint() {
        long id = requestAuditorRoleFor(client);
        for (Browser b : List.of(client, otherClient)) {
            for (String path : List.of("/staff/me", "/staff/members", "/staff/approvals")) {
                assertRefused(b.get(path), 403, "STAFF_ROLE_REQUIRED");
            }
            assertRefused(b.post("/staff/approvals/" + id + "/approve", null), 403, "STAFF_ROLE_REQUIRED");
            assertRefused(b.post("/staff/approvals/" + id + "/reject", null), 403, "STAFF_ROLE_REQUIRED");
            assertRefused(b.post("/staff/roles", new JsonObject().put("userId", b.userId)
                    .put("role", "OPERATOR_ADMIN").encode()), 403, "STAFF_ROLE_REQUIRED");
            assertRefused(b.post("/staff/totp-resets", new JsonObject().put("userId", otherClient.userId).encode()),
                    403, "STAFF_ROLE_REQUIRED");
        }
        assertRefused(server.browser().get("/staff/approvals"), 401, "UNAUTHENTICATED");
        assertThat(server.security.approvals().pending()).hasSize(1);
        assertThat(server.security.staff().rolesOf(client.userId)).isEmpty();
        assertThat(server.security.staff().rolesOf(otherClient.userId)).isEmpty();
    }

    @Test
    void shouldRefuseStaffWithoutTotp() {
        Browser noTotp = server.browser().signedUp("newadmin@example.com", PASSWORD);
        server.security.staff().bootstrap(noTotp.userId, StaffRole.OPERATOR_ADMIN, Instant.EPOCH);

        assertRefused(noTotp.get("/staff/approvals"), 403, "STAFF_TOTP_REQUIRED");
        assertRefused(noTotp.post("/staff/roles", new JsonObject().put("userId", client.userId)
                .put("role", "AUDITOR").encode()), 403, "STAFF_TOTP_REQUIRED");
    }

    @Test
    void shouldLetAuditorsReadButNotRequest() {
        long id = requestAuditorRoleFor(client);

        assertThat(auditor.get("/staff/approvals").array()).hasSize(1);
        assertThat(auditor.get("/staff/members").array()).hasSize(4);
        assertRefused(auditor.post("/staff/roles", new JsonObject().put("userId", client.userId)
                .put("role", "AUDITOR").encode()), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(auditor.post("/staff/approvals/" + id + "/reject", null), 403, "STAFF_ROLE_REQUIRED");
    }

    @Test
    void shouldRefuseRequestsFromStaffWithoutTheRequesterRole() {
        assertRefused(compliance.post("/staff/roles", new JsonObject().put("userId", client.userId)
                .put("role", "AUDITOR").encode()), 403, "REQUESTER_ROLE_REQUIRED");
        assertRefused(custody.post("/staff/totp-resets", new JsonObject().put("userId", otherClient.userId).encode()),
                403, "REQUESTER_ROLE_REQUIRED");
        assertThat(server.security.approvals().pending()).isEmpty();
    }

    @Test
    void shouldRefuseApprovalByTheUserTheRoleChangeConcerns() {
        Answer requested = admin.post("/staff/roles", new JsonObject().put("userId", compliance.userId)
                .put("role", "OPERATOR_ADMIN").encode());
        long id = requested.json().getLong("id");

        assertRefused(compliance.post("/staff/approvals/" + id + "/approve", null), 403,
                "SUBJECT_APPROVAL_FORBIDDEN");
        assertThat(server.security.staff().rolesOf(compliance.userId))
                .containsExactly(StaffRole.COMPLIANCE_OFFICER);
    }

    @Test
    void shouldResetAUsersTotpOnlyWhenApproved() {
        Answer requested = admin.post("/staff/totp-resets", new JsonObject().put("userId", otherClient.userId)
                .encode());
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        long id = requested.json().getLong("id");
        assertRefused(admin.post("/staff/approvals/" + id + "/approve", null), 403, "SELF_APPROVAL_FORBIDDEN");
        assertThat(server.security.totp().status(otherClient.userId)).isEqualTo(TotpStatus.ACTIVE);

        assertThat(compliance.post("/staff/approvals/" + id + "/approve", null).status()).isEqualTo(200);

        assertThat(server.security.totp().status(otherClient.userId)).isEqualTo(TotpStatus.NONE);
        assertRefused(admin.post("/staff/totp-resets", new JsonObject().put("userId", client.userId).encode()),
                400, "INVALID_PAYLOAD");
    }

    @Test
    void shouldAnswerUnknownApprovalIdsAsNotFound() {
        for (String id : List.of("999999", "abc", "-1", "1.5", "9".repeat(30))) {
            assertRefused(compliance.post("/staff/approvals/" + id + "/approve", null), 404, "APPROVAL_NOT_FOUND");
            assertRefused(compliance.post("/staff/approvals/" + id + "/reject", null), 404, "APPROVAL_NOT_FOUND");
        }
        assertRefused(compliance.get("/staff/approvals/1/approve"), 405, "METHOD_NOT_ALLOWED");
        assertRefused(compliance.post("/staff/approvals/1/sign", null), 404, "NOT_FOUND");
    }
}
