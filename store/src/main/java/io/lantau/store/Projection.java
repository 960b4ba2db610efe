package io.lantau.store;

import io.lantau.core.event.CoreEvent;
import java.util.List;

/**
 * A read model built from the core's events. The platform's dispatcher calls it on one thread, one command at a time
 * in sequence order with no gap, and only for commands that are durable. After a restart it is fed again from the
 * first sequence after {@link #lastAppliedSequence()}, so a projection that persists its offset with its data sees
 * every event exactly once.
 */
public interface Projection {

    /**
     * Applies one command's events.
     *
     * @param sequence       the command's sequence number.
     * @param timestampNanos the sequencer's time of the command (epoch nanoseconds).
     * @param events         the command's events in emission order; empty if it had none.
     */
    void onCommand(long sequence, long timestampNanos, List<CoreEvent> events);

    /** No more durable events are waiting for now: a good moment to commit what was batched. */
    default void endOfBatch() {
    }

    /**
     * @return the last sequence whose events this projection has applied (and, if it persists, persisted). Read from
     *     other threads (the dispatcher, queries waiting to read their own writes): make it a volatile read.
     */
    long lastAppliedSequence();
}
