package io.lantau.gateway.compliance;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.suitability.Classification;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.ProfessionalEvidence;
import io.lantau.compliance.suitability.ProfessionalInvestorType;
import io.lantau.core.InvestorClass;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /staff/classifications {accountId, investorClass: RETAIL|PROFESSIONAL, professionalType?, evidence?:
 * {description, documentSha256}}} → 201 the classification (HK-01). A compliance officer records it; for a
 * professional investor the Schedule 1 type and the evidence (its document's SHA-256 among the client's KYC
 * documents), verified by that officer, never by the client ({@code SELF_VERIFICATION}). On the audit trail.
 */
public final class ClassificationEndpoints implements EndpointGroup {
    private static final Set<String> FIELDS = Set.of("accountId", "investorClass", "professionalType", "evidence");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("description", "documentSha256");
    private static final int MAX_DESCRIPTION = 2048;

    private final ClassificationService classification;
    private final StaffAccess access;
    private final StaffDecisionAudit audit;

    public ClassificationEndpoints(ClassificationService classification, StaffAccess access,
            StaffDecisionAudit audit) {
        this.classification = Objects.requireNonNull(classification);
        this.access = Objects.requireNonNull(access);
        this.audit = Objects.requireNonNull(audit);
    }

    @Override
    public void register(NativeRoutes routes) {
        new ComplianceRoutes(routes).add(HttpMethod.POST, "/staff/classifications", Access.SESSION_CHANGE,
                this::classify);
    }

    Reply classify(NativeRequest request, Session session) {
        access.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        JsonBody body = request.requiredJson().allowOnly(FIELDS);
        long accountId = body.requiredId("accountId");
        InvestorClass investorClass = Inputs.enumValue(body, "investorClass", InvestorClass.class);
        ProfessionalInvestorType type = Inputs.optionalEnum(body, "professionalType",
                ProfessionalInvestorType.class);
        JsonBody evidence = body.optionalObject("evidence").allowOnly(EVIDENCE_FIELDS);
        if (accountId == session.userId()) {
            throw new NativeException(ComplianceError.SELF_ACTION_FORBIDDEN);
        }
        Classification recorded;
        if (investorClass == InvestorClass.RETAIL) {
            if (type != null || evidence.has("description") || evidence.has("documentSha256")) {
                throw new NativeException(NativeError.INVALID_VALUE,
                        "a retail classification takes no professionalType or evidence");
            }
            recorded = classification.classifyRetail(accountId, session.userId());
        } else {
            ProfessionalEvidence proof = new ProfessionalEvidence(
                    Inputs.text(evidence, "description", MAX_DESCRIPTION, false),
                    Inputs.text(evidence, "documentSha256", 64, false), session.userId());
            recorded = classification.classifyProfessional(accountId, type, proof, session.userId());
        }
        audit.record(AuditKind.KYC_DECISION, session.userId(), accountId, AuditDetails.builder()
                .put("decision", "CLASSIFIED").put("investorClass", recorded.investorClass())
                .put("professionalType", recorded.professionalType()));
        return Reply.created(SuitabilityViews.classification(recorded));
    }
}
