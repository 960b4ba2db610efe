package io.lantau.app.platform;

import io.lantau.custody.fiat.PlatformBankAccount;
import io.lantau.gateway.limits.RateLimits;
import io.lantau.journal.FsyncPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link PlatformConfig}: defaults, then a properties file, then environment variables, each overriding the
 * last. Property names and their variables:
 * <pre>
 *   data.dir          LANTAU_DATA_DIR
 *   http.host         LANTAU_HOST
 *   http.port         LANTAU_PORT
 *   db.url            LANTAU_DB_URL          (jdbc:postgresql://…; absent: embedded H2)
 *   db.user           LANTAU_DB_USER
 *   db.password       LANTAU_DB_PASSWORD
 *   journal.fsync     LANTAU_FSYNC           (EVERY_BATCH, INTERVAL, ASYNC)
 *   journal.fsync.interval.ms  LANTAU_FSYNC_INTERVAL_MS
 *   journal.snapshot.every     LANTAU_SNAPSHOT_EVERY
 *   master.key        LANTAU_MASTER_KEY
 *   demo              LANTAU_DEMO            (true/false)
 *   admin.token       LANTAU_ADMIN_TOKEN
 *   limits.weight.per.minute   LANTAU_LIMIT_WEIGHT
 *   limits.orders.per.10s      LANTAU_LIMIT_ORDERS_10S
 *   limits.orders.per.day      LANTAU_LIMIT_ORDERS_DAY
 *   http.idle.timeout.seconds  LANTAU_HTTP_IDLE_TIMEOUT
 *   profile           LANTAU_PROFILE         (HK_VATP, CN_DIGITAL_COLLECTIBLES, OPEN or a profile file)
 *   reference.prices  LANTAU_REFERENCE_PRICES (BTC=750000,ETH=25000: valuation currency per whole unit)
 *   eth.rpc.url       LANTAU_ETH_RPC_URL     (absent: no on-chain custody)
 *   eth.account.xpub  LANTAU_ETH_ACCOUNT_XPUB ([fingerprint/44'/60'/0']xpub...; absent in demo mode: generated)
 *   eth.cold.xpub     LANTAU_ETH_COLD_XPUB   ([fingerprint/44'/60'/1']xpub...: sweeps go to its first address)
 *   eth.start.height  LANTAU_ETH_START_HEIGHT (where the first deposit scan starts)
 *   (environment only) LANTAU_HOT_KEY_OPERATOR_A, LANTAU_HOT_KEY_OPERATOR_B (the hot key's two operator secrets)
 *   bank.holder       LANTAU_BANK_HOLDER     (the platform's client-money account for fiat deposit instructions;
 *   bank.name         LANTAU_BANK_NAME        absent: the demo's made-up account)
 *   bank.bic          LANTAU_BANK_BIC
 *   bank.account      LANTAU_BANK_ACCOUNT
 * </pre>
 */
public final class PlatformConfigLoader {
    private PlatformConfigLoader() {
    }

    /**
     * @param file a properties file, or {@code null} for none.
     * @throws IllegalArgumentException with the offending setting for a bad value or unreadable file.
     */
    public static PlatformConfig load(Path file, Map<String, String> environment) {
        Properties p = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file)) {
                p.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + e.getMessage());
            }
        }
        Settings s = new Settings(p, environment);
        PlatformConfig d = PlatformConfig.defaults();
        RateLimits limits = new RateLimits(
                s.integer("limits.weight.per.minute", "LANTAU_LIMIT_WEIGHT", d.rateLimits().requestWeightPerMinute()),
                s.integer("limits.orders.per.10s", "LANTAU_LIMIT_ORDERS_10S", d.rateLimits().ordersPer10Seconds()),
                s.integer("limits.orders.per.day", "LANTAU_LIMIT_ORDERS_DAY", d.rateLimits().ordersPerDay()),
                d.rateLimits().requestsAfterLimitBeforeBan());
        String fsync = s.text("journal.fsync", "LANTAU_FSYNC", d.fsyncPolicy().name());
        FsyncPolicy policy;
        try {
            policy = FsyncPolicy.valueOf(fsync.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("journal.fsync must be EVERY_BATCH, INTERVAL or ASYNC, not " + fsync);
        }
        int port = s.integer("http.port", "LANTAU_PORT", d.port());
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http.port must be 0..65535, not " + port);
        }
        return new PlatformConfig(
                Path.of(s.text("data.dir", "LANTAU_DATA_DIR", d.dataDir().toString())),
                s.text("http.host", "LANTAU_HOST", d.host()),
                port,
                s.text("db.url", "LANTAU_DB_URL", null),
                s.text("db.user", "LANTAU_DB_USER", null),
                s.text("db.password", "LANTAU_DB_PASSWORD", null),
                policy,
                s.integer("journal.fsync.interval.ms", "LANTAU_FSYNC_INTERVAL_MS", (int) d.fsyncIntervalMillis()),
                s.integer("journal.snapshot.every", "LANTAU_SNAPSHOT_EVERY", (int) d.snapshotEveryCommands()),
                s.text("master.key", "LANTAU_MASTER_KEY", null),
                Boolean.parseBoolean(s.text("demo", "LANTAU_DEMO", Boolean.toString(d.demoMode()))),
                s.text("admin.token", "LANTAU_ADMIN_TOKEN", null),
                limits,
                s.integer("http.idle.timeout.seconds", "LANTAU_HTTP_IDLE_TIMEOUT", d.httpIdleTimeoutSeconds()),
                s.text("profile", "LANTAU_PROFILE", d.profile()),
                s.text("reference.prices", "LANTAU_REFERENCE_PRICES", d.referencePrices()),
                custody(s, environment, d.custody()));
    }

    /** The custody settings; the operators' secrets are read from the environment only, never from a file. */
    private static CustodyConfig custody(Settings s, Map<String, String> environment, CustodyConfig d) {
        String startHeight = s.text("eth.start.height", "LANTAU_ETH_START_HEIGHT", Long.toString(d.ethStartHeight()));
        long height;
        try {
            height = Long.parseLong(startHeight);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eth.start.height (LANTAU_ETH_START_HEIGHT) must be a whole number, not "
                    + startHeight);
        }
        PlatformBankAccount bank = d.bankAccount();
        String holder = s.text("bank.holder", "LANTAU_BANK_HOLDER", null);
        if (holder != null) {
            try {
                bank = new PlatformBankAccount(holder, s.text("bank.name", "LANTAU_BANK_NAME", ""),
                        s.text("bank.bic", "LANTAU_BANK_BIC", ""), s.text("bank.account", "LANTAU_BANK_ACCOUNT", ""));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bank.* (LANTAU_BANK_*) is not a bank account: " + e.getMessage());
            }
        }
        String operatorA = environment.get("LANTAU_HOT_KEY_OPERATOR_A");
        String operatorB = environment.get("LANTAU_HOT_KEY_OPERATOR_B");
        return new CustodyConfig(s.text("eth.rpc.url", "LANTAU_ETH_RPC_URL", d.ethRpcUrl()),
                s.text("eth.account.xpub", "LANTAU_ETH_ACCOUNT_XPUB", d.ethAccountXpub()), height,
                operatorA == null || operatorA.isBlank() ? null : operatorA,
                operatorB == null || operatorB.isBlank() ? null : operatorB, bank,
                s.text("eth.cold.xpub", "LANTAU_ETH_COLD_XPUB", d.ethColdXpub()));
    }

    /** One setting looked up in the environment first, then the file. */
    private record Settings(Properties file, Map<String, String> environment) {
        String text(String property, String variable, String fallback) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                value = file.getProperty(property);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String property, String variable, int fallback) {
            String value = text(property, variable, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " (" + variable + ") must be a whole number, not "
                        + value);
            }
        }
    }
}
