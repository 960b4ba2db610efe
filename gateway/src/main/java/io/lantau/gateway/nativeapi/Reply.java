package io.lantau.gateway.nativeapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A handler's answer: status, JSON body (null for none) and cookies to set.
 *
 * @param retryAfterSeconds the {@code Retry-After} header, or 0 for none.
 */
public record Reply(int status, String json, List<String> setCookies, long retryAfterSeconds) {

    public static Reply ok(JsonObject body) {
        return new Reply(200, body.encode(), List.of(), 0);
    }

    public static Reply ok(JsonArray body) {
        return new Reply(200, body.encode(), List.of(), 0);
    }

    public static Reply created(JsonObject body) {
        return new Reply(201, body.encode(), List.of(), 0);
    }

    public static Reply error(NativeException e) {
        return new Reply(e.error().httpStatus(), errorJson(e.error(), e.message()), List.of(), e.retryAfterSeconds());
    }

    public static Reply error(ErrorCode error) {
        return error(new NativeException(error));
    }

    /** @return a refusal that also carries {@code extra} fields (a sign-in's loginToken). */
    public static Reply error(ErrorCode error, JsonObject extra) {
        JsonObject json = new JsonObject().put("code", error.code()).put("message", error.message());
        extra.forEach(e -> json.put(e.getKey(), e.getValue()));
        return new Reply(error.httpStatus(), json.encode(), List.of(), 0);
    }

    public static Reply accepted(JsonObject body) {
        return new Reply(202, body.encode(), List.of(), 0);
    }

    /** @return 204 with no body. */
    public static Reply noContent() {
        return new Reply(204, null, List.of(), 0);
    }

    public static String errorJson(ErrorCode error, String message) {
        return new JsonObject().put("code", error.code()).put("message", message).encode();
    }

    public Reply withCookie(String setCookie) {
        return new Reply(status, json, List.of(setCookie), retryAfterSeconds);
    }

    @Override
    public String toString() {
        return "Reply{" + status + "}";
    }
}
