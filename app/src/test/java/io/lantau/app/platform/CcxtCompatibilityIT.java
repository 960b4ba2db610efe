package io.lantau.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.config.StandardMarkets;
import io.lantau.gateway.limits.RateLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CCXT from the npm registry (pinned, installed here if missing), configured as BINANCE_COMPAT.md §1 says and
 * otherwise unmodified, trades on a real platform: markets, tickers, books, candles, trades, balances, every order
 * call, the WebSocket feeds, and CCXT's own exception for each kind of error.
 */
class CcxtCompatibilityIT {
    private static final Path CCXT_DIR = Path.of("src", "test", "ccxt");

    @TempDir
    Path dataDir;

    @Test
    void shouldDriveThePlatformWithUnmodifiedCcxt() throws Exception {
        installCcxtIfMissing();
        PlatformConfig config = PlatformHarness.openDefaults().withRateLimits(new RateLimits(100_000, 50, 200_000, 1_000));
        try (PlatformHarness harness = new PlatformHarness(dataDir, config)) {
            PlatformHarness.Trader a = harness.trader();
            PlatformHarness.Trader b = harness.trader();
            PlatformHarness.Trader c = harness.trader();
            harness.deposit(a.accountId(), StandardMarkets.BTC.assetId(), 200_000_000L);
            harness.deposit(b.accountId(), StandardMarkets.HKD.assetId(), 100_000_000_00L);
            harness.deposit(c.accountId(), StandardMarkets.HKD.assetId(), 10_000_000_00L);

            ProcessBuilder node = new ProcessBuilder("node", "compatibility.mjs").directory(CCXT_DIR.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = node.environment();
            env.put("LANTAU_URL", harness.baseUrl());
            env.put("A_KEY", a.apiKey());
            env.put("A_SECRET", a.secret());
            env.put("B_KEY", b.apiKey());
            env.put("B_SECRET", b.secret());
            env.put("C_KEY", c.apiKey());
            env.put("C_SECRET", c.secret());
            Process process = node.start();
            Path log = dataDir.resolve("ccxt.log");
            Files.copy(process.getInputStream(), log);
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(finished).as("ccxt finished in time").isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains(" passed, 0 failed");
        }
    }

    private static void installCcxtIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(CCXT_DIR.resolve("node_modules").resolve("ccxt"))) {
            return;
        }
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
                .directory(CCXT_DIR.toFile()).inheritIO().start();
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci of the pinned ccxt").isZero();
    }
}
