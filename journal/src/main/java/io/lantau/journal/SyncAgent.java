package io.lantau.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The sync thread's duty cycle: wait until the engine has written past what is released, force the journal as the
 * {@link FsyncPolicy} says (which covers everything written before the force: group commit), then release the
 * results up to the sequence read before forcing, in order. A failed force stops everything and releases nothing
 * more: a result is never released before its command is durable.
 */
final class SyncAgent implements Runnable {
    private final JournalWriter writer;
    private final PendingResults pending;
    private final Progress progress;
    private final FsyncPolicy policy;
    private final long intervalNanos;
    private final IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 100_000);
    private long lastForceNanos;

    SyncAgent(JournalWriter writer, PendingResults pending, Progress progress, FsyncPolicy policy,
            long intervalMillis) {
        this.writer = writer;
        this.pending = pending;
        this.progress = progress;
        this.policy = policy;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.lastForceNanos = System.nanoTime() - intervalNanos;
    }

    @Override
    public void run() {
        try {
            while (true) {
                boolean engineDone = progress.isEngineDone();
                long released = progress.released.get();
                long written = progress.written.get();
                if (written > released) {
                    idle.reset();
                    if (policy == FsyncPolicy.INTERVAL) {
                        awaitInterval();
                        written = progress.written.get();
                    }
                    if (policy != FsyncPolicy.ASYNC) {
                        writer.force();
                        lastForceNanos = System.nanoTime();
                    }
                    pending.release(released + 1, written);
                    progress.released.set(written);
                } else if (engineDone || progress.failed()) {
                    return;
                } else {
                    idle.idle();
                }
            }
        } catch (Throwable t) {
            progress.fail(t);
        }
    }

    private void awaitInterval() {
        long due = lastForceNanos + intervalNanos;
        long now;
        while ((now = System.nanoTime()) < due && !progress.isEngineDone()) {
            LockSupport.parkNanos(Math.min(due - now, 1_000_000));
        }
    }
}
