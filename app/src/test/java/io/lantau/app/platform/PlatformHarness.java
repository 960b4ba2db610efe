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

/** A real platform on a free port over a temporary data directory, with helpers to make funded users with keys. */
final class PlatformHarness implements AutoCloseable {
    private static final AtomicLong DEPOSIT_IDS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    final Path dataDir;
    final Platform platform;

    PlatformHarness(Path dataDir) {
        this(dataDir, PlatformConfig.defaults());
    }

    PlatformHarness(Path dataDir, PlatformConfig base) {
        this.dataDir = dataDir;
        this.platform = Platform.start(base.withDataDir(dataDir).withHost("127.0.0.1").withPort(0));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + platform.port();
    }

    /** A user with a core account and an HMAC key that may read and trade. */
    record Trader(long accountId, String apiKey, String secret, BinanceTestClient client) {
    }

    Trader trader() {
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
                null, ApiKeyPermissions.TRADING, null, "test", Instant.now()));
        return new Trader(user.id(), apiKey, secret, new BinanceTestClient(baseUrl(), apiKey, secret));
    }

    void deposit(long accountId, int assetId, long amountMinor) {
        ResultCode code = submit(new Deposit(DEPOSIT_IDS.incrementAndGet(), accountId, assetId, amountMinor)).code();
        if (code != ResultCode.OK) {
            throw new IllegalStateException("deposit refused: " + code);
        }
    }

    CommandRecord submit(Command command) {
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
