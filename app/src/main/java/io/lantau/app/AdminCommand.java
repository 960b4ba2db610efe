package io.lantau.app;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lantau admin}: operator tasks against a running {@code lantau serve}. Users and API keys go through the
 * native API as the user would (registration, then a session to create the key: the secret is shown once); demo
 * funding and market status go through the admin API with the admin token from the data directory.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Operator tasks against a running server: users, API keys, demo funds, market status.",
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.CreateApiKey.class, AdminCommand.Credit.class,
            AdminCommand.SetMarketStatus.class, AdminCommand.SetRetailAccess.class, AdminCommand.NameStaff.class})
final class AdminCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the server is and how to prove to be its operator. */
    static final class Server {
        @Option(names = "--url", paramLabel = "URL", description = "Server address (default http://localhost:<port>).")
        String url;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data directory (default ./data)"
                + " for its admin token and port.")
        Path dataDir;

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        PlatformConfig config() {
            PlatformConfig config = PlatformConfigLoader.load(null, System.getenv());
            return dataDir == null ? config : config.withDataDir(dataDir);
        }

        String baseUrl() {
            return url != null ? url.replaceAll("/+$", "") : "http://localhost:" + config().port();
        }

        String adminToken() throws IOException {
            PlatformConfig config = config();
            if (config.adminToken() != null) {
                return config.adminToken();
            }
            Path file = config.dataDir().resolve("admin.token");
            if (!Files.exists(file)) {
                throw new IllegalStateException("no admin token at " + file + ": is the server's data directory "
                        + config.dataDir() + "? (--data-dir)");
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw new IllegalStateException("cannot reach " + baseUrl() + ": is 'lantau serve' running?");
            }
        }

        HttpResponse<String> postJson(String path, JsonObject body, String... headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(request);
        }

        /** Posts {@code body} to the admin API's {@code action} with the operator's token; @return the exit code. */
        int admin(PrintWriter out, String action, JsonObject body) throws IOException, InterruptedException {
            return report(out, postJson("/api/lantau/v1/admin/" + action, body, "X-Lantau-Admin-Token", adminToken()));
        }

        static int report(PrintWriter out, HttpResponse<String> response) {
            out.println(response.body());
            out.flush();
            return response.statusCode() / 100 == 2 ? 0 : 1;
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Register a user.")
    static final class CreateUser implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--password", required = true, description = "At least 12 characters, not a known breached one.")
        String password;
        @Option(names = "--residency", description = "ISO 3166-1 alpha-2 country of residence (required where the "
                + "profile onboards with KYC, e.g. HK).")
        String residency;

        @Override
        public Integer call() throws Exception {
            JsonObject body = new JsonObject().put("email", email).put("password", password);
            if (residency != null) {
                body.put("residency", residency);
            }
            return Server.report(spec.commandLine().getOut(), server.postJson("/api/lantau/v1/register", body));
        }
    }

    @Command(name = "create-api-key", mixinStandardHelpOptions = true,
            description = "Create an HMAC API key for a user; the secret is printed once.")
    static final class CreateApiKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--password", required = true)
        String password;
        @Option(names = "--trade", description = "Allow trading (off by default, as on Binance).")
        boolean trade;
        @Option(names = "--label", defaultValue = "created by lantau admin")
        String label;
        @Option(names = "--ip", split = ",", description = "Allowed client addresses or CIDR blocks.")
        java.util.List<String> ips;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            HttpResponse<String> login = server.postJson("/api/lantau/v1/login",
                    new JsonObject().put("email", email).put("password", password));
            if (login.statusCode() != 200) {
                return Server.report(out, login);
            }
            String cookie = login.headers().firstValue("Set-Cookie").orElse("").split(";", 2)[0];
            String csrf = new JsonObject(login.body()).getString("csrfToken");
            JsonObject request = new JsonObject().put("label", label)
                    .put("permissions", new JsonObject().put("read", true).put("trade", trade));
            if (ips != null) {
                request.put("ipAllowlist", new JsonArray(ips));
            }
            return Server.report(out, server.postJson("/api/lantau/v1/api-keys", request, "Cookie", cookie,
                    "X-CSRF-Token", csrf));
        }
    }

    @Command(name = "credit", mixinStandardHelpOptions = true,
            description = "Demo faucet: credit a user's account (only when the server runs in demo mode).")
    static final class Credit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--email", description = "The user to credit.")
        String email;
        @Option(names = "--account", description = "Or the core account id.")
        Long accountId;
        @Option(names = "--asset", required = true)
        String asset;
        @Option(names = "--amount", required = true, description = "Decimal amount, e.g. 1000000 or 0.5.")
        String amount;

        @Override
        public Integer call() throws Exception {
            if ((email == null) == (accountId == null)) {
                throw new IllegalArgumentException("give exactly one of --email and --account");
            }
            JsonObject body = new JsonObject().put("asset", asset).put("amount", amount);
            if (email != null) {
                body.put("email", email);
            } else {
                body.put("accountId", accountId);
            }
            return server.admin(spec.commandLine().getOut(), "credit", body);
        }
    }

    @Command(name = "set-market-status", mixinStandardHelpOptions = true,
            description = "Set a market TRADING, CANCEL_ONLY or HALTED.")
    static final class SetMarketStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--symbol", required = true, description = "e.g. BTCHKD")
        String symbol;
        @Option(names = "--status", required = true, description = "TRADING, CANCEL_ONLY or HALTED")
        String status;

        @Override
        public Integer call() throws Exception {
            return server.admin(spec.commandLine().getOut(), "market-status",
                    new JsonObject().put("symbol", symbol).put("status", status));
        }
    }

    @Command(name = "set-retail-access", mixinStandardHelpOptions = true,
            description = "What retail clients may do in a market: ELIGIBLE, SELL_ONLY or NOT_ELIGIBLE (HK-10, HK-14).")
    static final class SetRetailAccess implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--symbol", required = true, description = "e.g. BTCHKD")
        String symbol;
        @Option(names = "--access", required = true, description = "ELIGIBLE, SELL_ONLY or NOT_ELIGIBLE")
        String access;

        @Override
        public Integer call() throws Exception {
            return server.admin(spec.commandLine().getOut(), "retail-access",
                    new JsonObject().put("symbol", symbol).put("access", access));
        }
    }

    @Command(name = "name-staff", mixinStandardHelpOptions = true,
            description = "Name the first holder of a staff role (once per role; later changes go through "
                    + "maker-checker, HK-17).")
    static final class NameStaff implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Server server;
        @Option(names = "--email", required = true, description = "A registered user.")
        String email;
        @Option(names = "--role", required = true,
                description = "OPERATOR_ADMIN, COMPLIANCE_OFFICER, CUSTODY_OFFICER or AUDITOR")
        String role;

        @Override
        public Integer call() throws Exception {
            return server.admin(spec.commandLine().getOut(), "staff",
                    new JsonObject().put("email", email).put("role", role));
        }
    }
}
