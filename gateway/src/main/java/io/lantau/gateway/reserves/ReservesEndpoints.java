package io.lantau.gateway.reserves;

import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.reserves.ChainAsset;
import io.lantau.custody.reserves.ControlProofVerifier;
import io.lantau.custody.reserves.FiatHolding;
import io.lantau.custody.reserves.ProofJson;
import io.lantau.custody.reserves.PublishedRoot;
import io.lantau.custody.reserves.ReservesException;
import io.lantau.custody.reserves.ReservesPublisher;
import io.lantau.custody.reserves.ReservesReport;
import io.lantau.custody.reserves.ReservesRepository;
import io.lantau.gateway.nativeapi.EndpointGroup;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof of reserves on the native API (PoR-1, PoR-2).
 *
 * <table>
 * <caption>Routes under {@code /api/lantau/v1}</caption>
 * <tr><th>route</th><th>access</th><th>answer</th></tr>
 * <tr><td>{@code GET /reserves/root[?rootId=N]}</td><td>public</td><td>{@code {id, publishedAt, root}}: the latest
 * root (or root N): hash, snapshot sequence and time, tree height, leaf count, assets, total liabilities</td></tr>
 * <tr><td>{@code GET /reserves/proof[?rootId=N]}</td><td>session</td><td>the caller's own {@code PROOF.json}
 * under the latest root (or root N), for {@code lantau verify-reserves}; a client only ever gets their own, since
 * the account is the session's</td></tr>
 * <tr><td>{@code POST /staff/reserves/roots}</td><td>session + CSRF; custody officer or operator admin with
 * TOTP</td><td>201 and the new root, snapshotting the liabilities now</td></tr>
 * <tr><td>{@code POST /staff/reserves/report {rootId?, addresses: [{chain, address, signature}], fiat: [{asset,
 * amount, bankAccount}]}}</td><td>session + CSRF; custody officer, operator admin or auditor with TOTP</td><td>the
 * asset side against the root: per asset liabilities, proven on-chain balances, fiat, assets and whether covered;
 * per address its balance, whether control is proven and the message its key must sign; nothing stored</td></tr>
 * </table>
 *
 * Refusals: {@link ReservesError}, and the API's own codes for sessions and staff access.
 */
public final class ReservesEndpoints implements EndpointGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ReservesEndpoints.class);
    private final ReservesRepository repository;
    private final ReservesPublisher publisher;
    private final StaffAccess staff;
    private final Map<String, ChainAdapter> chains;
    private final Map<String, ControlProofVerifier> controlProofs;

    /**
     * @param chains        the chain adapters by chain code, for the asset report's balances.
     * @param controlProofs the control-proof verifiers by chain code ({@code ETH}: personal_sign).
     */
    public ReservesEndpoints(ReservesRepository repository, ReservesPublisher publisher, StaffAccess staff,
            Map<String, ChainAdapter> chains, Map<String, ControlProofVerifier> controlProofs) {
        this.repository = repository;
        this.publisher = publisher;
        this.staff = staff;
        this.chains = Map.copyOf(chains);
        this.controlProofs = Map.copyOf(controlProofs);
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, "/reserves/root", Access.PUBLIC, this::root);
        routes.add(HttpMethod.GET, "/reserves/proof", Access.SESSION, this::proof);
        routes.add(HttpMethod.POST, "/staff/reserves/roots", Access.SESSION_CHANGE, this::publish);
        routes.add(HttpMethod.POST, "/staff/reserves/report", Access.SESSION_CHANGE, this::report);
    }

    private Reply root(NativeRequest request, Session session) {
        return Reply.ok(json(rootAsked(request)));
    }

    private Reply proof(NativeRequest request, Session session) {
        PublishedRoot root = rootAsked(request);
        String proof = repository.proofJson(root.id(), session.userId())
                .orElseThrow(() -> new NativeException(ReservesError.NOT_IN_RESERVES_ROOT));
        return Reply.ok(new JsonObject(proof));
    }

    private Reply publish(NativeRequest request, Session session) {
        staff.require(session, true, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
        request.json().allowOnly(Set.of());
        try {
            return Reply.created(json(publisher.publish()));
        } catch (ReservesException e) {
            throw new NativeException(ReservesError.RESERVES_SNAPSHOT_REFUSED, e.getMessage());
        }
    }

    /** Reads only (auditors may): builds the asset side against a published root; nothing is stored. */
    private Reply report(NativeRequest request, Session session) {
        staff.require(session, false, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN, StaffRole.AUDITOR);
        AssetReportRequest input = AssetReportRequest.read(request.requiredJson());
        PublishedRoot published = input.rootId() == null ? latest() : repository.root(input.rootId())
                .orElseThrow(() -> new NativeException(ReservesError.RESERVES_ROOT_NOT_FOUND));
        List<FiatHolding> fiat = input.fiatHoldings(published.root());
        ReservesReport report;
        try {
            report = ReservesReport.build(published.root(), input.addresses(), fiat, chains, controlProofs);
        } catch (ReservesException e) {
            throw new NativeException(ReservesError.INVALID_RESERVES_REPORT_INPUT, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("a chain balance query failed for the reserves report", e);
            throw new NativeException(ReservesError.CHAIN_UNAVAILABLE);
        }
        return Reply.ok(reportJson(published, report));
    }

    private PublishedRoot latest() {
        return repository.latest().orElseThrow(() -> new NativeException(ReservesError.RESERVES_ROOT_NOT_FOUND));
    }

    /** @return the root named by {@code ?rootId=}, else the latest. */
    private PublishedRoot rootAsked(NativeRequest request) {
        String id = request.queryParam("rootId");
        if (id == null) {
            return latest();
        }
        long rootId;
        try {
            rootId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NativeException(ReservesError.INVALID_RESERVES_ROOT_ID);
        }
        if (rootId <= 0) {
            throw new NativeException(ReservesError.INVALID_RESERVES_ROOT_ID);
        }
        return repository.root(rootId).orElseThrow(() -> new NativeException(ReservesError.RESERVES_ROOT_NOT_FOUND));
    }

    private static JsonObject reportJson(PublishedRoot published, ReservesReport report) {
        JsonArray assets = new JsonArray();
        for (ReservesReport.AssetLine line : report.assets()) {
            assets.add(new JsonObject().put("asset", line.assetCode())
                    .put("liabilities", line.format(line.liabilities())).put("onChain", line.format(line.onChain()))
                    .put("fiat", line.format(line.fiat())).put("assets", line.format(line.assets()))
                    .put("covered", line.covered()));
        }
        JsonArray addresses = new JsonArray();
        for (ReservesReport.AddressLine line : report.addresses()) {
            int decimals = ChainAsset.of(line.chain()).orElseThrow().baseUnitDecimals();
            BigDecimal balance = new BigDecimal(line.balanceBaseUnits(), decimals).stripTrailingZeros();
            addresses.add(new JsonObject().put("chain", line.chain()).put("address", line.address())
                    .put("balance", balance.signum() == 0 ? "0" : balance.toPlainString())
                    .put("controlProven", line.controlProven())
                    .put("message", ReservesReport.controlMessage(line.address(), published.root().rootHash())));
        }
        return new JsonObject().put("rootId", published.id()).put("rootHash", published.root().rootHash())
                .put("assetsCoverLiabilities", report.assetsCoverLiabilities()).put("assets", assets)
                .put("addresses", addresses);
    }

    private static JsonObject json(PublishedRoot published) {
        return new JsonObject().put("id", published.id()).put("publishedAt", published.publishedAt().toString())
                .put("root", new JsonObject(ProofJson.writeRoot(published.root())));
    }
}
