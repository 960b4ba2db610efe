package io.lantau.gateway.compliance;

import io.lantau.compliance.onboarding.AccessLog;
import io.lantau.compliance.onboarding.AccessRecord;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * {@code GET /access-log?limit=} (session): the client's own sign-ins, orders and withdrawal requests with IP address,
 * time, device and country, newest first (HK-23), at most {@code limit} (1 to 1,000; 100 by default).
 */
public final class AccessLogEndpoints implements EndpointGroup {
    private static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 100;

    private final AccessLog accessLog;

    public AccessLogEndpoints(AccessLog accessLog) {
        this.accessLog = Objects.requireNonNull(accessLog);
    }

    @Override
    public void register(NativeRoutes routes) {
        new ComplianceRoutes(routes).add(HttpMethod.GET, "/access-log", Access.SESSION, this::list);
    }

    Reply list(NativeRequest request, Session session) {
        int limit = Inputs.queryInt(request, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        JsonArray list = new JsonArray();
        for (AccessRecord r : accessLog.byAccount(session.userId(), limit)) {
            list.add(new JsonObject().put("id", r.id()).put("action", r.action().name()).put("ip", r.ip())
                    .put("deviceId", r.deviceId()).put("geoCountry", r.geoCountry()).put("reference", r.reference())
                    .put("occurredAt", r.occurredAt().toString()));
        }
        return Reply.ok(list);
    }
}
