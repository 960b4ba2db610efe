package io.lantau.gateway.reserves;

import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.reserves.ProofJson;
import io.lantau.custody.reserves.PublishedRoot;
import io.lantau.custody.reserves.ReservesException;
import io.lantau.custody.reserves.ReservesPublisher;
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
import io.vertx.core.json.JsonObject;
import java.util.Set;

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
 * </table>
 *
 * Refusals: {@link ReservesError}, and the API's own codes for sessions and staff access.
 */
public final class ReservesEndpoints implements EndpointGroup {
    private final ReservesRepository repository;
    private final ReservesPublisher publisher;
    private final StaffAccess staff;

    public ReservesEndpoints(ReservesRepository repository, ReservesPublisher publisher, StaffAccess staff) {
        this.repository = repository;
        this.publisher = publisher;
        this.staff = staff;
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, "/reserves/root", Access.PUBLIC, this::root);
        routes.add(HttpMethod.GET, "/reserves/proof", Access.SESSION, this::proof);
        routes.add(HttpMethod.POST, "/staff/reserves/roots", Access.SESSION_CHANGE, this::publish);
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

    /** @return the root named by {@code ?rootId=}, else the latest. */
    private PublishedRoot rootAsked(NativeRequest request) {
        String id = request.queryParam("rootId");
        if (id == null) {
            return repository.latest().orElseThrow(() -> new NativeException(ReservesError.RESERVES_ROOT_NOT_FOUND));
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

    private static JsonObject json(PublishedRoot published) {
        return new JsonObject().put("id", published.id()).put("publishedAt", published.publishedAt().toString())
                .put("root", new JsonObject(ProofJson.writeRoot(published.root())));
    }
}
