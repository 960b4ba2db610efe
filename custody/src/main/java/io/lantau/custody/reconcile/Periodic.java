package io.lantau.custody.reconcile;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custody check on a daemon thread at a fixed delay until closed (the reconciliation schedule, the
 * continuous hot/cold check). A run that throws is logged and the next one runs as planned.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);
    private final ScheduledExecutorService scheduler;

    private Periodic(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts running {@code task} every {@code period}, the first time after one period. */
    public static Periodic every(Duration period, String name, Runnable task) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed", name, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
