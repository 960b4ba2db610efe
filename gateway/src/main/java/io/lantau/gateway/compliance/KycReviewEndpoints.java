package io.lantau.gateway.compliance;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.onboarding.KycCase;
import io.lantau.compliance.onboarding.OnboardingAccount;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.AccountStatus;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeException;
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
 * The compliance officers' KYC review queue and account life cycle (HK-01, HK-06, HK-24). Reading needs a compliance
 * officer or an auditor; deciding, a compliance officer who is not the applicant ({@code SELF_REVIEW}). KYC decisions
 * reach the audit trail through the onboarding service's decision listeners; status changes are recorded here with
 * the officer and the reason (HK-33).
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code GET /staff/kyc/cases}</td><td>200 the pending cases, oldest first</td></tr>
 * <tr><td>{@code GET /staff/kyc/cases/{id}}</td><td>200 the case with identity and document references</td></tr>
 * <tr><td>{@code GET /staff/kyc/cases/{id}/documents/{sha256}}</td><td>200 the document, base64</td></tr>
 * <tr><td>{@code POST /staff/kyc/cases/{id}/approve|reject {reason}}</td><td>200 the decided case</td></tr>
 * <tr><td>{@code POST /staff/accounts/{id}/status {status, reason}}</td><td>200 {@code {accountId, status}}</td></tr>
 * </table>
 */
public final class KycReviewEndpoints implements EndpointGroup {
    private static final Set<String> DECISION_FIELDS = Set.of("reason");
    private static final Set<String> STATUS_FIELDS = Set.of("status", "reason");
    private static final int MAX_REASON = 1024;

    private final OnboardingService onboarding;
    private final StaffAccess access;
    private final StaffDecisionAudit audit;

    public KycReviewEndpoints(OnboardingService onboarding, StaffAccess access, StaffDecisionAudit audit) {
        this.onboarding = Objects.requireNonNull(onboarding);
        this.access = Objects.requireNonNull(access);
        this.audit = Objects.requireNonNull(audit);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.GET, "/staff/kyc/cases", Access.SESSION, this::queue);
        routes.add(HttpMethod.GET, "/staff/kyc/cases/:id", Access.SESSION, this::kycCase);
        routes.add(HttpMethod.GET, "/staff/kyc/cases/:id/documents/:sha256", Access.SESSION, this::document);
        routes.add(HttpMethod.POST, "/staff/kyc/cases/:id/approve", Access.SESSION_CHANGE, this::approve);
        routes.add(HttpMethod.POST, "/staff/kyc/cases/:id/reject", Access.SESSION_CHANGE, this::reject);
        routes.add(HttpMethod.POST, "/staff/accounts/:id/status", Access.SESSION_CHANGE, this::changeStatus);
    }

    Reply queue(NativeRequest request, Session session) {
        reader(session);
        JsonArray list = new JsonArray();
        onboarding.pendingCases().forEach(p -> list.add(KycViews.pending(p)));
        return Reply.ok(list);
    }

    Reply kycCase(NativeRequest request, Session session) {
        reader(session);
        return Reply.ok(KycViews.kycCase(onboarding.caseForReview(session.userId(), Inputs.pathId(request, "id"))));
    }

    Reply document(NativeRequest request, Session session) {
        reader(session);
        long caseId = Inputs.pathId(request, "id");
        String sha256 = Inputs.pathSha256(request, "sha256");
        return Reply.ok(KycViews.documentWithContent(onboarding.documentForReview(session.userId(), caseId, sha256)));
    }

    Reply approve(NativeRequest request, Session session) {
        return decide(request, session, true);
    }

    Reply reject(NativeRequest request, Session session) {
        return decide(request, session, false);
    }

    private Reply decide(NativeRequest request, Session session, boolean approve) {
        access.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        long caseId = Inputs.pathId(request, "id");
        String reason = Inputs.text(request.requiredJson().allowOnly(DECISION_FIELDS), "reason", MAX_REASON, true);
        // The service tells its decision listeners (the platform's audit trail, HK-33) of the decision itself.
        KycCase decided = approve ? onboarding.approve(caseId, session.userId(), reason)
                : onboarding.reject(caseId, session.userId(), reason);
        return Reply.ok(KycViews.kycCase(decided));
    }

    /** Moves an account along the life cycle the onboarding service allows (AccountLifecycle). */
    Reply changeStatus(NativeRequest request, Session session) {
        access.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        long accountId = Inputs.pathId(request, "id");
        JsonBody body = request.requiredJson().allowOnly(STATUS_FIELDS);
        AccountStatus target = Inputs.enumValue(body, "status", AccountStatus.class);
        String reason = Inputs.text(body, "reason", MAX_REASON, true);
        if (accountId == session.userId()) {
            throw new NativeException(ComplianceError.SELF_ACTION_FORBIDDEN);
        }
        AccountStatus before = onboarding.account(accountId).map(OnboardingAccount::status).orElse(null);
        OnboardingAccount moved = onboarding.changeStatus(accountId, target, "staff:" + session.userId(), reason);
        audit.record(AuditKind.ACCOUNT_STATUS_CHANGE, session.userId(), accountId, AuditDetails.builder()
                .put("from", before).put("to", moved.status()).put("reason", reason));
        return Reply.ok(new JsonObject().put("accountId", moved.accountId()).put("status", moved.status().name()));
    }

    private void reader(Session session) {
        access.require(session, false, StaffRole.COMPLIANCE_OFFICER, StaffRole.AUDITOR);
    }
}
