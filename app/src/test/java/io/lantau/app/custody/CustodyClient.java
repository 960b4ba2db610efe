package io.lantau.app.custody;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.api.NativeSession;
import io.lantau.app.api.NativeSession.Answer;
import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.Totp;
import io.lantau.testsupport.BinanceTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A client of a running platform driven through its public API only: registers, signs in, enrols TOTP, and reads its
 * balances through the Binance-compatible API with a key it made.
 */
final class CustodyClient {
    static final String PASSWORD = "Custody-Client-Pass-2026!";

    final String baseUrl;
    final String email;
    final long userId;
    private String cookie;
    private String csrf;
    private String totpSecret;
    private BinanceTestClient binance;

    private CustodyClient(String baseUrl, String email, long userId) {
        this.baseUrl = baseUrl;
        this.email = email;
        this.userId = userId;
    }

    /** Registers a fresh client and signs in (the platform's profile must not require TOTP at sign-in). */
    static CustodyClient register(String baseUrl) {
        String email = "custody-" + UUID.randomUUID() + "@example.com";
        JsonObject credentials = new JsonObject().put("email", email).put("password", PASSWORD);
        Answer registered = NativeSession.send(baseUrl, "POST", "/register", credentials.encode(), null, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        CustodyClient client = new CustodyClient(baseUrl, email, registered.json().getLong("userId"));
        client.login();
        return client;
    }

    /** The same client signed in again (on a restarted platform). */
    static CustodyClient signIn(String baseUrl, CustodyClient earlier) {
        CustodyClient client = new CustodyClient(baseUrl, earlier.email, earlier.userId);
        client.login();
        return client;
    }

    private void login() {
        JsonObject credentials = new JsonObject().put("email", email).put("password", PASSWORD);
        Answer login = NativeSession.send(baseUrl, "POST", "/login", credentials.encode(), null, null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie");
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = login.json().getString("csrfToken");
    }

    Answer get(String path) {
        return NativeSession.send(baseUrl, "GET", path, null, cookie, null);
    }

    Answer post(String path, JsonObject body) {
        return NativeSession.send(baseUrl, "POST", path, body.encode(), cookie, csrf);
    }

    /** Enrols and confirms TOTP on the signed-in session (HK-29). */
    void enrolTotp() {
        Answer enrol = post("/totp/enrol", new JsonObject());
        assertThat(enrol.status()).as(enrol.body()).isEqualTo(200);
        totpSecret = enrol.json().getString("secret");
        Answer confirm = post("/totp/confirm", new JsonObject().put("code", totpCode(0)));
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
    }

    /** @return the TOTP code {@code stepsAhead} steps from now (the current one is spent by the enrolment). */
    String totpCode(int stepsAhead) {
        return Totp.code(Base32.decode(totpSecret), Totp.step(Instant.now().getEpochSecond()) + stepsAhead);
    }

    /** @return the asset's free and locked balance in the core, as {@code GET /api/v3/account} shows it. */
    BigDecimal[] balance(String asset) {
        if (binance == null) {
            Answer created = post("/api-keys", new JsonObject().put("label", "custody")
                    .put("permissions", new JsonObject().put("read", true)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            binance = new BinanceTestClient(baseUrl, created.json().getString("apiKey"),
                    created.json().getString("secret"), io.lantau.app.platform.PlatformHarness.monotonicClock());
        }
        BinanceTestClient.Response r = binance.signed("GET", "/api/v3/account", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonArray balances = new JsonObject(r.body()).getJsonArray("balances");
        for (int i = 0; i < balances.size(); i++) {
            JsonObject b = balances.getJsonObject(i);
            if (b.getString("asset").equals(asset)) {
                return new BigDecimal[] {new BigDecimal(b.getString("free")), new BigDecimal(b.getString("locked"))};
            }
        }
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** @return free plus locked. */
    BigDecimal total(String asset) {
        BigDecimal[] b = balance(asset);
        return b[0].add(b[1]);
    }
}
