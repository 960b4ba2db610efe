package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.CommitteeDecision;
import io.lantau.compliance.admission.ContractAudit;
import io.lantau.compliance.admission.DueDiligenceRecord;
import io.lantau.compliance.admission.IndexMembership;
import io.lantau.compliance.admission.MembershipChange;
import io.lantau.compliance.admission.ReviewTask;
import io.lantau.compliance.admission.TokenRecord;
import io.lantau.compliance.admission.Vote;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON of the token admission register (HK-10 .. HK-14). */
final class AdmissionViews {
    private AdmissionViews() {
    }

    static JsonObject token(TokenRecord t) {
        JsonArray dueDiligence = new JsonArray();
        for (DueDiligenceRecord d : t.dueDiligence()) {
            dueDiligence.add(new JsonObject().put("factor", d.factor().name())
                    .put("paragraph", d.factor().paragraph()).put("evidenceLink", d.evidenceLink())
                    .put("reviewerId", d.reviewerId()).put("outcome", d.outcome().name()).put("notes", d.notes())
                    .put("recordedAt", d.recordedAt().toString()));
        }
        JsonArray indices = new JsonArray();
        for (IndexMembership m : t.indexMemberships()) {
            indices.add(new JsonObject().put("indexId", m.indexId()).put("provider", m.provider())
                    .put("providerIndependent", m.providerIndependent())
                    .put("providerHasTradFiExperience", m.providerHasTradFiExperience())
                    .put("asOfDate", m.asOfDate().toString()));
        }
        return new JsonObject().put("assetCode", t.assetCode()).put("name", t.name())
                .put("tokenType", t.tokenType().name()).put("issueDate", t.issueDate().toString())
                .put("smartContractRelevant", t.smartContractRelevant()).put("marketIds", new JsonArray(t.marketIds()))
                .put("status", t.status().name()).put("retailAccess", t.retailAccess().name())
                .put("registeredAt", t.registeredAt().toString())
                .put("lastDecisionAt", t.lastDecisionAt() == null ? null : t.lastDecisionAt().toString())
                .put("dueDiligence", dueDiligence).put("contractAudit", audit(t.contractAudit()))
                .put("indexMemberships", indices)
                .put("retailEligibility", new JsonObject().put("eligible", t.retailEligibility().eligible())
                        .put("acceptableIndices", t.retailEligibility().acceptableIndices())
                        .put("providers", t.retailEligibility().providers())
                        .put("tradFiProvider", t.retailEligibility().tradFiProvider()))
                .put("admissionBlockers", ComplianceRoutes.names(t.admissionBlockers()));
    }

    private static JsonObject audit(ContractAudit a) {
        if (a == null) {
            return null;
        }
        return new JsonObject().put("kind", a.kind().name()).put("auditor", a.auditor())
                .put("reportLink", a.reportLink()).put("rationale", a.rationale()).put("recordedBy", a.recordedBy())
                .put("recordedAt", a.recordedAt() == null ? null : a.recordedAt().toString());
    }

    static JsonObject membershipChange(MembershipChange change) {
        return new JsonObject().put("token", token(change.token()))
                .put("reviewTask", change.reviewTask().map(AdmissionViews::task).orElse(null));
    }

    static JsonObject task(ReviewTask t) {
        return new JsonObject().put("taskId", t.taskId()).put("assetCode", t.assetCode())
                .put("reason", t.reason().name()).put("detail", t.detail()).put("openedAt", t.openedAt().toString())
                .put("closedAt", t.closedAt() == null ? null : t.closedAt().toString())
                .put("decisionId", t.decisionId());
    }

    static JsonObject decision(CommitteeDecision d) {
        JsonArray votes = new JsonArray();
        for (Vote v : d.votes()) {
            votes.add(new JsonObject().put("voterId", v.voterId()).put("inFavour", v.inFavour()));
        }
        return new JsonObject().put("decisionId", d.decisionId()).put("assetCode", d.assetCode())
                .put("outcome", d.outcome().name()).put("votes", votes).put("reasons", d.reasons())
                .put("quorumRequired", d.quorumRequired()).put("retailEligible", d.retailEligible())
                .put("retailAccess", d.retailAccess().name()).put("decidedAt", d.decidedAt().toString());
    }
}
