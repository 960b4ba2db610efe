package io.lantau.gateway.compliance;

import io.lantau.compliance.admission.CommitteeDecision;
import io.lantau.compliance.admission.ContractAudit;
import io.lantau.compliance.admission.Decision;
import io.lantau.compliance.admission.DueDiligenceFactor;
import io.lantau.compliance.admission.DueDiligenceOutcome;
import io.lantau.compliance.admission.IndexMembership;
import io.lantau.compliance.admission.MembershipChange;
import io.lantau.compliance.admission.TokenAdmissionService;
import io.lantau.compliance.admission.TokenApplication;
import io.lantau.compliance.admission.TokenRecord;
import io.lantau.compliance.admission.TokenType;
import io.lantau.compliance.admission.Vote;
import io.lantau.compliance.security.StaffRole;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The token admission register (HK-10 .. HK-14) for operator admins; any staff role reads. An asset's markets are
 * the core's markets whose base asset it is (from the core's configuration, not from the request), so committee
 * decisions reach every one of them.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code GET /staff/tokens}, {@code GET /staff/tokens/{asset}}</td><td>200 the register entries</td></tr>
 * <tr><td>{@code POST /staff/tokens {assetCode, name, tokenType, issueDate, smartContractRelevant}}</td>
 * <td>201 the entry (PROPOSED)</td></tr>
 * <tr><td>{@code POST /staff/tokens/{asset}/due-diligence {factor, evidenceLink, outcome, notes?}}</td>
 * <td>200 the entry</td></tr>
 * <tr><td>{@code POST /staff/tokens/{asset}/contract-audit {kind, auditor?, reportLink?, rationale?}}</td>
 * <td>200 the entry</td></tr>
 * <tr><td>{@code POST /staff/tokens/{asset}/indices {indexId, provider, providerIndependent,
 * providerHasTradFiExperience, asOfDate}}</td><td>200 {@code {token, reviewTask?}}</td></tr>
 * <tr><td>{@code DELETE /staff/tokens/{asset}/indices/{indexId}}</td><td>200 {@code {token, reviewTask?}}</td></tr>
 * <tr><td>{@code POST /staff/tokens/{asset}/decisions {outcome, votes: [{voterId, inFavour}], reasons}}</td>
 * <td>201 the decision</td></tr>
 * <tr><td>{@code GET /staff/tokens/{asset}/decisions}</td><td>200 its decisions</td></tr>
 * <tr><td>{@code GET /staff/token-reviews}</td><td>200 the open review tasks</td></tr>
 * </table>
 */
public final class TokenAdmissionEndpoints implements EndpointGroup {
    private static final Set<String> REGISTER_FIELDS = Set.of("assetCode", "name", "tokenType", "issueDate",
            "smartContractRelevant");
    private static final Set<String> DUE_DILIGENCE_FIELDS = Set.of("factor", "evidenceLink", "outcome", "notes");
    private static final Set<String> AUDIT_FIELDS = Set.of("kind", "auditor", "reportLink", "rationale");
    private static final Set<String> INDEX_FIELDS = Set.of("indexId", "provider", "providerIndependent",
            "providerHasTradFiExperience", "asOfDate");
    private static final Set<String> DECISION_FIELDS = Set.of("outcome", "votes", "reasons");
    private static final Set<String> VOTE_FIELDS = Set.of("voterId", "inFavour");
    private static final Pattern INDEX_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_NAME = 128;
    private static final int MAX_LINK = 512;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_VOTES = 50;

    private final TokenAdmissionService admission;
    private final CoreConfig config;
    private final StaffAccess access;

    /** @param config the core's configuration: an asset's markets are those with it as their base. */
    public TokenAdmissionEndpoints(TokenAdmissionService admission, CoreConfig config, StaffAccess access) {
        this.admission = Objects.requireNonNull(admission);
        this.config = Objects.requireNonNull(config);
        this.access = Objects.requireNonNull(access);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.GET, "/staff/tokens", Access.SESSION, this::list);
        routes.add(HttpMethod.POST, "/staff/tokens", Access.SESSION_CHANGE, this::registerToken);
        routes.add(HttpMethod.GET, "/staff/tokens/:asset", Access.SESSION, this::token);
        routes.add(HttpMethod.POST, "/staff/tokens/:asset/due-diligence", Access.SESSION_CHANGE, this::dueDiligence);
        routes.add(HttpMethod.POST, "/staff/tokens/:asset/contract-audit", Access.SESSION_CHANGE,
                this::contractAudit);
        routes.add(HttpMethod.POST, "/staff/tokens/:asset/indices", Access.SESSION_CHANGE, this::addIndex);
        routes.add(HttpMethod.DELETE, "/staff/tokens/:asset/indices/:indexId", Access.SESSION_CHANGE,
                this::removeIndex);
        routes.add(HttpMethod.POST, "/staff/tokens/:asset/decisions", Access.SESSION_CHANGE, this::decide);
        routes.add(HttpMethod.GET, "/staff/tokens/:asset/decisions", Access.SESSION, this::decisions);
        routes.add(HttpMethod.GET, "/staff/token-reviews", Access.SESSION, this::reviewTasks);
    }

    Reply list(NativeRequest request, Session session) {
        access.require(session, false);
        JsonArray list = new JsonArray();
        admission.list().forEach(t -> list.add(AdmissionViews.token(t)));
        return Reply.ok(list);
    }

    Reply token(NativeRequest request, Session session) {
        access.require(session, false);
        String asset = Inputs.pathAssetCode(request, "asset");
        return Reply.ok(AdmissionViews.token(admission.find(asset)
                .orElseThrow(() -> new NativeException(ComplianceError.NOT_FOUND, "asset " + asset))));
    }

    Reply registerToken(NativeRequest request, Session session) {
        admin(session);
        JsonBody body = request.requiredJson().allowOnly(REGISTER_FIELDS);
        String asset = body.requiredString("assetCode", 16);
        if (!Inputs.isAssetCode(asset)) {
            throw new NativeException(NativeError.INVALID_VALUE,
                    "assetCode: 1 to 16 of A-Z, 0-9");
        }
        TokenApplication application = new TokenApplication(asset, Inputs.text(body, "name", MAX_NAME, true),
                Inputs.enumValue(body, "tokenType", TokenType.class), Inputs.date(body, "issueDate"),
                body.optionalBoolean("smartContractRelevant", false), marketsOf(asset));
        return Reply.created(AdmissionViews.token(admission.register(application)));
    }

    Reply dueDiligence(NativeRequest request, Session session) {
        admin(session);
        String asset = Inputs.pathAssetCode(request, "asset");
        JsonBody body = request.requiredJson().allowOnly(DUE_DILIGENCE_FIELDS);
        TokenRecord token = admission.recordDueDiligence(asset,
                Inputs.enumValue(body, "factor", DueDiligenceFactor.class),
                Inputs.text(body, "evidenceLink", MAX_LINK, true), "staff:" + session.userId(),
                Inputs.enumValue(body, "outcome", DueDiligenceOutcome.class),
                Inputs.text(body, "notes", MAX_TEXT, false));
        return Reply.ok(AdmissionViews.token(token));
    }

    Reply contractAudit(NativeRequest request, Session session) {
        admin(session);
        String asset = Inputs.pathAssetCode(request, "asset");
        JsonBody body = request.requiredJson().allowOnly(AUDIT_FIELDS);
        ContractAudit.Kind kind = Inputs.enumValue(body, "kind", ContractAudit.Kind.class);
        String by = "staff:" + session.userId();
        ContractAudit audit = kind == ContractAudit.Kind.AUDIT_REPORT
                ? ContractAudit.report(Inputs.text(body, "auditor", MAX_NAME, true),
                        Inputs.text(body, "reportLink", MAX_LINK, true), by)
                : ContractAudit.reliance(Inputs.text(body, "rationale", MAX_TEXT, true), by);
        return Reply.ok(AdmissionViews.token(admission.recordContractAudit(asset, audit)));
    }

    Reply addIndex(NativeRequest request, Session session) {
        admin(session);
        String asset = Inputs.pathAssetCode(request, "asset");
        JsonBody body = request.requiredJson().allowOnly(INDEX_FIELDS);
        String indexId = Inputs.text(body, "indexId", 64, true);
        if (!INDEX_ID.matcher(indexId).matches()) {
            throw new NativeException(NativeError.INVALID_VALUE,
                    "indexId: 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        IndexMembership membership = new IndexMembership(indexId, Inputs.text(body, "provider", MAX_NAME, true),
                body.optionalBoolean("providerIndependent", false),
                body.optionalBoolean("providerHasTradFiExperience", false), Inputs.date(body, "asOfDate"));
        return Reply.ok(AdmissionViews.membershipChange(admission.addIndexMembership(asset, membership)));
    }

    Reply removeIndex(NativeRequest request, Session session) {
        admin(session);
        String asset = Inputs.pathAssetCode(request, "asset");
        String indexId = request.pathParam("indexId");
        if (indexId == null || !INDEX_ID.matcher(indexId).matches()) {
            throw new NativeException(ComplianceError.MALFORMED_ID, "indexId");
        }
        Inputs.noFields(request);
        MembershipChange change = admission.removeIndexMembership(asset, indexId);
        return Reply.ok(AdmissionViews.membershipChange(change));
    }

    /** Records the committee's decision (HK-13) with every vote and its reasons; applies retail access (HK-14). */
    Reply decide(NativeRequest request, Session session) {
        admin(session);
        String asset = Inputs.pathAssetCode(request, "asset");
        JsonBody body = request.requiredJson().allowOnly(DECISION_FIELDS);
        Decision outcome = Inputs.enumValue(body, "outcome", Decision.class);
        List<Vote> votes = new ArrayList<>();
        for (JsonBody v : body.optionalObjects("votes", MAX_VOTES)) {
            v.allowOnly(VOTE_FIELDS);
            if (!v.has("inFavour")) {
                throw new NativeException(NativeError.MISSING_FIELD, "votes.inFavour");
            }
            votes.add(new Vote(Inputs.text(v, "voterId", 64, true), v.optionalBoolean("inFavour", false)));
        }
        String reasons = Inputs.text(body, "reasons", MAX_TEXT, true);
        return Reply.created(AdmissionViews.decision(admission.decide(asset, outcome, votes, reasons)));
    }

    Reply decisions(NativeRequest request, Session session) {
        access.require(session, false);
        String asset = Inputs.pathAssetCode(request, "asset");
        JsonArray list = new JsonArray();
        for (CommitteeDecision d : admission.decisions(asset)) {
            list.add(AdmissionViews.decision(d));
        }
        return Reply.ok(list);
    }

    Reply reviewTasks(NativeRequest request, Session session) {
        access.require(session, false);
        JsonArray list = new JsonArray();
        admission.openReviewTasks().forEach(t -> list.add(AdmissionViews.task(t)));
        return Reply.ok(list);
    }

    private void admin(Session session) {
        access.require(session, true, StaffRole.OPERATOR_ADMIN);
    }

    private List<Integer> marketsOf(String asset) {
        List<Integer> markets = new ArrayList<>();
        for (MarketSpec m : config.markets()) {
            if (m.base().code().equals(asset)) {
                markets.add(m.marketId());
            }
        }
        return markets;
    }
}
