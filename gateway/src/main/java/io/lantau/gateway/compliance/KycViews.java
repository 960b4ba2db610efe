package io.lantau.gateway.compliance;

import io.lantau.compliance.onboarding.DocumentRef;
import io.lantau.compliance.onboarding.KycCase;
import io.lantau.compliance.onboarding.KycDocument;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.onboarding.PendingCase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/** The JSON of KYC cases and documents, the same for their owner and a reviewing officer. */
final class KycViews {
    private KycViews() {
    }

    /** @return the case with its identity and document references, never the documents' bytes. */
    static JsonObject kycCase(KycCase c) {
        JsonArray documents = new JsonArray();
        c.documents().forEach(d -> documents.add(document(d)));
        JsonObject json = new JsonObject().put("caseId", c.caseId()).put("accountId", c.accountId())
                .put("state", c.state().name()).put("identity", identity(c.identity())).put("documents", documents)
                .put("screening", c.screening().name()).put("submittedAt", c.submittedAt().toString());
        if (c.reviewedAt() != null) {
            json.put("reviewedBy", c.reviewedBy()).put("reviewReason", c.reviewReason())
                    .put("reviewedAt", c.reviewedAt().toString());
        }
        return json;
    }

    static JsonObject identity(KycIdentity id) {
        return new JsonObject().put("legalName", id.legalName())
                .put("dateOfBirth", id.dateOfBirth() == null ? null : id.dateOfBirth().toString())
                .put("idDocumentType", id.idDocumentType() == null ? null : id.idDocumentType().name())
                .put("idDocumentNumber", id.idDocumentNumber()).put("nationality", id.nationality())
                .put("residency", id.residency()).put("address", id.address());
    }

    static JsonObject document(DocumentRef d) {
        return new JsonObject().put("caseId", d.caseId()).put("sha256", d.sha256()).put("kind", d.kind().name())
                .put("contentType", d.contentType()).put("sizeBytes", d.sizeBytes())
                .put("uploadedAt", d.uploadedAt().toString());
    }

    /** @return the reference with the content, base64. */
    static JsonObject documentWithContent(KycDocument d) {
        return document(d.ref()).put("contentBase64", Base64.getEncoder().encodeToString(d.content()));
    }

    static JsonObject pending(PendingCase p) {
        return new JsonObject().put("caseId", p.caseId()).put("accountId", p.accountId())
                .put("nationality", p.nationality()).put("residency", p.residency())
                .put("screening", p.screening().name()).put("documentCount", p.documentCount())
                .put("submittedAt", p.submittedAt().toString());
    }
}
