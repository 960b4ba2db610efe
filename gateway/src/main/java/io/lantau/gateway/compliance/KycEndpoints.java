package io.lantau.gateway.compliance;

import io.lantau.compliance.onboarding.DocumentKind;
import io.lantau.compliance.onboarding.DocumentUpload;
import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.onboarding.KycSubmission;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The client's own KYC (HK-01, HK-06, HK-24): submit identity and documents, read the latest case, add a document,
 * read a document back. The account is always the session's; another client's case or document answers
 * {@code NOT_OWNER} as if it did not exist. Documents travel as base64 in JSON and are sealed at rest by the
 * service; bodies up to {@link #MAX_UPLOAD_BYTES} (the wiring must let {@value #LARGE_BODY_PREFIX} carry them).
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code POST /kyc {identity: {legalName, dateOfBirth, idDocumentType, idDocumentNumber, nationality,
 * residency, address}, documents: [{kind, contentType, contentBase64}]}}</td><td>201 the case</td></tr>
 * <tr><td>{@code GET /kyc}</td><td>200 the latest case (document references, no bytes)</td></tr>
 * <tr><td>{@code POST /kyc/documents {kind, contentType, contentBase64}}</td><td>201 the document reference</td></tr>
 * <tr><td>{@code GET /kyc/documents/{sha256}}</td><td>200 the reference and {@code contentBase64}</td></tr>
 * </table>
 */
public final class KycEndpoints implements EndpointGroup {
    /** The path prefix of the uploads, for {@code HttpGateway#allowLargeBodies}. */
    public static final String LARGE_BODY_PREFIX = "/api/lantau/v1/kyc";
    /** A request carrying one document of the service's largest size in base64, with room for the JSON around it. */
    public static final int MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
    static final int MAX_DOCUMENT_BASE64 = 4 * ((OnboardingService.MAX_DOCUMENT_BYTES + 2) / 3);
    private static final Set<String> SUBMIT_FIELDS = Set.of("identity", "documents");
    private static final Set<String> IDENTITY_FIELDS = Set.of("legalName", "dateOfBirth", "idDocumentType",
            "idDocumentNumber", "nationality", "residency", "address");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("kind", "contentType", "contentBase64");
    private static final int MAX_NAME = 256;
    private static final int MAX_ID_NUMBER = 64;
    private static final int MAX_COUNTRY = 8;
    private static final int MAX_ADDRESS = 1024;
    private static final int MAX_CONTENT_TYPE = 128;

    private final OnboardingService onboarding;

    public KycEndpoints(OnboardingService onboarding) {
        this.onboarding = Objects.requireNonNull(onboarding);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.POST, "/kyc", Access.SESSION_CHANGE, MAX_UPLOAD_BYTES, this::submit);
        routes.add(HttpMethod.GET, "/kyc", Access.SESSION, this::latest);
        routes.add(HttpMethod.POST, "/kyc/documents", Access.SESSION_CHANGE, MAX_UPLOAD_BYTES, this::addDocument);
        routes.add(HttpMethod.GET, "/kyc/documents/:sha256", Access.SESSION, this::document);
    }

    Reply submit(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(SUBMIT_FIELDS);
        KycIdentity identity = identity(body.optionalObject("identity").allowOnly(IDENTITY_FIELDS));
        List<DocumentUpload> documents = new ArrayList<>();
        for (JsonBody document : body.optionalObjects("documents", OnboardingService.MAX_DOCUMENTS_PER_CASE)) {
            documents.add(upload(document));
        }
        return Reply.created(KycViews.kycCase(onboarding.submitKyc(session.userId(),
                new KycSubmission(identity, documents))));
    }

    Reply latest(NativeRequest request, Session session) {
        return onboarding.latestKycCase(session.userId()).map(c -> Reply.ok(KycViews.kycCase(c)))
                .orElseThrow(() -> new NativeException(ComplianceError.NO_KYC_CASE));
    }

    Reply addDocument(NativeRequest request, Session session) {
        DocumentUpload upload = upload(request.requiredJson());
        return Reply.created(KycViews.document(onboarding.addDocument(session.userId(), upload)));
    }

    Reply document(NativeRequest request, Session session) {
        String sha256 = Inputs.pathSha256(request, "sha256");
        return Reply.ok(KycViews.documentWithContent(onboarding.document(session.userId(), sha256)));
    }

    private static KycIdentity identity(JsonBody id) {
        return new KycIdentity(Inputs.text(id, "legalName", MAX_NAME, true),
                Inputs.date(id, "dateOfBirth"),
                Inputs.enumValue(id, "idDocumentType", IdentityDocumentType.class),
                Inputs.text(id, "idDocumentNumber", MAX_ID_NUMBER, false),
                Inputs.text(id, "nationality", MAX_COUNTRY, true),
                Inputs.text(id, "residency", MAX_COUNTRY, true),
                Inputs.text(id, "address", MAX_ADDRESS, false));
    }

    private static DocumentUpload upload(JsonBody document) {
        document.allowOnly(DOCUMENT_FIELDS);
        return new DocumentUpload(Inputs.enumValue(document, "kind", DocumentKind.class),
                Inputs.text(document, "contentType", MAX_CONTENT_TYPE, true),
                Inputs.base64(document, "contentBase64", MAX_DOCUMENT_BASE64));
    }
}
