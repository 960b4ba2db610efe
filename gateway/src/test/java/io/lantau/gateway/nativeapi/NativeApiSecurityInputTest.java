package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.StaffRole;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on every TOTP and staff endpoint gets a 4xx with a stable code and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeApiSecurityInputTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final String JSON = "application/json";
    private static final List<String> TABLES = List.of("users", "sessions", "api_keys", "totp_credentials",
            "login_challenges", "approvals", "staff_roles", "security_notifications");

    private NativeApiServer server;
    private Browser admin;
    private long pendingId;
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new NativeApiServer(dir);
        admin = server.browser().signedUp("admin@example.com", PASSWORD);
        server.security.staff().bootstrap(admin.userId, StaffRole.OPERATOR_ADMIN, Instant.EPOCH);
        admin.withTotp();
        Browser client = server.browser().signedUp("client@example.com", PASSWORD);
        pendingId = admin.post("/staff/roles", new JsonObject().put("userId", client.userId).put("role", "AUDITOR")
                .encode()).json().getLong("id");
        Browser other = server.browser();
        other.passwordStep("admin@example.com", PASSWORD);
        token = other.loginToken;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Stream<Arguments> badBodies() {
        String huge = "x".repeat(10_000);
        String t = "\"loginToken\":\"" + token + "\"";
        String approve = "/staff/approvals/" + pendingId + "/approve";
        String reject = "/staff/approvals/" + pendingId + "/reject";
        return Stream.of(
                // path, body, status, code
                Arguments.of("/login/totp", "{" + t + ",\"code\":\"123456\",\"remember\":true}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/login/totp", "{\"loginToken\":42,\"code\":\"123456\"}", 400, "WRONG_TYPE"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":123456}", 400, "WRONG_TYPE"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":[\"123456\"]}", 400, "WRONG_TYPE"),
                Arguments.of("/login/totp", "{\"loginToken\":\"" + huge + "\",\"code\":\"123456\"}", 400,
                        "VALUE_TOO_LONG"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":\"1234567\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":\"12345a\"}", 400, "INVALID_VALUE"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":\"12345\"}", 400, "INVALID_VALUE"),
                Arguments.of("/login/totp", "{" + t + "}", 400, "MISSING_FIELD"),
                Arguments.of("/login/totp", "{\"code\":\"123456\"}", 400, "MISSING_FIELD"),
                Arguments.of("/login/totp", "{" + t + ",\"code\":\"123456\"," + t + "}", 400, "MALFORMED_JSON"),
                Arguments.of("/login/totp", "{\"loginToken\":\"short\",\"code\":\"123456\"}", 401,
                        "LOGIN_CHALLENGE_INVALID"),
                Arguments.of("/login/totp/enrol", "{" + t + ",\"secret\":\"AAAA\"}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/login/totp/enrol", "{\"loginToken\":true}", 400, "WRONG_TYPE"),
                Arguments.of("/login/totp/enrol", "{\"loginToken\":\"" + huge + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/login/totp/enrol", "{}", 400, "MISSING_FIELD"),
                Arguments.of("/login/totp/enrol", "{" + t + "}", 401, "LOGIN_CHALLENGE_INVALID"),
                Arguments.of("/login/totp/confirm", "{" + t + ",\"code\":\"123456\",\"x\":1}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/login/totp/confirm", "{" + t + ",\"code\":{}}", 400, "WRONG_TYPE"),
                Arguments.of("/login/totp/confirm", "{" + t + ",\"code\":\"" + huge + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/login/totp/confirm", "{" + t + ",\"code\":\"123456\"}", 401,
                        "LOGIN_CHALLENGE_INVALID"),
                Arguments.of("/totp/enrol", "{\"secret\":\"AAAA\"}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/totp/enrol", "[]", 400, "MALFORMED_JSON"),
                Arguments.of("/totp/confirm", "{\"code\":\"123456\",\"userId\":1}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/totp/confirm", "{\"code\":123456}", 400, "WRONG_TYPE"),
                Arguments.of("/totp/confirm", "{\"code\":\"" + huge + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/totp/confirm", "{}", 400, "MISSING_FIELD"),
                Arguments.of("/staff/roles", "{\"userId\":1000,\"role\":\"AUDITOR\",\"note\":\"x\"}", 400,
                        "UNKNOWN_FIELD"),
                Arguments.of("/staff/roles", "{\"userId\":\"1001\",\"role\":\"AUDITOR\"}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":1001.5,\"role\":\"AUDITOR\"}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":1e3,\"role\":\"AUDITOR\"}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":true,\"role\":\"AUDITOR\"}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":1001,\"role\":[\"AUDITOR\"]}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":1001,\"role\":\"AUDITOR\",\"grant\":\"yes\"}", 400,
                        "WRONG_TYPE"),
                Arguments.of("/staff/roles", "{\"userId\":1001,\"role\":\"" + huge + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/staff/roles", "{\"userId\":-5,\"role\":\"AUDITOR\"}", 400, "INVALID_VALUE"),
                Arguments.of("/staff/roles", "{\"userId\":0,\"role\":\"AUDITOR\"}", 400, "INVALID_VALUE"),
                Arguments.of("/staff/roles", "{\"userId\":99999999999999999999999,\"role\":\"AUDITOR\"}", 400,
                        "INVALID_VALUE"),
                Arguments.of("/staff/roles", "{\"userId\":1001,\"role\":\"KING\"}", 400, "INVALID_VALUE"),
                Arguments.of("/staff/roles", "{\"userId\":987654,\"role\":\"AUDITOR\"}", 400, "INVALID_PAYLOAD"),
                Arguments.of("/staff/roles", "{\"role\":\"AUDITOR\"}", 400, "MISSING_FIELD"),
                Arguments.of("/staff/roles", "", 400, "MALFORMED_JSON"),
                Arguments.of("/staff/totp-resets", "{\"userId\":1001,\"why\":\"lost\"}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/staff/totp-resets", "{\"userId\":\"1001\"}", 400, "WRONG_TYPE"),
                Arguments.of("/staff/totp-resets", "{}", 400, "MISSING_FIELD"),
                Arguments.of(approve, "{\"force\":true}", 400, "UNKNOWN_FIELD"),
                Arguments.of(reject, "{\"reason\":5}", 400, "WRONG_TYPE"),
                Arguments.of(reject, "{\"reason\":\"" + "r".repeat(501) + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of(reject, "{\"reason\":\"a\\u0000b\"}", 400, "INVALID_VALUE"),
                Arguments.of(reject, "{\"reason\":\"no\",\"by\":1}", 400, "UNKNOWN_FIELD"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("badBodies")
    void shouldRefuseBadBodyWithStableCodeAndChangeNothing(String path, String body, int status, String code) {
        assertRefusedWithoutChange(path, JSON, body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void shouldRefuseTextBodiesOnEveryNewEndpoint(String path) {
        assertRefusedWithoutChange(path, "text/plain", "{}".getBytes(StandardCharsets.UTF_8), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    Stream<String> paths() {
        return Stream.of("/login/totp", "/login/totp/enrol", "/login/totp/confirm", "/totp/enrol", "/totp/confirm",
                "/staff/roles", "/staff/totp-resets", "/staff/approvals/" + pendingId + "/approve",
                "/staff/approvals/" + pendingId + "/reject");
    }

    private Map<String, Long> counts() {
        return TABLES.stream().collect(Collectors.toMap(t -> t, server::rows));
    }

    private void assertRefusedWithoutChange(String path, String contentType, byte[] body, int status, String code) {
        Map<String, Long> before = counts();
        int commands = server.core.submitted().size();
        int events = server.events.size();
        Answer answer = admin.send("POST", path, body, contentType, admin.csrfToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
        assertThat(answer.json().getString("message")).isNotBlank();
        assertThat(counts()).isEqualTo(before);
        assertThat(server.core.submitted()).hasSize(commands);
        assertThat(server.events).hasSize(events);
        assertThat(server.security.approvals().pending()).singleElement()
                .satisfies(a -> assertThat(a.id()).isEqualTo(pendingId));
        assertThat(admin.get("/staff/me").status()).isEqualTo(200);
    }
}
