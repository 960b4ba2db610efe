package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.SecurityEventType;
import io.lantau.compliance.security.SecurityNotification;
import io.lantau.compliance.security.TotpStatus;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP sign-in through a real server (HK-29), with the server's clock moved by the test. */
class NativeApiTotpTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final NativeApiSettings REQUIRED = NativeApiServer.TEST_SETTINGS.withTotpRequired(true);

    @TempDir
    Path dir;
    private NativeApiServer server;

    private NativeApiServer start(NativeApiSettings settings) {
        server = new NativeApiServer(dir, settings);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    /** Registers, enrols at the first sign-in (TOTP required) and returns the signed-in browser. */
    private Browser enrolledAtFirstSignIn(String email) {
        Browser b = server.browser();
        assertThat(b.register(email, PASSWORD).status()).isEqualTo(201);
        assertRefused(b.passwordStep(email, PASSWORD), 401, "TOTP_ENROLMENT_REQUIRED");
        Answer enrol = b.post("/login/totp/enrol", new JsonObject().put("loginToken", b.loginToken).encode());
        assertThat(enrol.status()).as(enrol.body()).isEqualTo(200);
        b.totpSecret = enrol.json().getString("secret");
        assertThat(b.codeStep("/login/totp/confirm", b.code(0)).status()).isEqualTo(200);
        return b;
    }

    @Test
    void shouldGiveNoSessionForAPasswordAloneWhenTotpIsRequired() {
        Browser b = start(REQUIRED).browser();
        b.register("alice@example.com", PASSWORD);

        Answer login = b.passwordStep("alice@example.com", PASSWORD);

        assertRefused(login, 401, "TOTP_ENROLMENT_REQUIRED");
        assertThat(login.header("Set-Cookie")).isNull();
        assertThat(login.json().getString("loginToken")).hasSize(43);
        assertThat(login.json().getInteger("expiresInSeconds")).isEqualTo(300);
        assertThat(server.rows("sessions")).isZero();
        assertRefused(b.get("/me"), 401, "UNAUTHENTICATED");
        assertRefused(b.post("/login/totp", new JsonObject().put("loginToken", b.loginToken).put("code", "123456")
                .encode()), 401, "LOGIN_CHALLENGE_INVALID");
    }

    @Test
    void shouldEnrolAtFirstSignInAndOpenTheSessionOnlyWhenConfirmed() {
        Browser b = start(REQUIRED).browser();
        b.register("alice@example.com", PASSWORD);
        b.passwordStep("alice@example.com", PASSWORD);

        Answer enrol = b.post("/login/totp/enrol", new JsonObject().put("loginToken", b.loginToken).encode());
        assertThat(enrol.status()).isEqualTo(200);
        b.totpSecret = enrol.json().getString("secret");
        assertThat(enrol.json().getString("uri")).isEqualTo("otpauth://totp/Lantau:alice@example.com?secret="
                + b.totpSecret + "&issuer=Lantau&algorithm=SHA1&digits=6&period=30");
        assertThat(server.rows("sessions")).isZero();

        String wrong = b.code(0).equals("000000") ? "000001" : "000000";
        assertRefused(b.codeStep("/login/totp/confirm", wrong), 401, "TOTP_CODE_INVALID");
        assertThat(server.rows("sessions")).isZero();
        Answer confirmed = b.codeStep("/login/totp/confirm", b.code(0));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.header("Set-Cookie")).startsWith("lantau_session=");
        assertThat(b.get("/me").status()).isEqualTo(200);
        assertThat(b.get("/totp").json()).isEqualTo(new JsonObject().put("status", "ACTIVE").put("required", true));
        assertThat(server.security.notifications().ofUser(b.userId)).extracting(SecurityNotification::kind,
                SecurityNotification::channel).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TOTP_ENABLED", "EMAIL"),
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "EMAIL"));
        assertThat(server.events).extracting(e -> e.type()).containsSubsequence(SecurityEventType.LOGIN_FAILED,
                SecurityEventType.PERMISSION_CHANGE, SecurityEventType.LOGIN);
        assertRefused(b.post("/login/totp/confirm", new JsonObject().put("loginToken", b.loginToken)
                .put("code", b.code(1)).encode()), 401, "LOGIN_CHALLENGE_INVALID");
    }

    @Test
    void shouldSignInWithPasswordThenCodeAndRefuseTheCodeAgain() {
        start(REQUIRED);
        Browser first = enrolledAtFirstSignIn("alice@example.com");
        server.clock.advance(Duration.ofSeconds(30));

        Browser b = server.browser();
        b.totpSecret = first.totpSecret;
        assertRefused(b.passwordStep("alice@example.com", PASSWORD), 401, "TOTP_REQUIRED");
        assertThat(b.get("/me").status()).isEqualTo(401);
        String code = b.code(0);
        Answer signedIn = b.codeStep("/login/totp", code);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(b.get("/me").json().getLong("userId")).isEqualTo(first.userId);

        Browser replay = server.browser();
        replay.passwordStep("alice@example.com", PASSWORD);
        long sessions = server.rows("sessions");
        assertRefused(replay.codeStep("/login/totp", code), 401, "TOTP_CODE_REUSED");
        assertThat(server.rows("sessions")).isEqualTo(sessions);
    }

    @Test
    void shouldRefuseAnExpiredCodeAndAnExpiredLoginToken() {
        start(REQUIRED);
        Browser first = enrolledAtFirstSignIn("alice@example.com");
        Browser b = server.browser();
        b.totpSecret = first.totpSecret;
        b.passwordStep("alice@example.com", PASSWORD);

        server.clock.advance(Duration.ofSeconds(90));
        assertRefused(b.codeStep("/login/totp", b.code(-3)), 401, "TOTP_CODE_INVALID");
        server.clock.advance(Duration.ofMinutes(4));
        assertRefused(b.codeStep("/login/totp", b.code(0)), 401, "LOGIN_CHALLENGE_INVALID");
        assertThat(b.get("/me").status()).isEqualTo(401);
    }

    @Test
    void shouldEndTheChallengeAndLockTheAddressAfterRepeatedWrongCodes() {
        start(REQUIRED);
        Browser first = enrolledAtFirstSignIn("alice@example.com");
        server.clock.advance(Duration.ofMinutes(1));
        Browser b = server.browser();
        b.totpSecret = first.totpSecret;
        b.passwordStep("alice@example.com", PASSWORD);
        String wrong = b.code(0).equals("000000") ? "000001" : "000000";
        for (int i = 0; i < LoginChallenges.MAX_FAILURES; i++) {
            assertRefused(b.codeStep("/login/totp", wrong), 401, "TOTP_CODE_INVALID");
        }
        assertRefused(b.codeStep("/login/totp", b.code(0)), 401, "LOGIN_CHALLENGE_INVALID");
        assertRefused(b.passwordStep("alice@example.com", PASSWORD), 429, "LOGIN_LOCKED");
        assertThat(server.events).filteredOn(e -> e.type() == SecurityEventType.LOGIN_FAILED).hasSize(5);

        server.clock.advance(Duration.ofMinutes(16));
        assertRefused(b.passwordStep("alice@example.com", PASSWORD), 401, "TOTP_REQUIRED");
        assertThat(b.codeStep("/login/totp", b.code(0)).status()).isEqualTo(200);
    }

    @Test
    void shouldLetAUserEnableTotpByChoiceAndThenAskForItAtEverySignIn() {
        Browser b = start(NativeApiServer.TEST_SETTINGS).browser().signedUp("alice@example.com", PASSWORD);
        assertThat(b.get("/totp").json()).isEqualTo(new JsonObject().put("status", "NONE").put("required", false));

        b.withTotp();

        assertThat(server.security.totp().status(b.userId)).isEqualTo(TotpStatus.ACTIVE);
        assertRefused(b.post("/totp/enrol", null), 409, "TOTP_ALREADY_ENABLED");
        assertRefused(b.post("/totp/confirm", new JsonObject().put("code", b.code(1)).encode()), 409,
                "TOTP_ALREADY_ENABLED");
        Browser again = server.browser();
        assertRefused(again.passwordStep("alice@example.com", PASSWORD), 401, "TOTP_REQUIRED");
        assertRefused(again.post("/login/totp/enrol", new JsonObject().put("loginToken", again.loginToken)
                .encode()), 401, "LOGIN_CHALLENGE_INVALID");
    }

    @Test
    void shouldKeepEachUsersTotpToThemselves() {
        start(NativeApiServer.TEST_SETTINGS);
        Browser alice = server.browser().signedUp("alice@example.com", PASSWORD).withTotp();
        Browser bob = server.browser().signedUp("bob@example.com", PASSWORD);

        assertThat(bob.get("/totp").json().getString("status")).isEqualTo("NONE");
        assertRefused(bob.post("/totp/confirm", new JsonObject().put("code", alice.code(1)).encode()), 409,
                "TOTP_NOT_ENROLLED");
        Answer bobEnrol = bob.post("/totp/enrol", null);
        assertThat(bobEnrol.json().getString("secret")).isNotEqualTo(alice.totpSecret);
        bob.totpSecret = bobEnrol.json().getString("secret");
        if (!alice.code(1).equals(bob.code(1))) {
            assertRefused(bob.post("/totp/confirm", new JsonObject().put("code", alice.code(1)).encode()), 401,
                    "TOTP_CODE_INVALID");
        }
        assertThat(server.security.totp().status(bob.userId)).isEqualTo(TotpStatus.PENDING);
        assertThat(server.security.totp().status(alice.userId)).isEqualTo(TotpStatus.ACTIVE);

        // Alice's second step does not accept Bob's codes, and Bob's password gives no step for Alice.
        server.clock.advance(Duration.ofSeconds(60));
        Browser attacker = server.browser();
        attacker.totpSecret = bob.totpSecret;
        attacker.passwordStep("alice@example.com", PASSWORD);
        if (!attacker.code(0).equals(alice.code(0))) {
            assertRefused(attacker.codeStep("/login/totp", attacker.code(0)), 401, "TOTP_CODE_INVALID");
        }
        assertRefused(bob.post("/login/totp/enrol", new JsonObject().put("loginToken", attacker.loginToken)
                .encode()), 401, "LOGIN_CHALLENGE_INVALID");
    }
}
