package io.lantau.custody.testing;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.dispatch.ProjectionDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A submitter without a journal: applies each command to a real {@link ExchangeCore} at once on the caller's thread
 * and hands its record to a real {@link ProjectionDispatcher}, whose thread completes the listener as in production.
 * Tests read the core's state through {@link #core()} under this object's lock.
 */
public final class CoreBackedSubmitter implements CommandSubmitter, AutoCloseable {
    private final ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
    private final ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(), List.of());
    private final List<Command> applied = new ArrayList<>();
    private final AtomicBoolean full = new AtomicBoolean();
    private long sequence;

    public CoreBackedSubmitter() {
        dispatcher.start(() -> Long.MAX_VALUE, 0);
    }

    @Override
    public synchronized boolean submit(Command command, AppliedCommandListener listener) {
        if (full.get()) {
            return false;
        }
        long seq = ++sequence;
        long timestampNanos = seq * 1_000_000L;
        dispatcher.engineBoundaries().onCommandStart(seq, timestampNanos, command, listener);
        ResultCode code = core.apply(seq, timestampNanos, command, dispatcher.engineEvents());
        dispatcher.engineBoundaries().onCommandEnd(seq, code);
        applied.add(command);
        return true;
    }

    /** Makes every later submit report a full queue (overload), or not. */
    public void queueFull(boolean isFull) {
        full.set(isFull);
    }

    /** @return the core; read it only while holding this object's lock. */
    public ExchangeCore core() {
        return core;
    }

    public synchronized List<Command> applied() {
        return List.copyOf(applied);
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
