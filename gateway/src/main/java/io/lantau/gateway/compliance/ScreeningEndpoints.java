package io.lantau.gateway.compliance;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.onboarding.OnboardingAccount;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.onboarding.ScreeningOutcome;
import io.lantau.compliance.onboarding.ScreeningStatus;
import io.lantau.compliance.screening.ListLoadOutcome;
import io.lantau.compliance.screening.SanctionsList;
import io.lantau.compliance.screening.SanctionsListInfo;
import io.lantau.compliance.screening.SanctionsListLoader;
import io.lantau.compliance.screening.ScreeningCase;
import io.lantau.compliance.screening.ScreeningService;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.AccountStatus;
import io.lantau.core.ResultCode;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.gateway.nativeapi.EndpointGroup;
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
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sanctions screening for compliance officers (HK-24). Loading a list (the UN Security Council Consolidated List XML
 * as published, the request body) makes it the one in force and re-screens every client: each hit opens a case and
 * freezes the account. An officer clears (false positive) or confirms each case, never one about their own account;
 * clearing the last hit of a pending KYC case records it as screened CLEAR so the case may be approved. Auditors
 * read.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code POST /staff/screening/lists} (XML body)</td><td>201 {@code {list, clientsScreened,
 * openedCases}}</td></tr>
 * <tr><td>{@code GET /staff/screening/lists}</td><td>200 the lists in force</td></tr>
 * <tr><td>{@code GET /staff/screening/cases}</td><td>200 the open cases</td></tr>
 * <tr><td>{@code POST /staff/screening/cases/{id}/clear|confirm {reason}}</td><td>200 the decided case</td></tr>
 * </table>
 */
public final class ScreeningEndpoints implements EndpointGroup {
    /** The path prefix of list uploads, for {@code HttpGateway#allowLargeBodies}. */
    public static final String LARGE_BODY_PREFIX = "/api/lantau/v1/staff/screening/lists";
    /** The largest list file accepted through the API (the UN list is a few MiB). */
    public static final int MAX_LIST_BYTES = 16 * 1024 * 1024;
    private static final Set<String> DECISION_FIELDS = Set.of("reason");
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");
    private static final int MAX_REASON = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningEndpoints.class);

    private final ScreeningService screening;
    private final OnboardingService onboarding;
    private final CoreCommands core;
    private final StaffAccess access;
    private final StaffDecisionAudit audit;

    /** @param core how the status the onboarding record holds is restored after a clear (see {@link #clear}). */
    public ScreeningEndpoints(ScreeningService screening, OnboardingService onboarding, CoreCommands core,
            StaffAccess access, StaffDecisionAudit audit) {
        this.screening = Objects.requireNonNull(screening);
        this.onboarding = Objects.requireNonNull(onboarding);
        this.core = Objects.requireNonNull(core);
        this.access = Objects.requireNonNull(access);
        this.audit = Objects.requireNonNull(audit);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.POST, "/staff/screening/lists", Access.SESSION_CHANGE, MAX_LIST_BYTES, this::loadList);
        routes.add(HttpMethod.GET, "/staff/screening/lists", Access.SESSION, this::lists);
        routes.add(HttpMethod.GET, "/staff/screening/cases", Access.SESSION, this::openCases);
        routes.add(HttpMethod.POST, "/staff/screening/cases/:id/clear", Access.SESSION_CHANGE, this::clear);
        routes.add(HttpMethod.POST, "/staff/screening/cases/:id/confirm", Access.SESSION_CHANGE, this::confirm);
    }

    Reply loadList(NativeRequest request, Session session) {
        access.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        if (!isXml(request.contentType())) {
            throw new NativeException(ComplianceError.UNSUPPORTED_MEDIA_TYPE);
        }
        if (request.body().length == 0) {
            throw new NativeException(NativeError.MISSING_FIELD, "the list file as the body");
        }
        SanctionsList list = new SanctionsListLoader().load(new ByteArrayInputStream(request.body()));
        ListLoadOutcome outcome = screening.loadList(list, "staff:" + session.userId());
        JsonArray opened = new JsonArray();
        outcome.openedCases().forEach(c -> opened.add(view(c)));
        return Reply.created(new JsonObject().put("list", view(outcome.list()))
                .put("clientsScreened", outcome.clientsScreened()).put("openedCases", opened));
    }

    Reply lists(NativeRequest request, Session session) {
        reader(session);
        JsonArray list = new JsonArray();
        screening.listsInForce().forEach(l -> list.add(view(l)));
        return Reply.ok(list);
    }

    Reply openCases(NativeRequest request, Session session) {
        reader(session);
        JsonArray list = new JsonArray();
        screening.openCases().forEach(c -> list.add(view(c)));
        return Reply.ok(list);
    }

    /**
     * Clears a hit. Once no case holds the account, the screening service lifts the freeze by setting the core's
     * status to ACTIVE; an account whose onboarding record is not ACTIVE (an applicant still PENDING_KYC, a SUSPENDED
     * client) is set back to that status, so that clearing a name never opens trading past the onboarding gates. The
     * applicant's pending KYC case is then recorded as screened CLEAR (HK-24) and may be approved.
     */
    Reply clear(NativeRequest request, Session session) {
        ScreeningCase decided = decide(request, session, true);
        long accountId = decided.accountId();
        if (!screening.isFrozen(accountId)) {
            Optional<OnboardingAccount> account = onboarding.account(accountId);
            if (account.isPresent() && account.get().status() != AccountStatus.ACTIVE) {
                restore(accountId, account.get().status());
            }
            onboarding.latestKycCase(accountId).filter(k -> k.screening() == ScreeningStatus.HIT)
                    .ifPresent(k -> onboarding.recordScreening(k.caseId(),
                            new ScreeningOutcome(ScreeningStatus.CLEAR, "cleared:" + decided.caseId())));
        }
        return Reply.ok(view(decided));
    }

    private void restore(long accountId, AccountStatus status) {
        ResultCode code;
        try {
            code = core.send(new SetAccountStatus(accountId, status));
        } catch (CoreCommands.Unavailable e) {
            LOG.error("screening case cleared but account {} not set back to {}: {}", accountId, status,
                    e.getMessage());
            throw new NativeException(NativeError.SERVICE_BUSY, "the case is cleared; set the account's status again");
        }
        if (code != ResultCode.OK) {
            LOG.error("screening case cleared but the core refused to set account {} back to {}: {}", accountId,
                    status, code);
        }
    }

    Reply confirm(NativeRequest request, Session session) {
        return Reply.ok(view(decide(request, session, false)));
    }

    private ScreeningCase decide(NativeRequest request, Session session, boolean clear) {
        access.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        long caseId = Inputs.pathId(request, "id");
        String reason = Inputs.text(request.requiredJson().allowOnly(DECISION_FIELDS), "reason", MAX_REASON, true);
        ScreeningCase current = screening.findCase(caseId)
                .orElseThrow(() -> new NativeException(ComplianceError.NOT_FOUND, "screening case " + caseId));
        if (current.accountId() == session.userId()) {
            throw new NativeException(ComplianceError.SELF_ACTION_FORBIDDEN);
        }
        String officer = "staff:" + session.userId();
        ScreeningCase decided = clear ? screening.clearCase(caseId, officer, reason)
                : screening.confirmCase(caseId, officer, reason);
        audit.record(AuditKind.KYC_DECISION, session.userId(), decided.accountId(), AuditDetails.builder()
                .put("screeningCaseId", caseId).put("decision", decided.status()).put("reason", reason));
        return decided;
    }

    private void reader(Session session) {
        access.require(session, false, StaffRole.COMPLIANCE_OFFICER, StaffRole.AUDITOR);
    }

    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return XML_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    static JsonObject view(ScreeningCase c) {
        JsonObject json = new JsonObject().put("caseId", c.caseId()).put("accountId", c.accountId())
                .put("listId", c.listId()).put("source", c.source()).put("dataId", c.dataId())
                .put("referenceNumber", c.referenceNumber()).put("listedName", c.listedName())
                .put("screenedName", c.screenedName()).put("score", c.score()).put("trigger", c.trigger().name())
                .put("status", c.status().name()).put("openedAt", c.openedAt().toString());
        if (c.decidedAt() != null) {
            json.put("decidedBy", c.decidedBy()).put("decidedAt", c.decidedAt().toString())
                    .put("decisionReason", c.decisionReason());
        }
        return json;
    }

    static JsonObject view(SanctionsListInfo l) {
        return new JsonObject().put("listId", l.listId()).put("source", l.source()).put("version", l.version())
                .put("sha256", l.sha256()).put("entryCount", l.entryCount()).put("loadedAt", l.loadedAt().toString())
                .put("loadedBy", l.loadedBy());
    }
}
