package io.lantau.compliance.suitability;

import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandRecord;
import io.lantau.store.dispatch.CommandSubmitter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a compliance command to the core and waits for its result: the compliance services record a decision only
 * after the core has accepted the command that carries it. Thread-safe; blocks the caller (never the core) for at
 * most the timeout.
 */
public final class CoreCommands {
    private final CommandSubmitter submitter;
    private final Duration timeout;

    /**
     * @param submitter where commands go (the journaled core).
     * @param timeout   how long to wait for the core's answer.
     */
    public CoreCommands(CommandSubmitter submitter, Duration timeout) {
        this.submitter = Objects.requireNonNull(submitter);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /**
     * Submits the command and waits until it is durable and applied.
     *
     * @return the core's result code.
     * @throws Unavailable if the queue is full, the core does not answer in time or the thread is interrupted.
     */
    public ResultCode send(Command command) {
        return apply(command).code();
    }

    /**
     * Submits the command and waits until it is durable and applied (for callers that read its events too).
     *
     * @return the applied command with its result code and events.
     * @throws Unavailable if the queue is full, the core does not answer in time or the thread is interrupted.
     */
    public CommandRecord apply(Command command) {
        CompletableFuture<CommandRecord> applied = new CompletableFuture<>();
        AppliedCommandListener listener = applied::complete;
        if (!submitter.submit(command, listener)) {
            throw new Unavailable("the core's queue is full");
        }
        try {
            return applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("the core did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the core");
        } catch (ExecutionException e) {
            throw new Unavailable("the command failed: " + e.getCause());
        }
    }

    /** The core could not be asked or did not answer: the command may or may not have been applied. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
