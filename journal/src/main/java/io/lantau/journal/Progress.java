package io.lantau.journal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the engine and sync threads have got, shared between them and with callers. The engine publishes the
 * sequence up to which commands are written and applied; the sync thread publishes the sequence up to which results
 * are released (durable under the policy). Either thread records the first failure, which stops both.
 */
final class Progress {
    final AtomicLong written = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean engineDone;

    Progress(long recoveredSequence) {
        written.set(recoveredSequence);
        released.set(recoveredSequence);
    }

    void fail(Throwable t) {
        failure.compareAndSet(null, t);
    }

    Throwable failure() {
        return failure.get();
    }

    boolean failed() {
        return failure.get() != null;
    }

    void engineDone() {
        engineDone = true;
    }

    boolean isEngineDone() {
        return engineDone;
    }
}
