package io.lantau.collectibles;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.StandardMarkets;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.dispatch.ProjectionDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitter without a journal: applies each command to a real {@link ExchangeCore} on the caller's thread,
 * stamped with the test clock's time as the sequencer would stamp it, and hands its record to a real
 * {@link ProjectionDispatcher}. The core's assets are the standard ones plus CNY (the mainland profile's only
 * currency, CN-04), added if the standard configuration does not have it.
 */
final class ClockedCoreSubmitter implements CommandSubmitter, AutoCloseable {
    static final Asset CNY = StandardMarkets.config().asset("CNY")
            .orElseGet(() -> new Asset(StandardMarkets.config().assets().size(), "CNY", 2, true));
    static final CoreConfig CONFIG = withCny();

    private final ExchangeCore core = new ExchangeCore(CONFIG, BookKind.FAST);
    private final ProjectionDispatcher dispatcher = new ProjectionDispatcher(List.of(), List.of());
    private final Clock clock;
    private final List<Command> applied = new ArrayList<>();
    private long sequence;

    ClockedCoreSubmitter(Clock clock) {
        this.clock = clock;
        dispatcher.start(() -> Long.MAX_VALUE, 0);
    }

    private static CoreConfig withCny() {
        CoreConfig standard = StandardMarkets.config();
        List<Asset> assets = new ArrayList<>(standard.assets());
        if (!assets.contains(CNY)) {
            assets.add(CNY);
        }
        return new CoreConfig(assets, standard.markets(), standard.fees(), standard.feeAccountId());
    }

    @Override
    public synchronized boolean submit(Command command, AppliedCommandListener listener) {
        long seq = ++sequence;
        long timestampNanos = Duration.between(Instant.EPOCH, clock.instant()).toNanos();
        dispatcher.engineBoundaries().onCommandStart(seq, timestampNanos, command, listener);
        ResultCode code = core.apply(seq, timestampNanos, command, dispatcher.engineEvents());
        dispatcher.engineBoundaries().onCommandEnd(seq, code);
        applied.add(command);
        return true;
    }

    /** @return the core; read it only while holding this object's lock. */
    ExchangeCore core() {
        return core;
    }

    synchronized List<Command> applied() {
        return List.copyOf(applied);
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
