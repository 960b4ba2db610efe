package io.lantau.gateway.nativeapi;

import io.lantau.store.dispatch.DirectCommandSubmitter;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityServices;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.security.Totp;
import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.reserves.EthereumControlProofVerifier;
import io.lantau.custody.reserves.LiabilitySnapshot;
import io.lantau.custody.reserves.ReservesPublisher;
import io.lantau.custody.reserves.ReservesRepository;
import io.lantau.custody.reserves.ReservesVerification;
import io.lantau.custody.reserves.ReservesVerifier;
import io.lantau.gateway.auth.SecretCipher;
import io.lantau.gateway.auth.StoredApiKeys;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.reserves.ReservesEndpoints;
import io.lantau.store.Database;
import io.lantau.store.account.ApiKeyRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof-of-reserves endpoints ({@link ReservesEndpoints}) through a real server, with a real core whose
 * liabilities are snapshotted by replaying its commands into a copy, as recovery would (PoR-1, PoR-2).
 */
class NativeApiReservesTest {
    private static final String PASSWORD = "violet-harbour-lantern-42";
    private static final int BTC = StandardMarkets.BTC.assetId();
    private static final int HKD = StandardMarkets.HKD.assetId();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final DirectCommandSubmitter core = new DirectCommandSubmitter();
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Database database;
    private SecurityServices security;
    private NativeApi api;
    private HttpGateway gateway;
    private ReservesRepository repository;
    private int port;
    private long depositIds;

    @BeforeEach
    void start() {
        database = Database.openH2(dir);
        SecretCipher cipher = new SecretCipher("test-master-key-0123456789");
        security = SecurityServices.create(database.dataSource(), NativeApi.sealer(cipher), SecurityAuditSink.NONE,
                clock);
        api = new NativeApi(vertx, database.dataSource(), cipher,
                new StoredApiKeys(new ApiKeyRepository(database.dataSource()), cipher), core,
                NativeApiServer.TEST_SETTINGS, clock, security);
        repository = new ReservesRepository(database.dataSource());
        ReservesPublisher publisher = new ReservesPublisher(this::liabilities, repository, new SecureRandom(), clock);
        // No chain node here: the report's on-chain side runs against anvil in the custody module's tests.
        api.add(new ReservesEndpoints(repository, publisher, api.staffAccess(), Map.of(),
                Map.of("ETH", new EthereumControlProofVerifier())));
        gateway = new HttpGateway(vertx).mount(api::mount);
        port = gateway.listen("127.0.0.1", 0, null);
    }

    @AfterEach
    void stop() {
        gateway.close();
        api.close();
        vertx.close().await();
        core.close();
        database.close();
    }

    /** The core's liabilities now, read under the submitter's lock while nothing is applied. */
    private LiabilitySnapshot liabilities() {
        synchronized (core) {
            return LiabilitySnapshot.fromCore(core.core(), Set.of(), clock.instant());
        }
    }

    private void deposit(long accountId, int assetId, long amountMinor) throws Exception {
        CompletableFuture<Object> applied = new CompletableFuture<>();
        assertThat(core.submit(new Deposit(++depositIds, accountId, assetId, amountMinor), applied::complete))
                .isTrue();
        applied.get(10, TimeUnit.SECONDS);
    }

    private record Answer(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String code() {
            return json().getString("code");
        }
    }

    /** One browser: a session cookie and its CSRF token. */
    private final class Browser {
        String cookie;
        String csrf;
        long userId;

        Browser signedUp(String email) {
            JsonObject credentials = new JsonObject().put("email", email).put("password", PASSWORD);
            assertThat(post("/register", credentials.encode()).status()).isEqualTo(201);
            Answer login = post("/login", credentials.encode());
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            csrf = login.json().getString("csrfToken");
            userId = login.json().getLong("userId");
            return this;
        }

        Browser staff(StaffRole role) {
            security.staff().bootstrap(userId, role, Instant.EPOCH);
            String secret = post("/totp/enrol", null).json().getString("secret");
            String code = Totp.code(Base32.decode(secret), Totp.step(clock.instant().getEpochSecond()));
            assertThat(post("/totp/confirm", new JsonObject().put("code", code).encode()).status()).isEqualTo(200);
            return this;
        }

        Answer get(String path) {
            return send("GET", path, null);
        }

        Answer post(String path, String json) {
            return send("POST", path, json);
        }

        private Answer send(String method, String path, String json) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + NativeApi.PREFIX
                    + path)).timeout(Duration.ofSeconds(20)).method(method, json == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (csrf != null) {
                b.header("X-CSRF-Token", csrf);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
                r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
                return new Answer(r.statusCode(), r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    private static ReservesVerification verify(Answer proof, long accountId) {
        return ReservesVerifier.verify(proof.body(), OptionalLong.of(accountId));
    }

    @Test
    void shouldPublishOnDemandAndGiveEachClientOnlyTheirOwnProof() throws Exception {
        Browser alice = new Browser().signedUp("alice@example.com");
        Browser bob = new Browser().signedUp("bob@example.com");
        Browser officer = new Browser().signedUp("custody@example.com").staff(StaffRole.CUSTODY_OFFICER);
        deposit(alice.userId, BTC, 150_000_000);
        deposit(bob.userId, HKD, 50_000);

        Answer published = officer.post("/staff/reserves/roots", null);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Answer root = new Browser().get("/reserves/root");
        assertThat(root.status()).as(root.body()).isEqualTo(200);
        assertThat(root.json()).isEqualTo(published.json());
        JsonObject rootJson = root.json().getJsonObject("root");
        assertThat(rootJson.getJsonObject("totals").getString("BTC")).isEqualTo("1.5");
        assertThat(rootJson.getJsonObject("totals").getString("HKD")).isEqualTo("500");
        assertThat(rootJson.getInteger("leafCount")).isEqualTo(3);

        Answer aliceProof = alice.get("/reserves/proof");
        Answer bobProof = bob.get("/reserves/proof");
        assertThat(aliceProof.status()).as(aliceProof.body()).isEqualTo(200);
        ReservesVerification aliceVerified = verify(aliceProof, alice.userId);
        assertThat(aliceVerified.verified()).as(aliceVerified.failure()).isTrue();
        assertThat(aliceVerified.proof().root().rootHash()).isEqualTo(rootJson.getString("rootHash"));
        assertThat(aliceProof.json().getJsonObject("leaf").getJsonObject("balances").getString("BTC"))
                .isEqualTo("1.5");
        assertThat(verify(bobProof, bob.userId).verified()).isTrue();
        assertThat(verify(aliceProof, bob.userId).verified()).as("alice got her own leaf, not bob's").isFalse();
        assertThat(verify(bobProof, alice.userId).verified()).isFalse();
        long rootId = root.json().getLong("id");
        assertThat(alice.get("/reserves/proof?rootId=" + rootId).body()).isEqualTo(aliceProof.body());
    }

    @Test
    void shouldRefuseBadInputWithStableCodes() {
        Browser alice = new Browser().signedUp("alice@example.com");
        Browser officer = new Browser().signedUp("custody@example.com").staff(StaffRole.CUSTODY_OFFICER);

        assertRefused(new Browser().get("/reserves/root"), 404, "RESERVES_ROOT_NOT_FOUND");
        assertRefused(alice.get("/reserves/proof"), 404, "RESERVES_ROOT_NOT_FOUND");
        assertThat(officer.post("/staff/reserves/roots", null).status()).isEqualTo(201);

        assertRefused(new Browser().get("/reserves/proof"), 401, "UNAUTHENTICATED");
        assertRefused(alice.get("/reserves/proof?rootId=abc"), 400, "INVALID_RESERVES_ROOT_ID");
        assertRefused(alice.get("/reserves/proof?rootId=0"), 400, "INVALID_RESERVES_ROOT_ID");
        assertRefused(new Browser().get("/reserves/root?rootId=-1"), 400, "INVALID_RESERVES_ROOT_ID");
        assertRefused(alice.get("/reserves/proof?rootId=99999999999999999999"), 400, "INVALID_RESERVES_ROOT_ID");
        assertRefused(alice.get("/reserves/proof?rootId=999"), 404, "RESERVES_ROOT_NOT_FOUND");
        Browser late = new Browser().signedUp("late@example.com");
        assertRefused(late.get("/reserves/proof"), 404, "NOT_IN_RESERVES_ROOT");
    }

    @Test
    void shouldLetOnlyCustodyStaffPublishAndPublishNothingOnARefusal() {
        Browser client = new Browser().signedUp("client@example.com");
        Browser auditor = new Browser().signedUp("auditor@example.com").staff(StaffRole.AUDITOR);
        Browser officer = new Browser().signedUp("custody@example.com").staff(StaffRole.CUSTODY_OFFICER);

        assertRefused(client.post("/staff/reserves/roots", null), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(auditor.post("/staff/reserves/roots", null), 403, "STAFF_ROLE_REQUIRED");
        assertRefused(officer.post("/staff/reserves/roots", "{\"at\":1}"), 400, "UNKNOWN_FIELD");
        String csrf = officer.csrf;
        officer.csrf = null;
        assertRefused(officer.post("/staff/reserves/roots", null), 403, "CSRF_TOKEN_INVALID");
        officer.csrf = csrf;
        assertThat(repository.latest()).isEmpty();

        Answer published = officer.post("/staff/reserves/roots", null);

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(repository.latest()).hasValueSatisfying(r -> assertThat(r.id())
                .isEqualTo(published.json().getLong("id")));
    }

    @Test
    void shouldReportTheAssetSideToCustodyStaffAndAuditorsOnly() throws Exception {
        Browser alice = new Browser().signedUp("alice@example.com");
        Browser officer = new Browser().signedUp("custody@example.com").staff(StaffRole.CUSTODY_OFFICER);
        Browser auditor = new Browser().signedUp("auditor@example.com").staff(StaffRole.AUDITOR);
        deposit(alice.userId, BTC, 150_000_000);
        deposit(alice.userId, HKD, 50_000);
        assertThat(officer.post("/staff/reserves/roots", null).status()).isEqualTo(201);
        String body = new JsonObject().put("fiat", new io.vertx.core.json.JsonArray().add(new JsonObject()
                .put("asset", "HKD").put("amount", "500.00").put("bankAccount", "HSBC 123-456789-001"))).encode();

        Answer report = officer.post("/staff/reserves/report", body);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().getBoolean("assetsCoverLiabilities")).isFalse();
        assertThat(report.json().getJsonArray("assets").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("asset").equals("HKD")).findFirst().orElseThrow())
                .isEqualTo(new JsonObject().put("asset", "HKD").put("liabilities", "500").put("onChain", "0")
                        .put("fiat", "500").put("assets", "500").put("covered", true));
        assertThat(report.json().getJsonArray("assets").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("asset").equals("BTC")).findFirst().orElseThrow().getBoolean("covered"))
                .as("1.5 BTC owed, no BTC address given").isFalse();
        assertThat(auditor.post("/staff/reserves/report", body).json()).isEqualTo(report.json());
        assertRefused(alice.post("/staff/reserves/report", body), 403, "STAFF_ROLE_REQUIRED");
    }

    @Test
    void shouldRefuseAReportInputThatCannotBeUsed() {
        Browser officer = new Browser().signedUp("custody@example.com").staff(StaffRole.CUSTODY_OFFICER);
        assertRefused(officer.post("/staff/reserves/report", "{}"), 404, "RESERVES_ROOT_NOT_FOUND");
        assertThat(officer.post("/staff/reserves/roots", null).status()).isEqualTo(201);

        assertRefused(officer.post("/staff/reserves/report", fiat("HKD", "\"1.001\"")), 400, "INVALID_VALUE");
        assertRefused(officer.post("/staff/reserves/report", fiat("HKD", "1")), 400, "WRONG_TYPE");
        assertRefused(officer.post("/staff/reserves/report", fiat("XYZ", "\"1\"")), 400,
                "INVALID_RESERVES_REPORT_INPUT");
        assertRefused(officer.post("/staff/reserves/report", fiat("HKD", "\"-1\"")), 400,
                "INVALID_RESERVES_REPORT_INPUT");
        assertRefused(officer.post("/staff/reserves/report", "{\"addresses\":[{\"chain\":\"ETH\",\"address\":"
                + "\"0x0000000000000000000000000000000000000001\",\"signature\":\"0x00\"}]}"), 400,
                "INVALID_RESERVES_REPORT_INPUT");
        assertRefused(officer.post("/staff/reserves/report", "{\"rootId\":0}"), 400, "INVALID_VALUE");
        assertRefused(officer.post("/staff/reserves/report", "{\"rootId\":77}"), 404, "RESERVES_ROOT_NOT_FOUND");
        assertRefused(officer.post("/staff/reserves/report", "{\"extra\":1}"), 400, "UNKNOWN_FIELD");
        assertRefused(officer.post("/staff/reserves/report", null), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static String fiat(String asset, String amountJson) {
        return "{\"fiat\":[{\"asset\":\"" + asset + "\",\"amount\":" + amountJson
                + ",\"bankAccount\":\"HSBC 1\"}]}";
    }
}
