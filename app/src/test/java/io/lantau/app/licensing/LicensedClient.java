package io.lantau.app.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.AccountState;
import io.lantau.app.api.NativeSession;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.Totp;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A client of a platform that runs a licensing profile, driven through its public API only: registers with a
 * residency, signs in with TOTP (enrolling on the first sign-in where the profile requires it, HK-29), and trades
 * through the Binance-compatible API with a key it creates.
 */
public final class LicensedClient {
    public static final String PASSWORD = "Licensed-Client-Pass-2026!";

    public final String baseUrl;
    public final String email;
    public final long userId;
    String cookie;
    String csrf;
    String totpSecret;
    BinanceTestClient binance;

    private LicensedClient(String baseUrl, String email, long userId) {
        this.baseUrl = baseUrl;
        this.email = email;
        this.userId = userId;
    }

    /** @return the answer to {@code POST /register} for a fresh email with this residency. */
    public static Answer tryRegister(String baseUrl, String email, String residency) {
        JsonObject body = new JsonObject().put("email", email).put("password", PASSWORD);
        if (residency != null) {
            body.put("residency", residency);
        }
        return NativeSession.send(baseUrl, "POST", "/register", body.encode(), null, null);
    }

    /** Registers a fresh client resident in {@code residency} and signs in. */
    public static LicensedClient register(String baseUrl, String residency) {
        String email = "c-" + UUID.randomUUID() + "@example.com";
        Answer registered = tryRegister(baseUrl, email, residency);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        LicensedClient client = new LicensedClient(baseUrl, email, registered.json().getLong("userId"));
        client.signIn();
        return client;
    }

    /** Signs in: password, then TOTP (enrolling first if the client has none). */
    public void signIn() {
        Answer password = NativeSession.send(baseUrl, "POST", "/login",
                new JsonObject().put("email", email).put("password", PASSWORD).encode(), null, null);
        Answer session = password;
        if (password.status() == 401) {
            String code = password.json().getString("code");
            String loginToken = password.json().getString("loginToken");
            if (code.equals("TOTP_ENROLMENT_REQUIRED")) {
                Answer enrol = NativeSession.send(baseUrl, "POST", "/login/totp/enrol",
                        new JsonObject().put("loginToken", loginToken).encode(), null, null);
                assertThat(enrol.status()).as(enrol.body()).isEqualTo(200);
                totpSecret = enrol.json().getString("secret");
                session = NativeSession.send(baseUrl, "POST", "/login/totp/confirm",
                        new JsonObject().put("loginToken", loginToken).put("code", code(0)).encode(), null, null);
            } else {
                assertThat(code).isEqualTo("TOTP_REQUIRED");
                // The code of the next step: the current one was used to enrol (RFC 6238 section 5.2).
                session = NativeSession.send(baseUrl, "POST", "/login/totp",
                        new JsonObject().put("loginToken", loginToken).put("code", code(1)).encode(), null, null);
            }
        }
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        String setCookie = session.header("Set-Cookie");
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = session.json().getString("csrfToken");
    }

    /**
     * Enrols TOTP by choice where the profile does not require it at sign-in ({@code POST /totp/enrol},
     * {@code POST /totp/confirm}): staff need it under every profile.
     */
    public void enrolTotp() {
        Answer enrol = post("/totp/enrol", null);
        assertThat(enrol.status()).as(enrol.body()).isEqualTo(200);
        totpSecret = enrol.json().getString("secret");
        Answer confirmed = post("/totp/confirm", new JsonObject().put("code", code(0)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    String code(int stepsAhead) {
        return Totp.code(Base32.decode(totpSecret), Totp.step(Instant.now().getEpochSecond()) + stepsAhead);
    }

    public Answer get(String path) {
        return NativeSession.send(baseUrl, "GET", path, null, cookie, null);
    }

    public Answer post(String path, JsonObject body) {
        return NativeSession.send(baseUrl, "POST", path, body == null ? null : body.encode(), cookie, csrf);
    }

    /** Posts a body of another media type (a sanctions list is {@code application/xml}). */
    public Answer post(String path, String body, String contentType) {
        return NativeSession.send(baseUrl, "POST", path, body, contentType, cookie, csrf);
    }

    /** @return a Binance client with a trading key of this client's, made through the native API. */
    public BinanceTestClient binance() {
        if (binance == null) {
            Answer created = post("/api-keys", new JsonObject().put("label", "scenario")
                    .put("permissions", new JsonObject().put("read", true).put("trade", true)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            binance = new BinanceTestClient(baseUrl, created.json().getString("apiKey"),
                    created.json().getString("secret"), PlatformHarness.monotonicClock());
        }
        return binance;
    }

    /** @return what this client sees of its account through the Binance API: balances, open and all orders. */
    public AccountState account(String... symbols) {
        return AccountState.of(binance(), symbols);
    }

    /** Places a LIMIT GTC order through the Binance-compatible API. */
    public BinanceTestClient.Response limit(String symbol, String side, String quantity, String price) {
        return binance().signed("POST", "/api/v3/order", "symbol=" + symbol + "&side=" + side
                + "&type=LIMIT&timeInForce=GTC&quantity=" + quantity + "&price=" + price);
    }
}
