package io.lantau.custody.ledger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custody duty (a deposit scan, a withdrawal pass) on its own daemon thread at a fixed delay. A pass that
 * throws is logged and the next one runs as planned: every duty is idempotent and resumes from its table's state.
 */
public final class PeriodicTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService executor;

    private PeriodicTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts running {@code pass} every {@code delay} after the last one ended. */
    public static PeriodicTask start(String name, Duration delay, Runnable pass) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed; retrying in {}: {}", name, delay, e.toString());
            }
        }, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(executor);
    }

    /** Stops after the pass in progress, waiting for it up to ten seconds. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
