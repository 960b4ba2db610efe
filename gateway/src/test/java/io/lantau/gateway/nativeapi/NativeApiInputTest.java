package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind gets a 4xx with a stable code and changes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeApiInputTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final String JSON = "application/json";

    private NativeApiServer server;
    private Browser alice;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new NativeApiServer(dir);
        alice = server.browser().signedUp("alice@example.com", PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> badBodies() {
        String longString = "x".repeat(10_000);
        return Stream.of(
                // path, content type, body, status, code
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\",\"password\":\"" + PASSWORD
                        + "\",\"admin\":true}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/register", JSON, "{\"email\":42,\"password\":\"" + PASSWORD + "\"}", 400, "WRONG_TYPE"),
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\",\"password\":true}", 400, "WRONG_TYPE"),
                Arguments.of("/register", JSON, "{\"email\":[\"e@example.com\"],\"password\":\"" + PASSWORD + "\"}",
                        400, "WRONG_TYPE"),
                Arguments.of("/register", JSON, "{\"email\":{},\"password\":\"" + PASSWORD + "\"}", 400, "WRONG_TYPE"),
                Arguments.of("/register", JSON, "{}", 400, "MISSING_FIELD"),
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\"}", 400, "MISSING_FIELD"),
                Arguments.of("/register", JSON, "{\"email\":null,\"password\":\"" + PASSWORD + "\"}", 400,
                        "MISSING_FIELD"),
                Arguments.of("/register", JSON, "{\"email\":\"" + longString + "@example.com\",\"password\":\""
                        + PASSWORD + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\",\"password\":\"" + longString + "\"}",
                        400, "VALUE_TOO_LONG"),
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\",\"email\":\"f@example.com\","
                        + "\"password\":\"" + PASSWORD + "\"}", 400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "[\"e@example.com\"]", 400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "\"text\"", 400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "{\"email\":", 400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "{\"email\":\"e@example.com\",\"password\":\"" + PASSWORD + "\"} {}",
                        400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "email=e@example.com&password=" + PASSWORD, 400, "MALFORMED_JSON"),
                Arguments.of("/register", JSON, "", 400, "MALFORMED_JSON"),
                Arguments.of("/register", "text/plain", "{\"email\":\"e@example.com\",\"password\":\"" + PASSWORD
                        + "\"}", 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("/register", null, "{\"email\":\"e@example.com\",\"password\":\"" + PASSWORD + "\"}",
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("/register", "application/json; charset=latin1", "{\"email\":\"e@example.com\","
                        + "\"password\":\"" + PASSWORD + "\"}", 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("/login", JSON, "{\"email\":\"alice@example.com\",\"password\":\"" + PASSWORD
                        + "\",\"remember\":true}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/login", JSON, "{\"email\":\"alice@example.com\",\"password\":12}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"secret\":\"mine\"}", 400, "UNKNOWN_FIELD"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"permissions\":{\"admin\":true}}", 400,
                        "UNKNOWN_FIELD"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"permissions\":\"all\"}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"permissions\":{\"trade\":\"true\"}}", 400,
                        "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"permissions\":{\"trade\":1}}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"ipAllowlist\":\"10.0.0.1\"}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"ipAllowlist\":[1]}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"label\":7}", 400, "WRONG_TYPE"),
                Arguments.of("/api-keys", JSON, "{\"permissions\":{\"read\":true}}", 400, "MISSING_FIELD"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"" + "k".repeat(65) + "\"}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"ipAllowlist\":[" + "\"10.0.0.1\",".repeat(40)
                        + "\"10.0.0.2\"]}", 400, "VALUE_TOO_LONG"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\",\"permissions\":{\"a\":{\"b\":{\"c\":{}}}}}", 400,
                        "MALFORMED_JSON"),
                Arguments.of("/api-keys", JSON, "{\"label\":\"k\\u0000\"}", 400, "INVALID_VALUE"),
                Arguments.of("/logout", JSON, "{\"everywhere\":true}", 400, "UNKNOWN_FIELD"));
    }

    @ParameterizedTest(name = "{0} {2} -> {4}")
    @MethodSource("badBodies")
    void shouldRefuseBadBodyWithStableCodeAndChangeNothing(String path, String contentType, String body, int status,
            String code) {
        assertRefusedWithoutChange(path, contentType, body.getBytes(StandardCharsets.UTF_8), status, code);
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        byte[] body = "{\"email\":\"e@example.com\",\"password\":\"violet-harbour-\u00ff\u00fe\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRefusedWithoutChange("/register", JSON, body, 400, "MALFORMED_JSON");
        byte[] overlong = {'{', '"', 'l', 'a', 'b', 'e', 'l', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        assertRefusedWithoutChange("/api-keys", JSON, overlong, 400, "MALFORMED_JSON");
    }

    @Test
    void shouldRefuseBodiesOverTheApiLimitAndOverTheGatewayLimit() {
        byte[] overApi = ("{\"label\":\"" + "k".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRefusedWithoutChange("/api-keys", JSON, overApi, 413, "BODY_TOO_LARGE");
        byte[] overGateway = ("{\"email\":\"" + "e".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRefusedWithoutChange("/register", JSON, overGateway, 413, "BODY_TOO_LARGE");
    }

    @Test
    void shouldAnswerUnknownEndpointsAndMethodsInTheNativeShape() {
        Answer unknown = alice.get("/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        Answer method = alice.send("PUT", "/me", null, null, alice.csrfToken);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(alice.send("GET", "/login", null, null, null).code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    private void assertRefusedWithoutChange(String path, String contentType, byte[] body, int status, String code) {
        long users = server.rows("users");
        long keys = server.rows("api_keys");
        long sessions = server.rows("sessions");
        int commands = server.core.submitted().size();
        Answer answer = alice.send("POST", path, body, contentType, alice.csrfToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
        assertThat(answer.json().getString("message")).isNotBlank();
        assertThat(answer.json().fieldNames()).containsExactlyInAnyOrder("code", "message");
        assertThat(server.rows("users")).isEqualTo(users);
        assertThat(server.rows("api_keys")).isEqualTo(keys);
        assertThat(server.rows("sessions")).isEqualTo(sessions);
        assertThat(server.core.submitted()).hasSize(commands);
        assertThat(alice.get("/me").status()).isEqualTo(200);
    }
}
