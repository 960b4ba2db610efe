package io.lantau.store;

import io.lantau.core.MarketStatus;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.MarketStatusChanged;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Each market's status (TRADING, CANCEL_ONLY, HALTED) as the events tell it. Written by one thread, read by any. */
public final class MarketStatuses implements Projection {
    private final AtomicReferenceArray<MarketStatus> statuses;
    private volatile long lastAppliedSequence;

    public MarketStatuses(CoreConfig config) {
        statuses = new AtomicReferenceArray<>(config.markets().size());
        config.markets().forEach(m -> statuses.set(m.marketId(), m.initialStatus()));
    }

    /** Sets a market's status at start-up, from the core. */
    public void seed(int marketId, MarketStatus status, long sequence) {
        statuses.set(marketId, status);
        lastAppliedSequence = Math.max(lastAppliedSequence, sequence);
    }

    public MarketStatus status(int marketId) {
        return statuses.get(marketId);
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent e : events) {
            if (e instanceof MarketStatusChanged c) {
                statuses.set(c.marketId(), c.newStatus());
            }
        }
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }
}
