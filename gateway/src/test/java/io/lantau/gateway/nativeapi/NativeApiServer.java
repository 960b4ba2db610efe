package io.lantau.gateway.nativeapi;

import io.lantau.store.dispatch.DirectCommandSubmitter;
import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityServices;
import io.lantau.compliance.security.Totp;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.store.Database;
import io.lantau.store.account.ApiKeyRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real gateway on a free port with the native API mounted, an H2 database in a temporary directory, a real core
 * behind a {@link DirectCommandSubmitter}, and a clock the test moves. Also a small HTTP client that keeps one browser's
 * cookie and CSRF token per {@link Browser}. Public so that endpoint groups of other packages (compliance) test
 * through the same server: {@link #NativeApiServer(Path, NativeApiSettings, Consumer)} adds them before mounting.
 */
public final class NativeApiServer implements AutoCloseable {
    /** Cheap hashing so that tests run fast; the format and code path are the production ones. */
    public static final NativeApiSettings TEST_SETTINGS = NativeApiSettings.DEFAULTS
            .withHashing(new NativeApiSettings.HashingCost(64, 1, 1, 2))
            .withAuthRequestsPerIpMinute(10_000);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    public final Database database;
    public final SecretCipher cipher = new SecretCipher("test-master-key-0123456789");
    public final StoredApiKeys storedKeys;
    public final DirectCommandSubmitter core = new DirectCommandSubmitter();
    public final NativeApi api;
    /** The security events the API reported, in order. */
    public final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    public final SecurityServices security;
    private final Vertx vertx = Vertx.vertx();
    /** The gateway, for {@link HttpGateway#allowLargeBodies} before mounting. */
    public final HttpGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public NativeApiServer(Path dataDir) {
        this(dataDir, TEST_SETTINGS);
    }

    public NativeApiServer(Path dataDir, NativeApiSettings settings) {
        this(dataDir, settings, server -> {
        });
    }

    /**
     * @param beforeMount called once the API and the gateway exist and before the routes are mounted: adds endpoint
     *                    groups ({@link NativeApi#add}) and large-body paths.
     */
    public NativeApiServer(Path dataDir, NativeApiSettings settings, Consumer<NativeApiServer> beforeMount) {
        database = Database.openH2(dataDir);
        storedKeys = new StoredApiKeys(new ApiKeyRepository(database.dataSource()), cipher);
        security = SecurityServices.create(database.dataSource(), NativeApi.sealer(cipher), events::add, clock);
        api = new NativeApi(vertx, database.dataSource(), cipher, storedKeys, core, settings, clock, security);
        gateway = new HttpGateway(vertx);
        beforeMount.accept(this);
        gateway.mount(api::mount);
        port = gateway.listen("127.0.0.1", 0, null);
    }

    /** One HTTP answer. */
    public record Answer(int status, String body, HttpResponse<byte[]> response) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        public String code() {
            return json().getString("code");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** A client with its own cookie jar of one session cookie, and the CSRF token its last sign-in returned. */
    public final class Browser {
        public String sessionCookie;
        public String csrfToken;
        public long userId;

        public Answer register(String email, String password) {
            return post("/register", new JsonObject().put("email", email).put("password", password).encode());
        }

        public Answer login(String email, String password) {
            Answer a = post("/login", new JsonObject().put("email", email).put("password", password).encode());
            if (a.status() == 200) {
                csrfToken = a.json().getString("csrfToken");
                userId = a.json().getLong("userId");
            }
            return a;
        }

        /** Registers and signs in. */
        public Browser signedUp(String email, String password) {
            Answer r = register(email, password);
            if (r.status() != 201) {
                throw new AssertionError("registration failed: " + r.body());
            }
            Answer l = login(email, password);
            if (l.status() != 200) {
                throw new AssertionError("sign-in failed: " + l.body());
            }
            return this;
        }

        /** The TOTP secret this browser's user enrolled with (base32), once enrolled through this browser. */
        public String totpSecret;
        /** The loginToken of the last sign-in that asked for a second step. */
        public String loginToken;

        /** @return the current code of this browser's TOTP secret, at the server's clock plus {@code stepsAhead}. */
        public String code(int stepsAhead) {
            return Totp.code(Base32.decode(totpSecret), Totp.step(clock.instant().getEpochSecond()) + stepsAhead);
        }

        /** Signs in with the password; keeps a loginToken if one comes back. */
        public Answer passwordStep(String email, String password) {
            Answer a = login(email, password);
            if (a.status() == 401 && a.json().containsKey("loginToken")) {
                loginToken = a.json().getString("loginToken");
            }
            return a;
        }

        /** Sends the current code for the kept loginToken; keeps the session on success. */
        public Answer codeStep(String path, String code) {
            Answer a = post(path, new JsonObject().put("loginToken", loginToken).put("code", code).encode());
            if (a.status() == 200) {
                csrfToken = a.json().getString("csrfToken");
                userId = a.json().getLong("userId");
            }
            return a;
        }

        /** Enrols and confirms TOTP from a signed-in session. */
        public Browser withTotp() {
            Answer enrol = post("/totp/enrol", null);
            if (enrol.status() != 200) {
                throw new AssertionError("enrolment failed: " + enrol.body());
            }
            totpSecret = enrol.json().getString("secret");
            Answer confirm = post("/totp/confirm", new JsonObject().put("code", code(0)).encode());
            if (confirm.status() != 200) {
                throw new AssertionError("confirmation failed: " + confirm.body());
            }
            return this;
        }

        public Answer post(String path, String json) {
            return send("POST", path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                    "application/json", csrfToken);
        }

        public Answer get(String path) {
            return send("GET", path, null, null, null);
        }

        public Answer delete(String path) {
            return send("DELETE", path, null, null, csrfToken);
        }

        public Answer send(String method, String path, byte[] body, String contentType, String csrf) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + NativeApi.PREFIX
                    + path)).timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (sessionCookie != null) {
                b.header("Cookie", sessionCookie);
            }
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().firstValue("Set-Cookie").ifPresent(c -> {
                    String pair = c.substring(0, c.indexOf(';'));
                    sessionCookie = pair.endsWith("=") ? null : pair;
                });
                return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Browser browser() {
        return new Browser();
    }

    /** @return the number of rows in a table: to show that a refused request changed nothing. */
    public long rows(String table) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        api.close();
        vertx.close().await();
        core.close();
        database.close();
    }
}
