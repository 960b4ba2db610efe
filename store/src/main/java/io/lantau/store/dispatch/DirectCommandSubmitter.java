package io.lantau.store.dispatch;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.EventRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitter without a journal, for tests and tools that need a real core but no durability: applies each command to a real {@link ExchangeCore} at once on the
 * caller's thread, and hands its record to a real {@link ProjectionDispatcher} (no projections, everything durable)
 * whose thread completes the listener as in production. Tests also drive the core directly ({@link #apply}) to
 * open accounts and place orders, and can make the queue report itself full.
 */
public final class DirectCommandSubmitter implements CommandSubmitter, AutoCloseable {
    private final ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
    private final ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(), List.of());
    private final List<Command> submitted = new ArrayList<>();
    private final CoreEventListener ignore = new EventRecorder(e -> {
    });
    private boolean full;
    private long sequence;

    public DirectCommandSubmitter() {
        dispatcher.start(() -> Long.MAX_VALUE, 0);
    }

    @Override
    public synchronized boolean submit(Command command, AppliedCommandListener listener) {
        if (full) {
            return false;
        }
        long seq = ++sequence;
        long timestampNanos = seq * 1_000_000L;
        dispatcher.engineBoundaries().onCommandStart(seq, timestampNanos, command, listener);
        ResultCode code = core.apply(seq, timestampNanos, command, dispatcher.engineEvents());
        dispatcher.engineBoundaries().onCommandEnd(seq, code);
        submitted.add(command);
        return true;
    }

    /** Applies a command straight to the core (test set-up and probes); not recorded as submitted. */
    public synchronized ResultCode apply(Command command) {
        long seq = ++sequence;
        return core.apply(seq, seq * 1_000_000L, command, ignore);
    }

    /** @return the core, for reading its state; call from the test thread only while nothing is submitted. */
    public synchronized ExchangeCore core() {
        return core;
    }

    /** @return the commands the services submitted, in order. */
    public synchronized List<Command> submitted() {
        return List.copyOf(submitted);
    }

    /** Makes every later submit report a full queue (overload), or not. */
    public synchronized void queueFull(boolean isFull) {
        full = isFull;
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
