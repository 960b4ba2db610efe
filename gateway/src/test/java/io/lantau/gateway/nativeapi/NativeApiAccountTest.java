package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.OpenAccount;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeApiAccountTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";

    @TempDir
    Path dir;
    private NativeApiServer server;

    private NativeApiServer start(NativeApiSettings settings) {
        server = new NativeApiServer(dir, settings);
        return server;
    }

    private NativeApiServer start() {
        return start(NativeApiServer.TEST_SETTINGS);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldRegisterOpenCoreAccountAndSignInWhenCredentialsValid() {
        Browser b = start().browser();
        Answer registered = b.register("alice@example.com", PASSWORD);
        assertThat(registered.status()).isEqualTo(201);
        long userId = registered.json().getLong("userId");
        assertThat(userId).isGreaterThanOrEqualTo(1000);
        assertThat(server.core.core().hasAccount(userId)).isTrue();
        assertThat(server.core.core().feeTier(userId)).isZero();
        assertThat(server.core.submitted()).containsExactly(
                new OpenAccount(userId, io.lantau.core.AccountKind.CLIENT, 0));

        Answer login = b.login("alice@example.com", PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().getLong("userId")).isEqualTo(userId);
        assertThat(login.json().getString("csrfToken")).hasSize(43);
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("lantau_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure");
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");

        Answer me = b.get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(new JsonObject().put("userId", userId).put("email", "alice@example.com")
                .put("status", "ACTIVE"));
    }

    @Test
    void shouldStoreOnlyHashesOfTheSessionAndCsrfTokens() throws Exception {
        Browser b = start().browser().signedUp("alice@example.com", PASSWORD);
        String token = b.sessionCookie.substring(b.sessionCookie.indexOf('=') + 1);
        try (var c = server.database.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT id, csrf_token_hash FROM sessions")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(Sessions.sha256(token)).isNotEqualTo(token);
            assertThat(rs.getString(2)).isEqualTo(Sessions.sha256(b.csrfToken));
        }
    }

    @Test
    void shouldNormaliseEmailAndRefuseItAgainWhenOnlyTheCaseDiffers() {
        Browser b = start().browser();
        assertThat(b.register("  Alice@Example.COM ", PASSWORD).status()).isEqualTo(201);
        Answer again = b.register("ALICE@example.com", "another-long-passphrase-7");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
        assertThat(b.login("alice@EXAMPLE.com", PASSWORD).status()).isEqualTo(200);
        assertThat(b.get("/me").json().getString("email")).isEqualTo("alice@example.com");
        assertThat(server.rows("users")).isEqualTo(1);
    }

    @Test
    void shouldRefusePasswordWhenShortBreachedOrTheEmail() {
        Browser b = start().browser();
        assertThat(b.register("bob@example.com", "short-pw-11").code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(b.register("bob@example.com", "1qaz2wsx3edc").code()).isEqualTo("PASSWORD_BREACHED");
        assertThat(b.register("bob@example.com", "QWERTY123456").code()).isEqualTo("PASSWORD_BREACHED");
        assertThat(b.register("bob@example.com", "justinbieber").code()).isEqualTo("PASSWORD_BREACHED");
        assertThat(b.register("bob.builder@example.com", "Bob.Builder@Example.com").code())
                .isEqualTo("PASSWORD_MATCHES_EMAIL");
        assertThat(b.register("bob.the.builder@example.com", "bob.the.builder").code())
                .isEqualTo("PASSWORD_MATCHES_EMAIL");
        assertThat(b.register("bob@example.com", "x".repeat(129)).code()).isEqualTo("PASSWORD_TOO_LONG");
        assertThat(b.register("not-an-email", PASSWORD).code()).isEqualTo("INVALID_EMAIL");
        assertThat(b.register("a@b", PASSWORD).code()).isEqualTo("INVALID_EMAIL");
        assertThat(b.register("bob@example.com", "short-pw-11").status()).isEqualTo(400);
        assertThat(server.rows("users")).isZero();
        assertThat(server.core.submitted()).isEmpty();
    }

    @Test
    void shouldCountPasswordLengthInCharactersNotBytes() {
        Browser b = start().browser();
        // 12 characters, 36 UTF-8 bytes.
        assertThat(b.register("carol@example.com", "香港大嶼山昂坪天壇大佛寺").status()).isEqualTo(201);
        assertThat(b.register("dave@example.com", "香港大嶼山昂坪天壇大佛").code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(b.login("carol@example.com", "香港大嶼山昂坪天壇大佛寺").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnknownEmailAndWrongPasswordAlike() {
        Browser b = start().browser();
        b.register("alice@example.com", PASSWORD);
        Answer wrongPassword = b.login("alice@example.com", PASSWORD + "x");
        Answer unknownEmail = b.login("nobody@example.com", PASSWORD);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(wrongPassword.json().getString("code")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.header("Set-Cookie")).isNull();
        assertThat(server.rows("sessions")).isZero();
    }

    @Test
    void shouldLockOutWhenFailuresReachTheLimitAndReleaseAfterTheLockPeriod() {
        Browser b = start().browser();
        b.register("alice@example.com", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(b.login("alice@example.com", "wrong-password-" + i).code()).isEqualTo("INVALID_CREDENTIALS");
        }
        Answer locked = b.login("alice@example.com", PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
        assertThat(locked.header("Retry-After")).isEqualTo("900");
        assertThat(server.rows("sessions")).isZero();

        server.clock.advance(Duration.ofMinutes(14));
        assertThat(b.login("ALICE@example.com", PASSWORD).code()).isEqualTo("LOGIN_LOCKED");
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(b.login("alice@example.com", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldLockOutUnknownEmailAlikeSoThatLockOutRevealsNothing() {
        Browser b = start().browser();
        for (int i = 0; i < 5; i++) {
            b.login("ghost@example.com", "wrong-password-" + i);
        }
        assertThat(b.login("ghost@example.com", PASSWORD).code()).isEqualTo("LOGIN_LOCKED");
    }

    @Test
    void shouldForgetFailuresWhenTheWindowPassesOrSignInSucceeds() {
        Browser b = start().browser();
        b.register("alice@example.com", PASSWORD);
        for (int i = 0; i < 4; i++) {
            b.login("alice@example.com", "wrong-password");
        }
        assertThat(b.login("alice@example.com", PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            b.login("alice@example.com", "wrong-password");
        }
        server.clock.advance(Duration.ofMinutes(16));
        b.login("alice@example.com", "wrong-password");
        assertThat(b.login("alice@example.com", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldExpireSessionWhenIdleLongerThanTheTimeout() {
        Browser b = start().browser().signedUp("alice@example.com", PASSWORD);
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(b.get("/me").status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(b.get("/me").status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(30));
        Answer expired = b.get("/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldDeleteExpiredSessionsWhenSwept() {
        start().browser().signedUp("alice@example.com", PASSWORD);
        Browser later = server.browser();
        server.clock.advance(Duration.ofMinutes(20));
        later.login("alice@example.com", PASSWORD);
        server.clock.advance(Duration.ofMinutes(15));
        assertThat(server.api.sweepExpiredSessions()).isEqualTo(1);
        assertThat(server.rows("sessions")).isEqualTo(1);
        assertThat(later.get("/me").status()).isEqualTo(200);
    }

    @Test
    void shouldExpireSessionAtTheAbsoluteTimeoutWhateverTheUse() {
        NativeApiSettings settings = NativeApiServer.TEST_SETTINGS.withSessions(
                new NativeApiSettings.SessionRules(Duration.ofMinutes(30), Duration.ofHours(1), false));
        Browser b = start(settings).browser().signedUp("alice@example.com", PASSWORD);
        for (int i = 0; i < 2; i++) {
            server.clock.advance(Duration.ofMinutes(25));
            assertThat(b.get("/me").status()).isEqualTo(200);
        }
        server.clock.advance(Duration.ofMinutes(10));
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldEndSessionWhenSignedOut() {
        Browser b = start().browser().signedUp("alice@example.com", PASSWORD);
        String oldCookie = b.sessionCookie;
        Answer out = b.post("/logout", null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("lantau_session=;").contains("Max-Age=0");
        assertThat(b.sessionCookie).isNull();
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
        b.sessionCookie = oldCookie;
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(server.rows("sessions")).isZero();
    }

    @Test
    void shouldRefuseStateChangeWhenCsrfTokenMissingOrWrong() {
        Browser b = start().browser().signedUp("alice@example.com", PASSWORD);
        String label = new JsonObject().put("label", "bot").encode();
        Answer missing = b.send("POST", "/logout", null, null, null);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.code()).isEqualTo("CSRF_TOKEN_INVALID");
        String wrong = "A".repeat(43);
        assertThat(b.send("POST", "/api-keys", label.getBytes(), "application/json", wrong).code())
                .isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(b.send("POST", "/api-keys", label.getBytes(), "application/json", null).code())
                .isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(b.send("DELETE", "/api-keys/1", null, null, "short").code()).isEqualTo("CSRF_TOKEN_INVALID");

        Browser other = server.browser().signedUp("bob@example.com", PASSWORD);
        assertThat(b.send("POST", "/logout", null, null, other.csrfToken).code()).isEqualTo("CSRF_TOKEN_INVALID");

        assertThat(server.rows("api_keys")).isZero();
        assertThat(b.get("/me").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerUnauthenticatedWhenNoLiveSession() {
        Browser b = start().browser();
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(b.get("/me").status()).isEqualTo(401);
        assertThat(b.get("/api-keys").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(b.post("/api-keys", "{\"label\":\"x\"}").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(b.delete("/api-keys/1").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(b.post("/logout", null).code()).isEqualTo("UNAUTHENTICATED");
        b.sessionCookie = "lantau_session=" + "B".repeat(43);
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
        b.sessionCookie = "lantau_session=garbage";
        assertThat(b.get("/me").code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldRefuseSignInWhenTheIpSendsTooMany() {
        Browser b = start(NativeApiServer.TEST_SETTINGS.withAuthRequestsPerIpMinute(3)).browser();
        for (int i = 0; i < 3; i++) {
            assertThat(b.login("alice@example.com", PASSWORD).code()).isEqualTo("INVALID_CREDENTIALS");
        }
        Answer limited = b.register("alice@example.com", PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(server.rows("users")).isZero();
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(b.register("alice@example.com", PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void shouldAnswerServiceBusyWhenTheCoreQueueIsFull() {
        start().core.queueFull(true);
        Answer busy = server.browser().register("alice@example.com", PASSWORD);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("SERVICE_BUSY");
    }

    @Test
    void shouldMarkTheCookieSecureWhenConfiguredForTls() {
        NativeApiSettings settings = NativeApiServer.TEST_SETTINGS.withSessions(
                new NativeApiSettings.SessionRules(Duration.ofMinutes(30), Duration.ofHours(12), true));
        Browser b = start(settings).browser();
        b.register("alice@example.com", PASSWORD);
        String cookie = b.login("alice@example.com", PASSWORD).header("Set-Cookie");
        assertThat(cookie).startsWith("__Host-lantau_session=").contains("; Secure").contains("; HttpOnly");
        assertThat(b.get("/me").status()).isEqualTo(200);
    }
}
