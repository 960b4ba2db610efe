package io.lantau.app;

import io.lantau.app.platform.Platform;
import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lantau serve}: the whole platform in this process on embedded defaults (file journal and H2 under
 * {@code ./data}, HTTP and WebSocket on port 8080, demo mode). A configuration file and {@code LANTAU_*} environment
 * variables override the defaults; {@code --data-dir} and {@code --port} override everything. Runs until stopped
 * (SIGTERM or Ctrl-C), then shuts down in order; a crash is recovered on the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the platform: exchange core, journal, store, REST and WebSocket APIs.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (default: <data dir>/lantau.properties if it exists).")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./data).")
    Path dataDir;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 for any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 0.0.0.0).")
    String host;

    @Option(names = "--profile", paramLabel = "ID|FILE",
            description = "Jurisdiction profile: HK_VATP (default), CN_DIGITAL_COLLECTIBLES, OPEN, or a profile file.")
    String profile;

    @Override
    public Integer call() throws InterruptedException {
        PlatformConfig config = load();
        Platform platform = Platform.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "lantau-shutdown"));
        printBanner(spec.commandLine().getOut(), config, platform.port());
        stopped.await();
        return 0;
    }

    private PlatformConfig load() {
        Path file = configFile;
        PlatformConfig config = PlatformConfigLoader.load(file, System.getenv());
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        if (file == null && Files.exists(config.dataDir().resolve("lantau.properties"))) {
            config = PlatformConfigLoader.load(config.dataDir().resolve("lantau.properties"), System.getenv());
            if (dataDir != null) {
                config = config.withDataDir(dataDir);
            }
        }
        if (port != null) {
            config = config.withPort(port);
        }
        if (host != null) {
            config = config.withHost(host);
        }
        if (profile != null) {
            config = config.withProfile(profile);
        }
        return config;
    }

    private static void printBanner(PrintWriter out, PlatformConfig config, int port) {
        String base = "http://localhost:" + port;
        out.println();
        out.println("Lantau is running" + (config.demoMode() ? " in demo mode (demo funding is on)" : ""));
        out.println("  Web:        " + base + "/");
        out.println("  REST API:   " + base + "/api/v3            (Binance-compatible; native: /api/lantau/v1)");
        out.println("  WebSocket:  ws://localhost:" + port + "/ws  and  ws://localhost:" + port + "/ws-api/v3");
        out.println("  Health:     " + base + "/health   Metrics: " + base + "/metrics");
        out.println("  Data:       " + config.dataDir().toAbsolutePath() + " (journal, snapshots, "
                + (config.jdbcUrl() == null ? "H2 database" : "PostgreSQL") + ")");
        out.println("  Profile:    " + config.profile() + "  (GET " + base + "/api/lantau/v1/profile)");
        out.println();
        if (!"OPEN".equals(config.profile())) {
            out.println("Under " + config.profile() + " a new client signs in with TOTP and trades once onboarded (KYC"
                    + " approved by a compliance officer, and for retail clients the knowledge test, risk profile and"
                    + " risk disclosures): see README, Licensing. To try trading at once, start with --profile OPEN.");
            out.println();
        }
        out.println("Get an API key (in another terminal; under --profile OPEN):");
        out.println("  ./lantau admin create-user --email you@example.com --password 'a long passphrase'");
        out.println("  ./lantau admin create-api-key --email you@example.com --password 'a long passphrase' --trade");
        if (config.demoMode()) {
            out.println("  ./lantau admin credit --email you@example.com --asset HKD --amount 1000000");
        }
        out.println("Then point CCXT or any Binance client at " + base + "/api/v3. Stop with Ctrl-C.");
        out.flush();
    }
}
