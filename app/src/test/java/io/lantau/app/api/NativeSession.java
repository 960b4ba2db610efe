package io.lantau.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A user of the native API ({@code /api/lantau/v1}) signed in with a cookie session and its CSRF token: registers,
 * signs in and calls the session endpoints.
 */
public final class NativeSession {
    public static final String PREFIX = "/api/lantau/v1";
    static final String PASSWORD = "Lantau-Api-Test-Pass-93!";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String baseUrl;
    final String email;
    final long userId;
    String cookie;
    String csrfToken;

    private NativeSession(String baseUrl, String email, long userId) {
        this.baseUrl = baseUrl;
        this.email = email;
        this.userId = userId;
    }

    /** A status and body of the native API. */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** Registers a fresh user and signs in. */
    static NativeSession registerAndLogin(String baseUrl) {
        String email = "n-" + UUID.randomUUID() + "@example.com";
        JsonObject credentials = new JsonObject().put("email", email).put("password", PASSWORD);
        Answer registered = send(baseUrl, "POST", "/register", credentials.encode(), null, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        NativeSession session = new NativeSession(baseUrl, email, registered.json().getLong("userId"));
        session.login();
        return session;
    }

    void login() {
        JsonObject credentials = new JsonObject().put("email", email).put("password", PASSWORD);
        Answer login = send(baseUrl, "POST", "/login", credentials.encode(), null, null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie");
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrfToken = login.json().getString("csrfToken");
    }

    Answer get(String path) {
        return send(baseUrl, "GET", path, null, cookie, null);
    }

    /** A state-changing request with the session cookie and its CSRF token. */
    Answer change(String method, String path, String jsonBody) {
        return send(baseUrl, method, path, jsonBody, cookie, csrfToken);
    }

    /** Creates an API key; @return the creation answer (with the secret). */
    JsonObject createKey(JsonObject request) {
        Answer created = change("POST", "/api-keys", request.encode());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    public static Answer send(String baseUrl, String method, String path, String jsonBody, String cookie, String csrf) {
        return send(baseUrl, method, path, jsonBody, "application/json", cookie, csrf);
    }

    /** A request with a body of the given media type (e.g. {@code application/xml} for a sanctions list). */
    public static Answer send(String baseUrl, String method, String path, String body, String contentType,
            String cookie, String csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + PREFIX + path))
                .timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
