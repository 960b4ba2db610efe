package io.lantau.app.platform;

import io.lantau.gateway.http.HttpGateway;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.journal.FsyncPolicy;
import java.nio.file.Path;

/**
 * Everything {@code lantau serve} can be told. Built by {@link PlatformConfigLoader} from defaults, a properties file,
 * {@code LANTAU_*} environment variables and command-line options, in that order of precedence (last wins).
 *
 * @param dataDir        journal, snapshots, embedded database and generated keys live here.
 * @param host           address to listen on.
 * @param port           HTTP and WebSocket port; 0 picks a free one.
 * @param jdbcUrl        PostgreSQL URL for production, or {@code null} for the embedded H2 database under the data dir.
 * @param masterKey      encrypts secrets at rest; {@code null}: generated once into {@code <dataDir>/master.key}.
 * @param demoMode       demo funding (the faucet) is allowed; off in production configuration.
 * @param adminToken     token of the operator's admin API; {@code null}: generated into {@code <dataDir>/admin.token}.
 * @param httpIdleTimeoutSeconds an HTTP connection that sends and receives nothing this long is closed.
 * @param profile        the jurisdiction profile in force: a built-in id ({@code HK_VATP}, the default;
 *                       {@code CN_DIGITAL_COLLECTIBLES}; {@code OPEN}) or the path of a profile JSON file.
 * @param referencePrices initial reference prices for exposure limits (HK-04), {@code ASSET=PRICE,...} in whole units of
 *                       the profile's valuation currency (e.g. {@code BTC=750000,ETH=25000}); {@code null} for none. The
 *                       platform replaces them with last trade prices as trading happens.
 */
public record PlatformConfig(
        Path dataDir,
        String host,
        int port,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        FsyncPolicy fsyncPolicy,
        long fsyncIntervalMillis,
        long snapshotEveryCommands,
        String masterKey,
        boolean demoMode,
        String adminToken,
        RateLimits rateLimits,
        int httpIdleTimeoutSeconds,
        String profile,
        String referencePrices) {

    /**
     * Reference prices for the demo (HKD per whole unit), so that a retail client on a fresh demo platform can buy
     * before the first trade; a production configuration sets its own or none.
     */
    public static final String DEMO_REFERENCE_PRICES = "BTC=750000,ETH=25000";

    /** The embedded defaults: everything under {@code ./data}, port 8080, fsync per batch, demo mode on. */
    public static PlatformConfig defaults() {
        return new PlatformConfig(Path.of("data"), "0.0.0.0", 8080, null, null, null, FsyncPolicy.EVERY_BATCH, 5,
                1_000_000, null, true, null, RateLimits.BINANCE_DEFAULTS,
                HttpGateway.DEFAULT_IDLE_TIMEOUT_SECONDS, "HK_VATP", DEMO_REFERENCE_PRICES);
    }

    public PlatformConfig withDataDir(Path dir) {
        return new PlatformConfig(dir, host, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy, fsyncIntervalMillis,
                snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withPort(int newPort) {
        return new PlatformConfig(dataDir, host, newPort, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withHost(String newHost) {
        return new PlatformConfig(dataDir, newHost, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withRateLimits(RateLimits limits) {
        return new PlatformConfig(dataDir, host, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, limits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withDatabase(String url, String user, String password) {
        return new PlatformConfig(dataDir, host, port, url, user, password, fsyncPolicy, fsyncIntervalMillis,
                snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withFsync(FsyncPolicy policy) {
        return new PlatformConfig(dataDir, host, port, jdbcUrl, jdbcUser, jdbcPassword, policy, fsyncIntervalMillis,
                snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, referencePrices);
    }

    public PlatformConfig withHttpIdleTimeoutSeconds(int seconds) {
        return new PlatformConfig(dataDir, host, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits, seconds, profile, referencePrices);
    }

    public PlatformConfig withProfile(String newProfile) {
        return new PlatformConfig(dataDir, host, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, newProfile, referencePrices);
    }

    public PlatformConfig withReferencePrices(String prices) {
        return new PlatformConfig(dataDir, host, port, jdbcUrl, jdbcUser, jdbcPassword, fsyncPolicy,
                fsyncIntervalMillis, snapshotEveryCommands, masterKey, demoMode, adminToken, rateLimits,
                httpIdleTimeoutSeconds, profile, prices);
    }

    /** Never prints the master key, the admin token or the database password. */
    @Override
    public String toString() {
        return "PlatformConfig{dataDir=" + dataDir + ", listen=" + host + ":" + port + ", database="
                + (jdbcUrl == null ? "embedded H2" : jdbcUrl.replaceAll("password=[^&;]*", "password=***"))
                + ", fsync=" + fsyncPolicy + ", demoMode=" + demoMode + ", profile=" + profile + "}";
    }
}
