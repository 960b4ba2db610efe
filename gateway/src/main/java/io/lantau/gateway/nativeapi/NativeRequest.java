package io.lantau.gateway.nativeapi;

/**
 * What a handler needs of one request, copied off the event loop's request so that a worker thread can use it.
 * {@link #toString()} shows neither the body nor the tokens.
 *
 * @param pathParams   the path's {@code :name} segments.
 * @param query        the query string's parameters (the first value of each).
 * @param body         the raw body bytes (empty if none).
 * @param contentType  the {@code Content-Type} header, or null.
 * @param sessionToken the session cookie's value, or null.
 * @param csrfToken    the {@code X-CSRF-Token} header, or null.
 * @param deviceId     the client's device identifier (the {@code X-Device-Id} header, else the User-Agent, cut to
 *                     128 characters), recorded with each sign-in, order and withdrawal (HK-23); never null.
 */
public record NativeRequest(String method, String path, java.util.Map<String, String> pathParams,
        java.util.Map<String, String> query, byte[] body, String contentType, String clientIp, String sessionToken,
        String csrfToken, String deviceId) {

    /** @return the {@code :id} path segment, or null. */
    public String pathId() {
        return pathParams.get("id");
    }

    /** @return the {@code :name} path segment, or null. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** @return the query parameter, or null. */
    public String queryParam(String name) {
        return query.get(name);
    }

    /**
     * @return the body as a JSON object, or the empty body if none was sent.
     * @throws NativeException {@link NativeError#UNSUPPORTED_MEDIA_TYPE} for a body that is not
     *                         {@code application/json}, {@link NativeError#MALFORMED_JSON} for one that is not a
     *                         JSON object.
     */
    public JsonBody json() {
        if (body.length == 0) {
            return JsonBody.empty();
        }
        if (!isJson(contentType)) {
            throw new NativeException(NativeError.UNSUPPORTED_MEDIA_TYPE);
        }
        return JsonBody.parse(body);
    }

    /** @return the body as a JSON object, which must be present. */
    public JsonBody requiredJson() {
        if (body.length == 0) {
            if (!isJson(contentType)) {
                throw new NativeException(NativeError.UNSUPPORTED_MEDIA_TYPE);
            }
            throw new NativeException(NativeError.MALFORMED_JSON, "no body");
        }
        return json();
    }

    /**
     * Requiring {@code application/json} also keeps cross-site HTML forms out: a form can only send the three
     * "simple" content types, and anything else triggers a CORS preflight that this API does not grant.
     */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        if (!type.equalsIgnoreCase("application/json")) {
            return false;
        }
        if (semicolon < 0) {
            return true;
        }
        String params = contentType.substring(semicolon + 1).trim().toLowerCase(java.util.Locale.ROOT);
        return params.isEmpty() || params.equals("charset=utf-8") || params.equals("charset=\"utf-8\"");
    }

    @Override
    public String toString() {
        return method + " " + path + " from " + clientIp;
    }
}
