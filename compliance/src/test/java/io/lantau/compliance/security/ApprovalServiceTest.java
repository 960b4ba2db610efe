package io.lantau.compliance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalServiceTest extends SecurityEngineTestBase {
    private static final String COLD_TO_HOT = "COLD_TO_HOT_TRANSFER";

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger executions = new AtomicInteger();
    private ApprovalService approvals;
    private StaffDirectory staff;
    private long admin;
    private long secondAdmin;
    private long compliance;
    private long custody;
    private long secondCustody;
    private long auditor;
    private long client;

    @BeforeEach
    void setUp() {
        approvals = new ApprovalService(database.dataSource(), events::add, clock);
        staff = new StaffDirectory(database.dataSource());
        admin = staffUser("admin@example.com", StaffRole.OPERATOR_ADMIN);
        secondAdmin = staffUser("admin2@example.com", StaffRole.OPERATOR_ADMIN);
        compliance = staffUser("compliance@example.com", StaffRole.COMPLIANCE_OFFICER);
        custody = staffUser("custody@example.com", StaffRole.CUSTODY_OFFICER);
        secondCustody = staffUser("custody2@example.com", StaffRole.CUSTODY_OFFICER);
        auditor = staffUser("auditor@example.com", StaffRole.AUDITOR);
        client = user("client@example.com");
        approvals.register(new ApprovalRule(COLD_TO_HOT, Set.of(StaffRole.CUSTODY_OFFICER),
                Set.of(StaffRole.CUSTODY_OFFICER)), new ApprovalHandler() {
                    @Override
                    public long validate(String payload) {
                        if (!payload.startsWith("{")) {
                            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD);
                        }
                        return SecurityEvent.UNKNOWN_USER;
                    }

                    @Override
                    public void execute(Approval approval, Connection connection) {
                        executions.incrementAndGet();
                    }
                });
        events.clear();
    }

    private long staffUser(String email, StaffRole role) {
        long id = user(email);
        staff.bootstrap(id, role, START);
        return id;
    }

    private static void assertRefused(ThrowingCallable call, SecurityRefusal refusal) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecurityRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }

    @Test
    void shouldRefuseApprovalByItsOwnRequesterAndExecuteNothing() {
        Approval request = approvals.request(COLD_TO_HOT, custody, "{\"amount\":\"1\"}");

        assertRefused(() -> approvals.approve(request.id(), custody), SecurityRefusal.SELF_APPROVAL_FORBIDDEN);
        assertRefused(() -> approvals.reject(request.id(), custody, null), SecurityRefusal.SELF_APPROVAL_FORBIDDEN);

        assertThat(executions).hasValue(0);
        assertThat(approvals.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(events).extracting(SecurityEvent::type).containsExactly(SecurityEventType.APPROVAL_REQUESTED);
    }

    @Test
    void shouldRefuseApprovalByStaffWithoutTheApproverRole() {
        Approval request = approvals.request(COLD_TO_HOT, custody, "{}");

        for (long approver : new long[] {admin, compliance, auditor, client}) {
            assertRefused(() -> approvals.approve(request.id(), approver), SecurityRefusal.APPROVER_ROLE_REQUIRED);
        }
        assertThat(executions).hasValue(0);
        assertThat(approvals.pending()).containsExactly(request);
    }

    @Test
    void shouldExecuteOnceWhenApprovedByADistinctOfficer() {
        Approval request = approvals.request(COLD_TO_HOT, custody, "{}");
        clock.advance(java.time.Duration.ofMinutes(3));

        Approval approved = approvals.approve(request.id(), secondCustody);

        assertThat(executions).hasValue(1);
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(secondCustody);
        assertThat(approved.decidedAt()).isEqualTo(clock.instant());
        assertThat(approvals.find(request.id())).contains(approved);
        assertRefused(() -> approvals.approve(request.id(), secondCustody), SecurityRefusal.APPROVAL_ALREADY_DECIDED);
        assertRefused(() -> approvals.reject(request.id(), secondCustody, "late"),
                SecurityRefusal.APPROVAL_ALREADY_DECIDED);
        assertThat(executions).hasValue(1);
        assertThat(approvals.pending()).isEmpty();
        assertThat(events).extracting(SecurityEvent::type).containsExactly(SecurityEventType.APPROVAL_REQUESTED,
                SecurityEventType.APPROVAL_APPROVED);
    }

    @Test
    void shouldExecuteOnceWhenTwoOfficersApproveAtOnce() throws Exception {
        long thirdCustody = staffUser("custody3@example.com", StaffRole.CUSTODY_OFFICER);
        Approval request = approvals.request(COLD_TO_HOT, custody, "{}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Approval>> results = new ArrayList<>();
            for (long approver : new long[] {secondCustody, thirdCustody}) {
                results.add(pool.submit(() -> approvals.approve(request.id(), approver)));
            }
            int approved = 0;
            int refused = 0;
            for (Future<Approval> f : results) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    approved++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SecurityRefusedException.class);
                    refused++;
                }
            }
            assertThat(approved).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(executions).hasValue(1);
    }

    @Test
    void shouldNeverExecuteARejectedRequest() {
        Approval request = approvals.request(COLD_TO_HOT, custody, "{}");

        Approval rejected = approvals.reject(request.id(), secondCustody, "no ticket");

        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("no ticket");
        assertRefused(() -> approvals.approve(request.id(), secondCustody), SecurityRefusal.APPROVAL_ALREADY_DECIDED);
        assertThat(executions).hasValue(0);
    }

    @Test
    void shouldRefuseRequestsFromUsersWithoutARequesterRole() {
        for (long requester : new long[] {admin, compliance, auditor, client}) {
            assertRefused(() -> approvals.request(COLD_TO_HOT, requester, "{}"),
                    SecurityRefusal.REQUESTER_ROLE_REQUIRED);
        }
        assertRefused(() -> approvals.request("LAUNCH_MISSILES", custody, "{}"), SecurityRefusal.UNKNOWN_ACTION);
        assertRefused(() -> approvals.request(COLD_TO_HOT, custody, "x"), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(COLD_TO_HOT, custody, "{" + "x".repeat(4000)),
                SecurityRefusal.INVALID_PAYLOAD);
        assertThat(approvals.pending()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void shouldRefuseUnknownAndMissingRequests() {
        assertRefused(() -> approvals.approve(999, secondCustody), SecurityRefusal.APPROVAL_NOT_FOUND);
        assertRefused(() -> approvals.reject(999, secondCustody, null), SecurityRefusal.APPROVAL_NOT_FOUND);
        assertRefused(() -> approvals.reject(999, secondCustody, "r".repeat(501)), SecurityRefusal.INVALID_PAYLOAD);
    }

    @Test
    void shouldGrantARoleOnlyWhenAnotherOfficerApproves() {
        Approval request = approvals.request(RoleChange.ACTION, admin,
                new RoleChange(client, StaffRole.AUDITOR, true).payload());
        assertThat(request.subjectUserId()).isEqualTo(client);

        assertRefused(() -> approvals.approve(request.id(), admin), SecurityRefusal.SELF_APPROVAL_FORBIDDEN);
        assertRefused(() -> approvals.approve(request.id(), custody), SecurityRefusal.APPROVER_ROLE_REQUIRED);
        assertThat(staff.rolesOf(client)).isEmpty();

        approvals.approve(request.id(), compliance);

        assertThat(staff.rolesOf(client)).containsExactly(StaffRole.AUDITOR);
        assertThat(events).filteredOn(e -> e.type() == SecurityEventType.ROLE_CHANGE).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorUserId()).isEqualTo(compliance);
                    assertThat(e.subjectUserId()).isEqualTo(client);
                    assertThat(e.detail()).contains("granted AUDITOR");
                });
        assertThat(staff.staff()).anySatisfy(m -> {
            assertThat(m.userId()).isEqualTo(client);
            assertThat(m.roles()).containsExactly(StaffRole.AUDITOR);
        });
    }

    @Test
    void shouldRefuseApprovalOfARoleChangeByTheUserItConcerns() {
        Approval request = approvals.request(RoleChange.ACTION, admin,
                new RoleChange(compliance, StaffRole.OPERATOR_ADMIN, true).payload());

        assertRefused(() -> approvals.approve(request.id(), compliance), SecurityRefusal.SUBJECT_APPROVAL_FORBIDDEN);
        assertThat(staff.rolesOf(compliance)).containsExactly(StaffRole.COMPLIANCE_OFFICER);
        approvals.approve(request.id(), secondAdmin);
        assertThat(staff.rolesOf(compliance)).containsExactlyInAnyOrder(StaffRole.COMPLIANCE_OFFICER,
                StaffRole.OPERATOR_ADMIN);
    }

    @Test
    void shouldRevokeARoleWhenApproved() {
        Approval request = approvals.request(RoleChange.ACTION, admin,
                new RoleChange(custody, StaffRole.CUSTODY_OFFICER, false).payload());
        approvals.approve(request.id(), compliance);

        assertThat(staff.rolesOf(custody)).isEmpty();
        assertRefused(() -> approvals.request(COLD_TO_HOT, custody, "{}"), SecurityRefusal.REQUESTER_ROLE_REQUIRED);
    }

    @Test
    void shouldRefuseRoleChangesThatChangeNothingOrNameNobody() {
        assertRefused(() -> approvals.request(RoleChange.ACTION, admin,
                new RoleChange(custody, StaffRole.CUSTODY_OFFICER, true).payload()), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(RoleChange.ACTION, admin,
                new RoleChange(client, StaffRole.AUDITOR, false).payload()), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(RoleChange.ACTION, admin,
                new RoleChange(424242, StaffRole.AUDITOR, true).payload()), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(RoleChange.ACTION, admin,
                "{\"userId\":" + client + ",\"role\":\"KING\",\"grant\":true}"), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(RoleChange.ACTION, admin,
                "{\"role\":\"AUDITOR\",\"userId\":" + client + ",\"grant\":true}"), SecurityRefusal.INVALID_PAYLOAD);
        assertRefused(() -> approvals.request(RoleChange.ACTION, compliance,
                new RoleChange(client, StaffRole.AUDITOR, true).payload()), SecurityRefusal.REQUESTER_ROLE_REQUIRED);
        assertThat(approvals.pending()).isEmpty();
    }

    @Test
    void shouldLeaveTheRequestPendingWhenItsActionFails() {
        approvals.register(new ApprovalRule("FAILS", Set.of(StaffRole.CUSTODY_OFFICER),
                Set.of(StaffRole.CUSTODY_OFFICER)), new ApprovalHandler() {
                    @Override
                    public long validate(String payload) {
                        return SecurityEvent.UNKNOWN_USER;
                    }

                    @Override
                    public void execute(Approval approval, Connection connection) throws SQLException {
                        try (PreparedStatement s = connection.prepareStatement(
                                "INSERT INTO staff_roles (user_id, role, granted_at) VALUES (?, 'AUDITOR', ?)")) {
                            s.setLong(1, client);
                            s.setObject(2, java.time.OffsetDateTime.now());
                            s.executeUpdate();
                        }
                        throw new IllegalStateException("the chain is down");
                    }
                });
        Approval request = approvals.request("FAILS", custody, "{}");

        assertRefused(() -> approvals.approve(request.id(), secondCustody), SecurityRefusal.ACTION_FAILED);

        assertThat(approvals.find(request.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(staff.rolesOf(client)).as("the handler's write rolled back").isEmpty();
    }

    @Test
    void shouldRefuseSelfApprovalInTheSchemaToo() throws Exception {
        Approval request = approvals.request(COLD_TO_HOT, custody, "{}");
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE approvals SET status = 'APPROVED', decided_by = requester_id, decided_at = requested_at "
                        + "WHERE id = ?")) {
            s.setLong(1, request.id());
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void shouldExportTheMatrix() {
        assertThat(approvals.rules()).extracting(ApprovalRule::action).containsExactly(COLD_TO_HOT,
                RoleChange.ACTION);
        assertThatThrownBy(() -> approvals.register(RoleChange.RULE, null)).isInstanceOf(IllegalStateException.class);
    }
}
