package io.lantau.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small client of the Binance-compatible API for tests: signs requests the way CCXT does (HMAC-SHA256 hex over
 * the parameter string with {@code timestamp} and {@code recvWindow}, signature last) and returns status and body.
 */
public final class BinanceTestClient {
    private final String baseUrl;
    private final String apiKey;
    private final byte[] secret;
    private final LongSupplier clockMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: HTTP status, body and the used-weight header. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public BinanceTestClient(String baseUrl, String apiKey, String secret) {
        this(baseUrl, apiKey, secret, System::currentTimeMillis);
    }

    public BinanceTestClient(String baseUrl, String apiKey, String secret, LongSupplier clockMillis) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clockMillis = clockMillis;
    }

    /** An unsigned request; {@code query} without the leading '?'. */
    public Response get(String path, String query) {
        return send("GET", path + (query == null || query.isEmpty() ? "" : "?" + query), null, false);
    }

    /** A signed request with the parameters in the query string (GET, DELETE) or the form body (POST). */
    public Response signed(String method, String path, String params) {
        String payload = (params == null || params.isEmpty() ? "" : params + "&") + "timestamp="
                + clockMillis.getAsLong() + "&recvWindow=10000";
        String signedParams = payload + "&signature=" + hmac(payload);
        if (method.equals("POST") || method.equals("PUT")) {
            return send(method, path, signedParams, true);
        }
        return send(method, path + "?" + signedParams, null, true);
    }

    /** Sends exactly what it is given: for tests of tampered, replayed or malformed requests. */
    public Response raw(String method, String pathAndQuery, String body, boolean withKey) {
        return send(method, pathAndQuery, body, withKey);
    }

    public String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(String method, String pathAndQuery, String body, boolean withKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
        if (withKey && apiKey != null) {
            request.header("X-MBX-APIKEY", apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
