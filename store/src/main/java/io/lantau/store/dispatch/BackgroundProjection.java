package io.lantau.store.dispatch;

import io.lantau.store.Projection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one projection that may lag (the relational history) on a thread of its own: it takes records as they come,
 * applies them, and calls {@link Projection#endOfBatch()} whenever it has caught up, so a slow commit never delays
 * the in-memory read models or the replies to clients. Queries that must see a client's own writes wait with
 * {@link #awaitApplied}.
 */
public final class BackgroundProjection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundProjection.class);
    private static final CommandRecord STOP = new CommandRecord(Long.MAX_VALUE, 0, null, null);

    private final String name;
    private final Projection projection;
    private final LinkedBlockingQueue<CommandRecord> queue = new LinkedBlockingQueue<>(1 << 20);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object progress = new Object();
    private Thread thread;

    public BackgroundProjection(String name, Projection projection) {
        this.name = name;
        this.projection = projection;
    }

    public String name() {
        return name;
    }

    public Projection projection() {
        return projection;
    }

    void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "lantau-projection-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void offer(CommandRecord record) {
        if (record.sequence() <= projection.lastAppliedSequence() || failure.get() != null) {
            return;
        }
        try {
            queue.put(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return why it stopped, or {@code null} while healthy. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Waits until the projection has applied and committed {@code sequence}, or the timeout passes.
     *
     * @return whether it got there.
     */
    public boolean awaitApplied(long sequence, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (progress) {
            while (projection.lastAppliedSequence() < sequence && failure.get() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return projection.lastAppliedSequence() >= sequence;
        }
    }

    private void run() {
        try {
            while (true) {
                CommandRecord record = queue.take();
                if (record == STOP) {
                    break;
                }
                apply(record);
                while ((record = queue.poll()) != null && record != STOP) {
                    apply(record);
                }
                projection.endOfBatch();
                synchronized (progress) {
                    progress.notifyAll();
                }
                if (record == STOP) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.set(t);
            LOG.error("background projection {} stopped", name, t);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void apply(CommandRecord record) {
        if (record.sequence() > projection.lastAppliedSequence()) {
            projection.onCommand(record.sequence(), record.timestampNanos(), record.events());
        }
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        try {
            queue.put(STOP);
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
