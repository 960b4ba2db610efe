package io.lantau.gateway.nativeapi;

import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;

/**
 * Where an {@link EndpointGroup} adds its routes to the native API. Every route gets the API's discipline: the body
 * limit, strict JSON, session and CSRF checks by {@link Access}, work on the API's worker pool, refusals as {@code
 * {"code", "message"}} and no 5xx for bad input.
 */
public interface NativeRoutes {

    /** What a route needs of its caller. */
    enum Access {
        /** Anyone, without limit beyond the gateway's (public reads: the profile in force, a reserves root). */
        PUBLIC,
        /** Anyone; counted against the IP's sign-in and registration limit. */
        ANONYMOUS_LIMITED,
        /** A live session. */
        SESSION,
        /** A live session and its CSRF token. */
        SESSION_CHANGE
    }

    /** An endpoint body, run on a worker thread; {@code session} is null for anonymous routes. */
    @FunctionalInterface
    interface Handler {
        Reply handle(NativeRequest request, Session session);
    }

    /**
     * Adds a route under {@link NativeApi#PREFIX}.
     *
     * @param path a path below the prefix, with {@code :name} segments for parameters (e.g. {@code /kyc/cases/:id}).
     */
    default void add(HttpMethod method, String path, Access access, Handler handler) {
        add(method, path, access, 0, handler);
    }

    /**
     * Adds a route that accepts a body up to {@code maxBodyBytes} (a document upload); 0 for the API's default limit.
     * A limit above the gateway's default also needs {@code HttpGateway#allowLargeBodies} for the path.
     */
    void add(HttpMethod method, String path, Access access, int maxBodyBytes, Handler handler);
}
