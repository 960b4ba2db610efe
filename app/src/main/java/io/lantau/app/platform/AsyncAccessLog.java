package io.lantau.app.platform;

import io.lantau.compliance.onboarding.AccessAction;
import io.lantau.compliance.onboarding.AccessLog;
import io.lantau.gateway.auth.AccessRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log (HK-23) fed from the request path without blocking it: each order or sign-in is queued with its
 * time, IP address and device identifier, and one thread writes the queue to {@link AccessLog} in batches (one
 * transaction per batch, so thousands of orders a second cost a few inserts). {@link #close} writes what is queued.
 * A crash can lose what was queued and not yet written (milliseconds' worth); a full queue (the store far behind)
 * drops the record and counts it in {@link #dropped}, which the metrics expose.
 */
public final class AsyncAccessLog implements AccessRecorder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncAccessLog.class);
    private static final int CAPACITY = 262_144;
    private static final int MAX_BATCH = 2_000;

    private final AccessLog log;
    private final Clock clock;
    private final BlockingQueue<AccessLog.Access> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    AsyncAccessLog(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.writer = new Thread(this::drain, "lantau-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(long accountId, AccessAction action, String ip, String deviceId, String reference) {
        AccessLog.Access access = new AccessLog.Access(accountId, action, ip, deviceId, AccessLog.UNKNOWN_COUNTRY,
                reference, clock.instant());
        if (!queue.offer(access) && dropped.incrementAndGet() % 10_000 == 1) {
            LOG.warn("access log queue full: {} records dropped so far", dropped.get());
        }
    }

    /** @return records dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void drain() {
        List<AccessLog.Access> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AccessLog.Access first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                log.recordAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("writing {} access records failed; retrying", batch.size(), e);
                requeue(batch);
                sleepQuietly();
            }
            batch.clear();
        }
    }

    private void requeue(List<AccessLog.Access> batch) {
        for (AccessLog.Access a : batch) {
            if (!queue.offer(a)) {
                dropped.incrementAndGet();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
