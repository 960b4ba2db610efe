package io.lantau.app;

import io.lantau.app.platform.Platform;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.bench.api.ApiLoadDriver;
import io.lantau.bench.api.ApiLoadOptions;
import io.lantau.bench.api.ApiLoadReport;
import io.lantau.bench.api.TraderKey;
import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.config.Asset;
import io.lantau.gateway.binance.MarketFormat;
import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.journal.FsyncPolicy;
import io.lantau.store.account.ApiKeyPermissions;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.account.ApiKeyType;
import io.lantau.store.account.NewApiKey;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lantau bench api}: the API load driver ({@link ApiLoadDriver}) against a server. Without {@code --url} it
 * starts the whole platform in this process on a fresh temporary data directory (fsync group commit on, rate limits
 * off, listening on 127.0.0.1) and makes funded accounts with API keys directly; with {@code --url} it makes them
 * through the server's native API (register, log in, create a key) and funds them through the admin API. With
 * {@code --hello} it measures the bare HTTP stack instead: an {@link HttpGateway} with one route answering "hello".
 */
@Command(name = "api", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drive the REST API with signed orders from many connections and the WebSocket streams with "
                + "many subscribers; report throughput and latency (coordinated omission corrected)."})
final class ApiBenchCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Option(names = "--url", paramLabel = "URL", description = "A running server; default: start one in this "
            + "process on a fresh temporary data directory.")
    String url;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "With --url: the server's admin token "
            + "(default: read from --data-dir/admin.token).")
    String adminToken;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "With --url: the server's data directory, for "
            + "its admin token (default ./data).")
    Path dataDir;

    @Option(names = "--hello", description = "Measure the bare HTTP stack: GET /hello on an HttpGateway with no "
            + "other route (or --hello-path on --url).")
    boolean hello;

    @Option(names = "--hello-path", paramLabel = "PATH", defaultValue = "/hello",
            description = "Path of the hello route (default: ${DEFAULT-VALUE}).")
    String helloPath;

    @Option(names = "--rate", paramLabel = "R", description = "Offer R requests/s open loop, latency from each "
            + "request's intended send time; 0 = closed loop, flat out (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--connections", paramLabel = "N", description = "HTTP connections (default: ${DEFAULT-VALUE}).")
    int connections = 256;

    @Option(names = "--pipeline", paramLabel = "D", description = "Requests in flight per connection, HTTP/1.1 "
            + "pipelining above 1 (default: ${DEFAULT-VALUE}).")
    int pipeline = 1;

    @Option(names = "--subscribers", paramLabel = "M", description = "WebSocket subscribers to <symbol>@trade and "
            + "<symbol>@depth@100ms (default: ${DEFAULT-VALUE}).")
    int subscribers = 1_000;

    @Option(names = "--warmup", paramLabel = "S", description = "Seconds of load before measuring "
            + "(default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--duration", paramLabel = "S", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int duration = 10;

    @Option(names = "--accounts", paramLabel = "K", description = "Trading accounts, each with its own API key; "
            + "connections share them round robin (default: ${DEFAULT-VALUE}).")
    int accounts = 64;

    @Option(names = "--client-threads", paramLabel = "T", description = "Event loops of the driver "
            + "(default: ${DEFAULT-VALUE}).")
    int clientThreads = 1;

    @Option(names = "--symbol", defaultValue = "BTCHKD", description = "Market (default: ${DEFAULT-VALUE}).")
    String symbol;

    @Option(names = "--mid-price", defaultValue = "500000", description = "Orders are priced around this "
            + "(default: ${DEFAULT-VALUE}).")
    String midPrice;

    @Option(names = "--resting", paramLabel = "N", description = "Resting orders the flow keeps on the book "
            + "(default: ${DEFAULT-VALUE}).")
    int resting = 1_000;

    @Option(names = "--fsync", paramLabel = "every-batch|async", defaultValue = "every-batch",
            description = "Own server only: the journal's fsync policy (default: ${DEFAULT-VALUE}).")
    String fsync;

    @Option(names = "--seed", description = "Order-flow seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ApiLoadReport report;
        if (url != null) {
            List<TraderKey> keys = hello ? List.of() : new NativeApiAccounts(url, adminToken()).make(accounts,
                    symbol, log);
            report = new ApiLoadDriver(options(url, keys), log).run();
        } else if (hello) {
            Vertx vertx = Vertx.vertx();
            HttpGateway http = new HttpGateway(vertx);
            http.mount(router -> router.get(helloPath).handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "text/plain").end("hello")));
            try {
                int port = http.listen("127.0.0.1", 0, null);
                log.printf(Locale.ROOT, "bare HttpGateway listening on 127.0.0.1:%d%n", port);
                report = new ApiLoadDriver(options("http://127.0.0.1:" + port, List.of()), log).run();
            } finally {
                http.close();
                vertx.close().await();
            }
        } else {
            report = againstOwnPlatform(log);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return 0;
    }

    private ApiLoadOptions options(String baseUrl, List<TraderKey> keys) {
        return new ApiLoadOptions(baseUrl, symbol, midPrice, keys, connections, pipeline, rate, warmup, duration,
                subscribers, clientThreads, resting, hello, helloPath, seed);
    }

    private ApiLoadReport againstOwnPlatform(PrintWriter log) throws InterruptedException {
        Path dir;
        try {
            dir = Files.createTempDirectory("lantau-bench-api-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FsyncPolicy policy = switch (fsync.toLowerCase(Locale.ROOT)) {
            case "every-batch", "every_batch", "batch" -> FsyncPolicy.EVERY_BATCH;
            case "async", "off" -> FsyncPolicy.ASYNC;
            default -> throw new IllegalArgumentException("--fsync is every-batch or async");
        };
        PlatformConfig config = PlatformConfig.defaults().withDataDir(dir).withHost("127.0.0.1").withPort(0)
                .withRateLimits(RateLimits.UNLIMITED).withFsync(policy);
        try (Platform platform = Platform.start(config)) {
            log.printf(Locale.ROOT, "platform started on 127.0.0.1:%d (data %s, fsync %s)%n", platform.port(), dir,
                    policy);
            List<TraderKey> keys = new DirectAccounts(platform).make(accounts, symbol);
            log.printf(Locale.ROOT, "%d funded accounts with API keys%n", keys.size());
            log.flush();
            return new ApiLoadDriver(options("http://127.0.0.1:" + platform.port(), keys), log).run();
        } finally {
            deleteRecursively(dir);
        }
    }

    private String adminToken() throws IOException {
        if (adminToken != null) {
            return adminToken;
        }
        Path file = (dataDir == null ? Path.of("data") : dataDir).resolve("admin.token");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no admin token: give --admin-token or --data-dir (looked for " + file
                    + ")");
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing the run for.
        }
    }

    /** The amount every account gets of both assets of the traded market: far more than the run trades. */
    private static BigDecimal funding(Asset asset) {
        return asset.scale() >= 8 ? new BigDecimal("1000000") : new BigDecimal("100000000000");
    }

    /** Users, core accounts, keys and deposits made inside the platform, as its tests do. */
    private static final class DirectAccounts {
        private final Platform platform;
        private long depositId = 1;

        DirectAccounts(Platform platform) {
            this.platform = platform;
        }

        List<TraderKey> make(int count, String symbol) {
            MarketFormat market = platform.parts().markets.bySymbol(symbol);
            UserRepository users = new UserRepository(platform.parts().database.dataSource());
            ApiKeyRepository keys = new ApiKeyRepository(platform.parts().database.dataSource());
            List<TraderKey> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                User user = users.create("bench-" + i + "-" + hex(4) + "@example.com", "not-a-real-hash",
                        UserStatus.ACTIVE, Instant.now());
                expectOk(new OpenAccount(user.id(), AccountKind.CLIENT, 0));
                for (Asset asset : List.of(market.spec().base(), market.spec().quote())) {
                    expectOk(new Deposit(depositId++, user.id(), asset.assetId(),
                            asset.toMinor(funding(asset))));
                }
                String apiKey = "bench" + hex(24);
                String secret = hex(32);
                keys.create(new NewApiKey(user.id(), apiKey, ApiKeyType.HMAC_SHA256,
                        platform.parts().cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8)), null,
                        ApiKeyPermissions.TRADING, null, "bench", Instant.now()));
                made.add(new TraderKey(apiKey, secret));
            }
            return made;
        }

        private void expectOk(io.lantau.core.command.Command command) {
            CompletableFuture<CommandRecord> done = new CompletableFuture<>();
            if (!platform.parts().submitter.submit(command, (AppliedCommandListener) done::complete)) {
                throw new IllegalStateException("engine queue full");
            }
            try {
                ResultCode code = done.get(20, TimeUnit.SECONDS).code();
                if (code != ResultCode.OK) {
                    throw new IllegalStateException(command + " refused: " + code);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("no answer to " + command, e);
            }
        }
    }

    /**
     * Accounts made on a running server as a user and its operator would: register and log in through the native
     * API, create a trading key in the session, credit both assets through the admin API (demo mode). The native
     * API limits sign-ups and log-ins per address, so a few dozen accounts per minute at most.
     */
    private static final class NativeApiAccounts {
        private final String base;
        private final String adminToken;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        NativeApiAccounts(String url, String adminToken) {
            this.base = url.replaceAll("/+$", "");
            this.adminToken = adminToken;
        }

        List<TraderKey> make(int count, String symbol, PrintWriter log) throws IOException, InterruptedException {
            JsonObject info = new JsonObject(send("GET", "/api/v3/exchangeInfo?symbol=" + symbol, null).body());
            JsonObject s = info.getJsonArray("symbols").getJsonObject(0);
            List<String> assets = List.of(s.getString("baseAsset"), s.getString("quoteAsset"));
            List<TraderKey> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "bench-" + hex(6) + "@example.com";
                String password = "bench " + hex(12);
                JsonObject credentials = new JsonObject().put("email", email).put("password", password);
                expect(send("POST", "/api/lantau/v1/register", credentials), "register");
                HttpResponse<String> login = expect(send("POST", "/api/lantau/v1/login", credentials), "login");
                String cookie = login.headers().firstValue("Set-Cookie").orElse("").split(";", 2)[0];
                String csrf = new JsonObject(login.body()).getString("csrfToken");
                JsonObject key = new JsonObject(expect(send("POST", "/api/lantau/v1/api-keys", new JsonObject()
                        .put("label", "bench").put("permissions", new JsonObject().put("read", true)
                                .put("trade", true)), "Cookie", cookie, "X-CSRF-Token", csrf), "create key").body());
                for (String asset : assets) {
                    expect(send("POST", "/api/lantau/v1/admin/credit", new JsonObject().put("email", email)
                            .put("asset", asset).put("amount", asset.equals("BTC") || asset.equals("ETH")
                                    ? "1000000" : "100000000000"), "X-Lantau-Admin-Token", adminToken), "credit");
                }
                made.add(new TraderKey(key.getString("apiKey"), key.getString("secret")));
            }
            log.printf(Locale.ROOT, "%d accounts registered and funded through the native and admin APIs%n", count);
            return made;
        }

        private HttpResponse<String> send(String method, String path, JsonObject body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.encode()));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " failed: " + response.statusCode() + " " + response.body());
            }
            return response;
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
