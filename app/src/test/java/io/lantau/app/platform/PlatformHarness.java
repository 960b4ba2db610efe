package io.lantau.app.platform;

import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.store.account.ApiKeyPermissions;
import io.lantau.store.account.ApiKeyRepository;
import io.lantau.store.account.ApiKeyType;
import io.lantau.store.account.NewApiKey;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.testsupport.BinanceTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A real platform on a free port over a temporary data directory, with helpers to make funded users with keys. Public
 * so that the API test packages ({@code io.lantau.app.api}) start their platforms the same way.
 */
public final class PlatformHarness implements AutoCloseable {
    private static final AtomicLong DEPOSIT_IDS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    final Path dataDir;
    final Platform platform;

    public PlatformHarness(Path dataDir) {
        this(dataDir, openDefaults());
    }

    /**
     * The embedded defaults under the permissive {@code OPEN} profile: the API and trading tests open accounts and
     * trade without onboarding; the licensing tests start under {@code HK_VATP} explicitly.
     */
    public static PlatformConfig openDefaults() {
        return PlatformConfig.defaults().withProfile("OPEN");
    }

    public PlatformHarness(Path dataDir, PlatformConfig base) {
        this.dataDir = dataDir;
        this.platform = Platform.start(base.withDataDir(dataDir).withHost("127.0.0.1").withPort(0));
    }

    public Platform platform() {
        return platform;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + platform.port();
    }

    /** A user with a core account and an HMAC key. */
    public record Trader(long accountId, String apiKey, String secret, BinanceTestClient client) {
    }

    /** A user with a core account and an HMAC key that may read and trade from any address. */
    public Trader trader() {
        return trader(ApiKeyPermissions.TRADING, null);
    }

    /**
     * A user with a core account and an HMAC key. The key's client stamps strictly increasing timestamps, so that two
     * identical requests in the same millisecond are not taken for a replay.
     *
     * @param ipAllowlist comma-separated addresses the key may be used from, or {@code null} for any.
     */
    public Trader trader(ApiKeyPermissions permissions, String ipAllowlist) {
        UserRepository users = new UserRepository(platform.parts().database.dataSource());
        User user = users.create("t-" + UUID.randomUUID() + "@example.com", "not-a-real-hash", UserStatus.ACTIVE,
                Instant.now());
        ResultCode opened = submit(new OpenAccount(user.id(), AccountKind.CLIENT, 0)).code();
        if (opened != ResultCode.OK) {
            throw new IllegalStateException("account not opened: " + opened);
        }
        String apiKey = "k" + UUID.randomUUID().toString().replace("-", "");
        String secret = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        new ApiKeyRepository(platform.parts().database.dataSource()).create(new NewApiKey(user.id(), apiKey,
                ApiKeyType.HMAC_SHA256, platform.parts().cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8)),
                null, permissions, ipAllowlist, "test", Instant.now()));
        return new Trader(user.id(), apiKey, secret, new BinanceTestClient(baseUrl(), apiKey, secret,
                monotonicClock()));
    }

    /** @return a clock of wall-clock milliseconds that never returns the same value twice. */
    public static LongSupplier monotonicClock() {
        AtomicLong last = new AtomicLong();
        return () -> last.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis()));
    }

    public void deposit(long accountId, int assetId, long amountMinor) {
        ResultCode code = submit(new Deposit(DEPOSIT_IDS.incrementAndGet(), accountId, assetId, amountMinor)).code();
        if (code != ResultCode.OK) {
            throw new IllegalStateException("deposit refused: " + code);
        }
    }

    public CommandRecord submit(Command command) {
        CompletableFuture<CommandRecord> done = new CompletableFuture<>();
        if (!platform.parts().submitter.submit(command, (AppliedCommandListener) done::complete)) {
            throw new IllegalStateException("engine queue full");
        }
        try {
            return done.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer to " + command, e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
