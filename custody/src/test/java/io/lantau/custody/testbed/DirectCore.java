package io.lantau.custody.testbed;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.Projection;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.dispatch.ProjectionDispatcher;
import java.util.List;
import java.util.function.Function;

/**
 * A submitter without a journal: applies each command to a real {@link ExchangeCore} on the caller's thread and
 * hands its record to a real {@link ProjectionDispatcher}, which feeds the given projections (built from the core,
 * as the platform seeds them from the recovered core) and completes the listener as in production.
 */
public final class DirectCore implements CommandSubmitter, AutoCloseable {
    private final ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
    private final ProjectionDispatcher dispatcher;
    private long sequence;

    public DirectCore(Function<ExchangeCore, List<Projection>> projections) {
        dispatcher = new ProjectionDispatcher(projections.apply(core), List.of());
        dispatcher.start(() -> Long.MAX_VALUE, 0);
    }

    @Override
    public synchronized boolean submit(Command command, AppliedCommandListener listener) {
        long seq = ++sequence;
        long timestampNanos = seq * 1_000_000L;
        dispatcher.engineBoundaries().onCommandStart(seq, timestampNanos, command, listener);
        ResultCode code = core.apply(seq, timestampNanos, command, dispatcher.engineEvents());
        dispatcher.engineBoundaries().onCommandEnd(seq, code);
        return true;
    }

    public synchronized long available(long accountId, int assetId) {
        return core.availableMinor(accountId, assetId);
    }

    public synchronized long locked(long accountId, int assetId) {
        return core.lockedMinor(accountId, assetId);
    }

    public synchronized long totalHeld(int assetId) {
        return core.totalHeldMinor(assetId);
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
