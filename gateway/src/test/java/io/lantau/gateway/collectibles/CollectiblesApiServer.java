package io.lantau.gateway.collectibles;

import io.lantau.collectibles.Collectibles;
import io.lantau.collectibles.Identities;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityServices;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.security.Totp;
import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.nativeapi.NativeApi;
import io.lantau.gateway.nativeapi.NativeApiSettings;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.Database;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.dispatch.ProjectionDispatcher;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real gateway on a free port with the native API and the collectibles endpoints mounted, an H2 store, a real core
 * behind a journal-less submitter stamped by the test's clock, and a clock the test moves. Real-name verification is
 * a set the test fills (the service tests use the real onboarding service).
 */
final class CollectiblesApiServer implements AutoCloseable {
    static final NativeApiSettings SETTINGS = NativeApiSettings.DEFAULTS
            .withHashing(new NativeApiSettings.HashingCost(64, 1, 1, 2)).withAuthRequestsPerIpMinute(10_000);

    final TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    final Set<Long> verified = ConcurrentHashMap.newKeySet();
    final Database database;
    final Submitter core = new Submitter(clock);
    final SecurityServices security;
    final Collectibles collectibles;
    private final Vertx vertx = Vertx.vertx();
    private final NativeApi api;
    private final HttpGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    CollectiblesApiServer(Path dir, String profile) {
        database = Database.openH2(dir.resolve("db"));
        SecretCipher cipher = new SecretCipher("test-master-key-0123456789");
        security = SecurityServices.create(database.dataSource(), NativeApi.sealer(cipher), SecurityAuditSink.NONE,
                clock);
        api = new NativeApi(vertx, database.dataSource(), cipher,
                new StoredApiKeys(new ApiKeyRepository(database.dataSource()), cipher), core, SETTINGS, clock,
                security);
        Identities identities = account -> verified.contains(account)
                ? Optional.of(new Identities.VerifiedIdentity(account, LocalDate.of(1990, 1, 1)))
                : Optional.empty();
        collectibles = Collectibles.create(database.dataSource(), ProfileLoader.standard().loadBuiltIn(profile),
                StandardMarkets.config().assets(), identities, (account, address) -> false, core,
                dir.resolve("media"), null, clock);
        api.add(new CollectiblesEndpoints(collectibles, new StaffAccess(security.staff(), security.totp())));
        gateway = new HttpGateway(vertx).allowLargeBodies(NativeApi.PREFIX + CollectiblesEndpoints.MEDIA_PATH)
                .mount(api::mount);
        port = gateway.listen("127.0.0.1", 0, null);
    }

    /** One HTTP answer. */
    record Answer(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }

        String code() {
            return json().getString("code");
        }
    }

    /** A signed-in user: its session cookie, CSRF token and id (= core account id). */
    final class User {
        String cookie;
        String csrf;
        long id;

        User(String email) {
            String password = "a long enough passphrase 42";
            expect(post("/register", new JsonObject().put("email", email).put("password", password)), 201);
            Answer login = expect(post("/login", new JsonObject().put("email", email).put("password", password)),
                    200);
            csrf = login.json().getString("csrfToken");
            id = login.json().getLong("userId");
        }

        /** Makes this user staff with TOTP on. */
        User staff(StaffRole role) {
            security.staff().bootstrap(id, role, Instant.EPOCH);
            String secret = expect(post("/totp/enrol", null), 200).json().getString("secret");
            String code = Totp.code(Base32.decode(secret), Totp.step(clock.instant().getEpochSecond()));
            expect(post("/totp/confirm", new JsonObject().put("code", code)), 200);
            return this;
        }

        Answer post(String path, JsonObject body) {
            return send("POST", path, body == null ? null : body.encode().getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }

        Answer get(String path) {
            return send("GET", path, null, null);
        }

        Answer delete(String path) {
            return send("DELETE", path, null, null);
        }

        Answer send(String method, String path, byte[] body, String contentType) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + NativeApi.PREFIX
                    + path)).timeout(Duration.ofSeconds(30)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
                return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Answer expect(Answer a, int status) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + " but got " + a.status() + ": " + a.body());
        }
        return a;
    }

    /** The core without a journal; commands stamped with the test clock's time. */
    static final class Submitter implements CommandSubmitter, AutoCloseable {
        private final ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        private final ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(), List.of());
        private final Clock clock;
        private long sequence;

        Submitter(Clock clock) {
            this.clock = clock;
            dispatcher.start(() -> Long.MAX_VALUE, 0);
        }

        @Override
        public synchronized boolean submit(Command command, AppliedCommandListener listener) {
            long seq = ++sequence;
            long nanos = Duration.between(Instant.EPOCH, clock.instant()).toNanos();
            dispatcher.engineBoundaries().onCommandStart(seq, nanos, command, listener);
            ResultCode code = core.apply(seq, nanos, command, dispatcher.engineEvents());
            dispatcher.engineBoundaries().onCommandEnd(seq, code);
            return true;
        }

        /** Sends a set-up command (a deposit) and waits for its result. */
        ResultCode apply(Command command) {
            java.util.concurrent.CompletableFuture<ResultCode> done = new java.util.concurrent.CompletableFuture<>();
            submit(command, record -> done.complete(record.code()));
            return done.join();
        }

        synchronized String stateHash() {
            return core.stateHashHex();
        }

        synchronized long available(long account, int asset) {
            return core.availableMinor(account, asset);
        }

        synchronized long ownerOf(long item) {
            return core.item(item).ownerAccountId();
        }

        @Override
        public void close() {
            dispatcher.close();
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
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
