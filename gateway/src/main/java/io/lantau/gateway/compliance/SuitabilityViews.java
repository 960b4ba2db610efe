package io.lantau.gateway.compliance;

import io.lantau.compliance.suitability.Classification;
import io.lantau.compliance.suitability.DisclosureAcknowledgement;
import io.lantau.compliance.suitability.KnowledgeAssessment;
import io.lantau.compliance.suitability.QuestionBank;
import io.lantau.compliance.suitability.RiskProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The JSON of suitability records; amounts in minor units as strings (DESIGN.md section 3). */
final class SuitabilityViews {
    private SuitabilityViews() {
    }

    static JsonObject classification(Classification c) {
        JsonObject json = new JsonObject().put("accountId", c.accountId())
                .put("investorClass", c.investorClass().name()).put("classifiedBy", c.classifiedBy())
                .put("classifiedAt", c.classifiedAt().toString());
        if (c.professionalType() != null) {
            json.put("professionalType", c.professionalType().name());
        }
        if (c.evidence() != null) {
            json.put("evidence", new JsonObject().put("description", c.evidence().description())
                    .put("documentSha256", c.evidence().documentSha256())
                    .put("verifiedBy", c.evidence().verifiedBy()));
        }
        return json;
    }

    /** @return the outcome without the answers as submitted (the client knows them; the record keeps them). */
    static JsonObject knowledge(KnowledgeAssessment k) {
        JsonObject json = new JsonObject().put("id", k.id()).put("basis", k.basis().name())
                .put("outcome", k.outcome().name()).put("assessedAt", k.assessedAt().toString());
        if (k.basis() == KnowledgeAssessment.Basis.ASSESSMENT) {
            json.put("questionBankVersion", k.questionBankVersion()).put("scorePercent", k.scorePercent())
                    .put("passMarkPercent", k.passMarkPercent()).put("hasTraining", k.hasTraining())
                    .put("hasWorkExperience", k.hasWorkExperience())
                    .put("hasTradingExperience", k.hasTradingExperience());
        } else {
            json.put("trainingModule", k.trainingModule());
        }
        return json;
    }

    static JsonObject riskProfile(RiskProfile r) {
        return new JsonObject().put("id", r.id()).put("questionnaireVersion", r.questionnaireVersion())
                .put("score", r.score()).put("tier", r.tier().name())
                .put("netWorthMinor", Long.toString(r.netWorthMinor()))
                .put("otherVirtualAssetsMinor", Long.toString(r.otherVirtualAssetsMinor()))
                .put("tierPercent", r.tierPercent())
                .put("exposureLimitMinor", Long.toString(r.exposureLimitMinor()))
                .put("profiledAt", r.profiledAt().toString());
    }

    static JsonObject acknowledgement(DisclosureAcknowledgement a) {
        return new JsonObject().put("id", a.id()).put("version", a.version()).put("language", a.language())
                .put("textSha256", a.textSha256()).put("acknowledgedAt", a.acknowledgedAt().toString());
    }

    /** @return questions with their options, as a client sees them (no correct answers, no points). */
    static JsonArray questions(List<QuestionBank.Question> bank) {
        JsonArray list = new JsonArray();
        bank.forEach(q -> list.add(question(q.id(), q.text(), q.options())));
        return list;
    }

    static JsonObject question(String id, String text, List<QuestionBank.Option> options) {
        JsonArray opts = new JsonArray();
        options.forEach(o -> opts.add(new JsonObject().put("id", o.id()).put("text", o.text())));
        return new JsonObject().put("id", id).put("text", text).put("options", opts);
    }
}
