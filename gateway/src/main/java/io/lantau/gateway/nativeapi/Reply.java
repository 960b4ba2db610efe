package io.lantau.gateway.nativeapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A handler's answer: status, JSON body (null for none) and cookies to set.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, or 0 for none.
 */
record Reply(int status, String json, List<String> setCookies, long retryAfterSeconds) {

    static Reply ok(JsonObject body) {
        return new Reply(200, body.encode(), List.of(), 0);
    }

    static Reply ok(JsonArray body) {
        return new Reply(200, body.encode(), List.of(), 0);
    }

    static Reply created(JsonObject body) {
        return new Reply(201, body.encode(), List.of(), 0);
    }

    static Reply error(NativeException e) {
        return new Reply(e.error().httpStatus(), errorJson(e.error(), e.message()), List.of(), e.retryAfterSeconds());
    }

    static Reply error(NativeError error) {
        return error(new NativeException(error));
    }

    /** @return a refusal that also carries {@code extra} fields (a sign-in's loginToken). */
    static Reply error(NativeError error, JsonObject extra) {
        JsonObject json = new JsonObject().put("code", error.name()).put("message", error.message());
        extra.forEach(e -> json.put(e.getKey(), e.getValue()));
        return new Reply(error.httpStatus(), json.encode(), List.of(), 0);
    }

    static Reply accepted(JsonObject body) {
        return new Reply(202, body.encode(), List.of(), 0);
    }

    static String errorJson(NativeError error, String message) {
        return new JsonObject().put("code", error.name()).put("message", message).encode();
    }

    Reply withCookie(String setCookie) {
        return new Reply(status, json, List.of(setCookie), retryAfterSeconds);
    }

    @Override
    public String toString() {
        return "Reply{" + status + "}";
    }
}
