package io.lantau.gateway.fiat;

import static io.lantau.gateway.fiat.Guarded.guard;

import io.lantau.compliance.security.StaffRole;
import io.lantau.core.config.Asset;
import io.lantau.custody.hotcold.ColdToHotTopUps;
import io.lantau.custody.hotcold.CustodyAlert;
import io.lantau.custody.hotcold.HotColdMonitor;
import io.lantau.custody.hotcold.HotColdPolicy;
import io.lantau.custody.hotcold.SweepPlanner;
import io.lantau.custody.hotcold.TierBalances;
import io.lantau.custody.hotcold.TopUp;
import io.lantau.custody.hotcold.WalletTier;
import io.lantau.custody.reconcile.AssetReconciliation;
import io.lantau.custody.reconcile.Incident;
import io.lantau.custody.reconcile.Incidents;
import io.lantau.custody.reconcile.Reconciler;
import io.lantau.custody.travelrule.DepositGate;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.custody.travelrule.TravelRuleRecord;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Staff views and actions over custody (all need a staff role with TOTP; auditors read only).
 *
 * <table>
 * <caption>Routes (under {@code /api/lantau/v1/staff/custody})</caption>
 * <tr><td>{@code GET /hot-cold}</td><td>per asset: hot, cold, hot cap, releasable, breach; open alerts; the sweeps
 * to make (HK-16)</td></tr>
 * <tr><td>{@code GET /top-ups}, {@code POST /top-ups {asset, amount}}, {@code POST /top-ups/:id/approve}</td>
 * <td>cold-to-hot transfers with two approvals of two roles (HK-17)</td></tr>
 * <tr><td>{@code POST /reconciliations}</td><td>run the reconciliation now (HK-33)</td></tr>
 * <tr><td>{@code GET /incidents?open=true}, {@code POST /incidents/:id/resolve {note}}</td><td>incidents; resolving
 * (compliance officer or operator) thaws the asset's withdrawals</td></tr>
 * <tr><td>{@code GET /travel-rule/records}, {@code GET /travel-rule/held-deposits},
 * {@code POST /travel-rule/originators?transferRef=...} (IVMS 101 payload)</td><td>the travel rule (HK-22); the
 * originator data releases a held deposit</td></tr>
 * </table>
 */
public final class CustodyStaffEndpoints implements EndpointGroup {
    private static final String BASE = "/staff/custody";
    private static final Set<String> TOP_UP_FIELDS = Set.of("asset", "amount");
    private static final Set<String> RESOLVE_FIELDS = Set.of("note");
    /** IVMS 101 payloads nest deeper than the API's JSON reader allows; they are read by the travel rule's own. */
    private static final int MAX_IVMS_BYTES = 64 * 1024;

    private final List<Asset> virtualAssets;
    private final TierBalances tiers;
    private final HotColdPolicy policy;
    private final HotColdMonitor monitor;
    private final SweepPlanner sweeps;
    private final ColdToHotTopUps topUps;
    private final Reconciler reconciler;
    private final Incidents incidents;
    private final TravelRule travelRule;
    private final DepositGate depositGate;
    private final StaffAccess staff;

    /** @param virtualAssets the assets held in hot and cold tiers (BTC, ETH...). */
    public CustodyStaffEndpoints(List<Asset> virtualAssets, TierBalances tiers, HotColdPolicy policy,
            HotColdMonitor monitor, SweepPlanner sweeps, ColdToHotTopUps topUps, Reconciler reconciler,
            Incidents incidents, TravelRule travelRule, DepositGate depositGate, StaffAccess staff) {
        this.virtualAssets = List.copyOf(virtualAssets);
        this.tiers = tiers;
        this.policy = policy;
        this.monitor = monitor;
        this.sweeps = sweeps;
        this.topUps = topUps;
        this.reconciler = reconciler;
        this.incidents = incidents;
        this.travelRule = travelRule;
        this.depositGate = depositGate;
        this.staff = staff;
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, BASE + "/hot-cold", Access.SESSION, guard(this::hotCold));
        routes.add(HttpMethod.GET, BASE + "/top-ups", Access.SESSION, guard(this::listTopUps));
        routes.add(HttpMethod.POST, BASE + "/top-ups", Access.SESSION_CHANGE, guard(this::requestTopUp));
        routes.add(HttpMethod.POST, BASE + "/top-ups/:id/approve", Access.SESSION_CHANGE, guard(this::approveTopUp));
        routes.add(HttpMethod.POST, BASE + "/reconciliations", Access.SESSION_CHANGE, guard(this::reconcile));
        routes.add(HttpMethod.GET, BASE + "/incidents", Access.SESSION, guard(this::listIncidents));
        routes.add(HttpMethod.POST, BASE + "/incidents/:id/resolve", Access.SESSION_CHANGE, guard(this::resolve));
        routes.add(HttpMethod.GET, BASE + "/travel-rule/records", Access.SESSION, guard(this::travelRecords));
        routes.add(HttpMethod.GET, BASE + "/travel-rule/held-deposits", Access.SESSION, guard(this::heldDeposits));
        routes.add(HttpMethod.POST, BASE + "/travel-rule/originators", Access.SESSION_CHANGE, MAX_IVMS_BYTES,
                guard(this::provideOriginator));
    }

    private Reply hotCold(NativeRequest request, Session session) {
        staff.require(session, false);
        JsonArray assets = new JsonArray();
        for (Asset a : virtualAssets) {
            long hot = tiers.balance(a.assetId(), WalletTier.HOT);
            long cold = tiers.balance(a.assetId(), WalletTier.COLD);
            assets.add(new JsonObject().put("asset", a.code()).put("hot", decimal(a, hot))
                    .put("cold", decimal(a, cold)).put("maxHot", decimal(a, policy.maxHotMinor(hot + cold)))
                    .put("releasable", decimal(a, policy.releasableMinor(hot, cold)))
                    .put("breached", policy.breached(hot, cold)));
        }
        JsonArray alerts = new JsonArray();
        for (CustodyAlert alert : monitor.alerts(true)) {
            alerts.add(new JsonObject().put("id", alert.id()).put("asset", code(alert.assetId()))
                    .put("kind", alert.kind()).put("raisedAt", alert.raisedAt().toString()));
        }
        JsonArray planned = new JsonArray();
        sweeps.plan().forEach(s -> planned.add(new JsonObject().put("asset", code(s.assetId()))
                .put("amount", decimal(asset(s.assetId()), s.amountMinor()))));
        return Reply.ok(new JsonObject().put("minColdPercent", policy.settings().minColdPercent())
                .put("maxHotPercent", policy.settings().maxHotPercent()).put("assets", assets)
                .put("openAlerts", alerts).put("sweeps", planned));
    }

    private Reply listTopUps(NativeRequest request, Session session) {
        staff.require(session, false);
        JsonArray list = new JsonArray();
        topUps.list().forEach(t -> list.add(view(t)));
        return Reply.ok(list);
    }

    private Reply requestTopUp(NativeRequest request, Session session) {
        staff.require(session, true);
        JsonBody body = request.requiredJson().allowOnly(TOP_UP_FIELDS);
        Asset asset = assetByCode(body.requiredString("asset", 16));
        long amountMinor;
        try {
            amountMinor = body.requiredDecimal("amount").movePointRight(asset.scale()).longValueExact();
        } catch (ArithmeticException e) {
            throw new NativeException(CustodyError.INVALID_AMOUNT);
        }
        return Reply.accepted(view(topUps.request(asset.assetId(), amountMinor, session.userId())));
    }

    private Reply approveTopUp(NativeRequest request, Session session) {
        staff.require(session, true);
        request.json().allowOnly(Set.of());
        return Reply.ok(view(topUps.approve(PathIds.id(request, CustodyError.TOPUP_NOT_FOUND), session.userId())));
    }

    private Reply reconcile(NativeRequest request, Session session) {
        staff.require(session, true);
        request.json().allowOnly(Set.of());
        JsonArray list = new JsonArray();
        for (AssetReconciliation r : reconciler.run(Reconciler.MANUAL)) {
            JsonObject json = new JsonObject().put("asset", r.assetCode()).put("matched", r.matched())
                    .put("core", Long.toString(r.coreMinor())).put("custody", Long.toString(r.custodyMinor()));
            if (r.chainMinor() != null) {
                json.put("chain", Long.toString(r.chainMinor()));
            }
            if (r.incidentId() != 0) {
                json.put("incidentId", r.incidentId());
            }
            list.add(json);
        }
        return Reply.ok(new JsonObject().put("assets", list));
    }

    private Reply listIncidents(NativeRequest request, Session session) {
        staff.require(session, false);
        boolean openOnly = "true".equals(request.queryParam("open"));
        JsonArray list = new JsonArray();
        incidents.list(openOnly).forEach(i -> list.add(view(i)));
        return Reply.ok(list);
    }

    private Reply resolve(NativeRequest request, Session session) {
        staff.require(session, true, StaffRole.COMPLIANCE_OFFICER, StaffRole.OPERATOR_ADMIN);
        String note = request.requiredJson().allowOnly(RESOLVE_FIELDS).requiredString("note", 500);
        return Reply.ok(view(incidents.resolve(PathIds.id(request, CustodyError.INCIDENT_NOT_FOUND),
                session.userId(), note)));
    }

    private Reply travelRecords(NativeRequest request, Session session) {
        staff.require(session, false);
        JsonArray list = new JsonArray();
        for (TravelRuleRecord r : travelRule.list()) {
            JsonObject json = new JsonObject().put("id", r.id()).put("direction", r.direction().name())
                    .put("transferRef", r.transferRef()).put("accountId", r.accountId()).put("asset", code(r.assetId()))
                    .put("amountMinor", Long.toString(r.amountMinor())).put("valuationCurrency", r.valuationCurrency())
                    .put("ivms101", new JsonObject(r.ivms101())).put("recordedAt", r.recordedAt().toString());
            if (r.valueMinor() != null) {
                json.put("valueMinor", Long.toString(r.valueMinor()));
            }
            list.add(json);
        }
        return Reply.ok(list);
    }

    private Reply heldDeposits(NativeRequest request, Session session) {
        staff.require(session, false);
        JsonArray list = new JsonArray();
        for (DepositGate.HeldDeposit h : depositGate.held()) {
            list.add(new JsonObject().put("transferRef", h.deposit().transferRef())
                    .put("accountId", h.deposit().accountId()).put("asset", code(h.deposit().assetId()))
                    .put("amountMinor", Long.toString(h.deposit().amountMinor()))
                    .put("heldAt", h.heldAt().toString()));
        }
        return Reply.ok(list);
    }

    private Reply provideOriginator(NativeRequest request, Session session) {
        staff.require(session, true, StaffRole.COMPLIANCE_OFFICER);
        String transferRef = request.queryParam("transferRef");
        if (transferRef == null || transferRef.isBlank() || transferRef.length() > 200) {
            throw new NativeException(NativeError.MISSING_FIELD, "transferRef");
        }
        if (request.contentType() == null || !request.contentType().toLowerCase().startsWith("application/json")) {
            throw new NativeException(NativeError.UNSUPPORTED_MEDIA_TYPE);
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request.body())).toString();
        } catch (CharacterCodingException e) {
            throw new NativeException(NativeError.MALFORMED_JSON, "not UTF-8");
        }
        DepositGate.IncomingDeposit released = depositGate.provideOriginator(transferRef, TravelRule.parse(json));
        return Reply.ok(new JsonObject().put("transferRef", released.transferRef()).put("status", "RELEASED"));
    }

    private JsonObject view(TopUp t) {
        Asset a = asset(t.assetId());
        JsonObject json = new JsonObject().put("id", t.id()).put("asset", a.code())
                .put("amount", decimal(a, t.amountMinor())).put("requestedBy", t.requestedBy())
                .put("status", t.status()).put("requestedAt", t.requestedAt().toString());
        if (t.firstApprover() != 0) {
            json.put("firstApprover", t.firstApprover()).put("firstRole", t.firstRole());
        }
        if (t.secondApprover() != 0) {
            json.put("secondApprover", t.secondApprover()).put("secondRole", t.secondRole());
        }
        return json;
    }

    private JsonObject view(Incident i) {
        JsonObject json = new JsonObject().put("id", i.id()).put("asset", code(i.assetId()))
                .put("core", Long.toString(i.coreMinor())).put("custody", Long.toString(i.custodyMinor()))
                .put("trigger", i.trigger()).put("openedAt", i.openedAt().toString()).put("open", i.open());
        if (i.chainMinor() != null) {
            json.put("chain", Long.toString(i.chainMinor()));
        }
        if (!i.open()) {
            json.put("resolvedBy", i.resolvedBy()).put("resolution", i.resolution())
                    .put("resolvedAt", i.resolvedAt().toString());
        }
        return json;
    }

    private Asset assetByCode(String code) {
        return virtualAssets.stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new NativeException(CustodyError.UNKNOWN_ASSET));
    }

    private Asset asset(int assetId) {
        return virtualAssets.stream().filter(a -> a.assetId() == assetId).findFirst()
                .orElse(new Asset(assetId, "ASSET" + assetId, 0));
    }

    private String code(int assetId) {
        return asset(assetId).code();
    }

    private static String decimal(Asset a, long minor) {
        return a.toDecimal(minor).toPlainString();
    }
}
