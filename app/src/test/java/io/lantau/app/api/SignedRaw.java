package io.lantau.app.api;

import io.lantau.app.platform.PlatformHarness;
import io.lantau.app.platform.PlatformHarness.Trader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance requests over {@link RawHttp}: the parameters exactly as given (repeated, malformed, percent-encoded
 * garbage), signed as a client would sign that text, in the query string or a form body.
 */
final class SignedRaw {
    private final RawHttp http;
    private final Trader trader;
    private final LongSupplier clock = PlatformHarness.monotonicClock();

    SignedRaw(RawHttp http, Trader trader) {
        this.http = http;
        this.trader = trader;
    }

    /** @return {@code params} with a fresh timestamp, recvWindow and the signature over exactly that text. */
    String signedParams(String params) {
        String payload = (params.isEmpty() ? "" : params + "&") + "timestamp=" + clock.getAsLong()
                + "&recvWindow=10000";
        return payload + "&signature=" + trader.client().hmac(payload);
    }

    RawHttp.Answer publicGet(String path, String query) {
        return http.send("GET", path + (query.isEmpty() ? "" : "?" + query), Map.of(), null);
    }

    /** Parameters in the query string (GET, DELETE, or any method when {@code inBody} is false). */
    RawHttp.Answer signed(String method, String path, String params, boolean inBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", trader.apiKey());
        String all = signedParams(params);
        if (inBody) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            return http.send(method, path, headers, all.getBytes(StandardCharsets.UTF_8));
        }
        return http.send(method, path + "?" + all, headers, null);
    }

    /** Sends exactly this body (and content type, or none if null) with the key header. */
    RawHttp.Answer withBody(String method, String pathAndQuery, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-MBX-APIKEY", trader.apiKey());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return http.send(method, pathAndQuery, headers, body);
    }
}
