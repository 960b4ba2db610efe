package io.lantau.gateway.nativeapi;

import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.OpenAccount;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a new user's core account (same id, kind CLIENT, fee tier 0) through the journaled core and waits for it to
 * be durable. Opening is idempotent: an account that already exists (an earlier attempt that went through) counts as
 * opened. Thread-safe; blocking (call from a worker thread).
 */
final class CoreAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(CoreAccounts.class);
    static final int NEW_CLIENT_FEE_TIER = 0;

    private final CommandSubmitter submitter;
    private final Duration timeout;

    CoreAccounts(CommandSubmitter submitter, Duration timeout) {
        this.submitter = submitter;
        this.timeout = timeout;
    }

    /**
     * @throws NativeException {@link NativeError#SERVICE_BUSY} if the core's queue is full or it did not answer in
     *                         time, {@link NativeError#INTERNAL_ERROR} if it refused the account.
     */
    void open(long userId) {
        CompletableFuture<CommandRecord> applied = new CompletableFuture<>();
        AppliedCommandListener listener = applied::complete;
        if (!submitter.submit(new OpenAccount(userId, AccountKind.CLIENT, NEW_CLIENT_FEE_TIER), listener)) {
            throw new NativeException(NativeError.SERVICE_BUSY, "the core's queue is full");
        }
        CommandRecord record;
        try {
            record = applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NativeException(NativeError.SERVICE_BUSY, "the core did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeException(NativeError.SERVICE_BUSY);
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening account " + userId + " failed", e.getCause());
        }
        if (record.code() != ResultCode.OK && record.code() != ResultCode.ACCOUNT_EXISTS) {
            LOG.error("the core refused to open account {}: {}", userId, record.code());
            throw new NativeException(NativeError.INTERNAL_ERROR);
        }
    }
}
