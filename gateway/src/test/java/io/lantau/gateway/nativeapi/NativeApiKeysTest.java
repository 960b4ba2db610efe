package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.auth.Permission;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.auth.SignatureVerifier;
import io.lantau.gateway.binance.BinanceError;
import io.lantau.gateway.binance.BinanceException;
import io.lantau.gateway.binance.Params;
import io.lantau.gateway.nativeapi.NativeApiServer.Answer;
import io.lantau.gateway.nativeapi.NativeApiServer.Browser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeApiKeysTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";

    @TempDir
    Path dir;
    private NativeApiServer server;
    private Browser alice;

    @BeforeEach
    void start() {
        server = new NativeApiServer(dir);
        alice = server.browser().signedUp("alice@example.com", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Answer create(Browser b, JsonObject request) {
        return b.post("/api-keys", request.encode());
    }

    @Test
    void shouldCreateReadOnlyHmacKeyAndShowTheSecretOnlyOnce() throws Exception {
        Answer created = create(alice, new JsonObject().put("label", "my bot"));
        assertThat(created.status()).isEqualTo(201);
        JsonObject key = created.json();
        String secret = key.getString("secret");
        assertThat(secret).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(key.getString("apiKey")).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(key.getString("type")).isEqualTo("HMAC_SHA256");
        assertThat(key.getJsonObject("permissions")).isEqualTo(new JsonObject().put("read", true)
                .put("trade", false).put("withdraw", false));
        assertThat(key.getBoolean("active")).isTrue();

        Answer list = alice.get("/api-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array()).hasSize(1);
        JsonObject listed = list.array().getJsonObject(0);
        assertThat(listed.containsKey("secret")).isFalse();
        assertThat(list.body()).doesNotContain(secret);
        JsonObject withoutSecret = key.copy();
        withoutSecret.remove("secret");
        assertThat(listed).isEqualTo(withoutSecret);

        try (var c = server.database.dataSource().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT secret_ciphertext FROM api_keys")) {
            rs.next();
            byte[] stored = rs.getBytes(1);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            assertThat(server.cipher.decrypt(stored)).isEqualTo(secret.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void shouldAuthenticateSignedRequestWithTheCreatedKeyUntilRevoked() {
        JsonObject key = create(alice, new JsonObject().put("label", "trader")
                .put("permissions", new JsonObject().put("trade", true))).json();
        RequestAuthenticator authenticator = new RequestAuthenticator(server.storedKeys, server.clock::millis);
        String payload = "symbol=BTCHKD&timestamp=" + server.clock.millis();
        byte[] secret = key.getString("secret").getBytes(StandardCharsets.US_ASCII);
        String query = payload + "&signature=" + SignatureVerifier.hmacHex(secret, payload);

        ApiKey authenticated = authenticator.authenticate(Params.parse(query, ""), key.getString("apiKey"),
                "127.0.0.1", Permission.TRADE);
        assertThat(authenticated.accountId()).isEqualTo(alice.userId);
        assertThat(authenticated.canTrade()).isTrue();
        assertThat(authenticated.canWithdraw()).isFalse();

        Answer revoked = alice.delete("/api-keys/" + key.getLong("id"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().getBoolean("active")).isFalse();
        String again = "symbol=BTCHKD&timestamp=" + (server.clock.millis() - 1);
        BinanceException refused = catchThrowableOfType(BinanceException.class, () -> authenticator.authenticate(
                Params.parse(again + "&signature=" + SignatureVerifier.hmacHex(secret, again), ""),
                key.getString("apiKey"), "127.0.0.1", Permission.READ));
        assertThat(refused.error()).isEqualTo(BinanceError.REJECTED_MBX_KEY);
        assertThat(alice.get("/api-keys").array().getJsonObject(0).getBoolean("active")).isFalse();
    }

    @Test
    void shouldAuthenticateEd25519KeysGivenRawOrPem() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        String raw = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n";
        RequestAuthenticator authenticator = new RequestAuthenticator(server.storedKeys, server.clock::millis);
        int n = 0;
        for (String publicKey : new String[] {raw, pem}) {
            Answer created = create(alice, new JsonObject().put("label", "ed" + n).put("type", "ED25519")
                    .put("publicKey", publicKey));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().containsKey("secret")).isFalse();
            String payload = "timestamp=" + (server.clock.millis() - n++);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            String query = payload + "&signature=" + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8);
            ApiKey key = authenticator.authenticate(Params.parse(query, ""), created.json().getString("apiKey"),
                    "127.0.0.1", Permission.READ);
            assertThat(key.accountId()).isEqualTo(alice.userId);
        }
    }

    @Test
    void shouldKeepEachUsersKeysApart() {
        JsonObject aliceKey = create(alice, new JsonObject().put("label", "alice's")).json();
        Browser bob = server.browser().signedUp("bob@example.com", PASSWORD);
        assertThat(bob.get("/api-keys").array()).isEmpty();

        Answer stolen = bob.delete("/api-keys/" + aliceKey.getLong("id"));
        Answer missing = bob.delete("/api-keys/999999");
        assertThat(stolen.status()).isEqualTo(404);
        assertThat(stolen.body()).isEqualTo(missing.body());
        assertThat(stolen.code()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(bob.delete("/api-keys/not-a-number").code()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(server.storedKeys.find(aliceKey.getString("apiKey"))).isNotNull();

        JsonObject bobKey = create(bob, new JsonObject().put("label", "bob's")).json();
        assertThat(alice.get("/api-keys").array()).extracting(o -> ((JsonObject) o).getLong("id"))
                .containsExactly(aliceKey.getLong("id"));
        assertThat(bob.get("/api-keys").array()).extracting(o -> ((JsonObject) o).getLong("id"))
                .containsExactly(bobKey.getLong("id"));
        assertThat(alice.delete("/api-keys/" + aliceKey.getLong("id")).status()).isEqualTo(200);
        assertThat(alice.delete("/api-keys/" + aliceKey.getLong("id")).code()).isEqualTo("API_KEY_NOT_FOUND");
    }

    @Test
    void shouldTakePermissionsAndAllowlistAsAsked() {
        Answer created = create(alice, new JsonObject().put("label", "full")
                .put("permissions", new JsonObject().put("read", true).put("trade", true).put("withdraw", true))
                .put("ipAllowlist", new JsonArray().add("10.0.0.1").add("192.168.0.0/16").add("::1")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getJsonObject("permissions").getBoolean("withdraw")).isTrue();
        assertThat(created.json().getJsonArray("ipAllowlist")).containsExactly("10.0.0.1", "192.168.0.0/16", "::1");
        ApiKey key = server.storedKeys.find(created.json().getString("apiKey"));
        assertThat(key.allowsIp("192.168.4.5")).isTrue();
        assertThat(key.allowsIp("127.0.0.1")).isFalse();
    }

    @Test
    void shouldRefuseKeysWhosePermissionsAllowlistOrPublicKeyAreInvalid() {
        assertThat(create(alice, new JsonObject().put("label", "w").put("permissions",
                new JsonObject().put("withdraw", true))).code()).isEqualTo("INVALID_PERMISSIONS");
        assertThat(create(alice, new JsonObject().put("label", "r").put("permissions",
                new JsonObject().put("read", false).put("trade", true))).code()).isEqualTo("INVALID_PERMISSIONS");
        assertThat(create(alice, new JsonObject().put("label", "ip").put("ipAllowlist",
                new JsonArray().add("example.com"))).code()).isEqualTo("INVALID_IP_ALLOWLIST");
        assertThat(create(alice, new JsonObject().put("label", "ip").put("ipAllowlist",
                new JsonArray().add("10.0.0.0/33"))).code()).isEqualTo("INVALID_IP_ALLOWLIST");
        assertThat(create(alice, new JsonObject().put("label", "ed").put("type", "ED25519")).code())
                .isEqualTo("INVALID_PUBLIC_KEY");
        assertThat(create(alice, new JsonObject().put("label", "ed").put("type", "ED25519")
                .put("publicKey", Base64.getEncoder().encodeToString(new byte[31]))).code())
                .isEqualTo("INVALID_PUBLIC_KEY");
        assertThat(create(alice, new JsonObject().put("label", "ed").put("type", "ED25519")
                .put("publicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")).code())
                .isEqualTo("INVALID_PUBLIC_KEY");
        assertThat(create(alice, new JsonObject().put("label", "h").put("publicKey",
                Base64.getEncoder().encodeToString(new byte[32]))).code()).isEqualTo("INVALID_PUBLIC_KEY");
        assertThat(create(alice, new JsonObject().put("label", "t").put("type", "RSA")).code())
                .isEqualTo("INVALID_VALUE");
        assertThat(create(alice, new JsonObject().put("label", "  ")).code()).isEqualTo("INVALID_VALUE");
        assertThat(server.rows("api_keys")).isZero();
    }

    @Test
    void shouldRefuseNewKeyWhenTheUserHasTheMostAllowed() {
        server.close();
        server = new NativeApiServer(dir.resolve("limited"), NativeApiServer.TEST_SETTINGS.withMaxActiveApiKeys(2));
        alice = server.browser().signedUp("alice@example.com", PASSWORD);
        long first = create(alice, new JsonObject().put("label", "1")).json().getLong("id");
        create(alice, new JsonObject().put("label", "2"));
        Answer third = create(alice, new JsonObject().put("label", "3"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("API_KEY_LIMIT_REACHED");
        alice.delete("/api-keys/" + first);
        assertThat(create(alice, new JsonObject().put("label", "3")).status()).isEqualTo(201);
    }
}
