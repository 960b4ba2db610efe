package io.lantau.store.dispatch;

import io.lantau.core.CoreEventListener;
import io.lantau.journal.CommandBoundaryListener;
import io.lantau.store.Projection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the read models from the engine, on a thread of its own ({@code lantau-projections}).
 *
 * <p>The engine thread captures each command's events ({@link #engineEvents()} and {@link #engineBoundaries()}, to
 * be given to the journaled core) and queues the record. This thread takes records in sequence order once they are
 * durable (the {@code durableSequence} supplier says so), applies each to every in-memory projection, then completes
 * its submitter if that is an {@link AppliedCommandListener}, and finally passes the record to the background
 * projections (e.g. the relational history, which commits in batches on its own thread).
 *
 * <p>A projection that throws stops the dispatcher: serving reads from a model that skipped an event would be worse
 * than not serving. {@link #failure()} tells, and the health endpoint reports it.
 */
public final class ProjectionDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionDispatcher.class);
    private static final int QUEUE_CAPACITY = 1 << 16;

    private final List<Projection> projections;
    private final List<BackgroundProjection> background;
    private final OneToOneConcurrentArrayQueue<CommandRecord> queue = new OneToOneConcurrentArrayQueue<>(QUEUE_CAPACITY);
    private final EventCapture capture = new EventCapture(this::handOff);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 200_000);
    private volatile LongSupplier durableSequence;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param projections in-memory read models, applied before the submitter hears back.
     * @param background  projections that may lag (each on its own thread).
     */
    public ProjectionDispatcher(List<Projection> projections, List<BackgroundProjection> background) {
        this.projections = List.copyOf(projections);
        this.background = List.copyOf(background);
    }

    /** @return the event listener to give the journaled core. */
    public CoreEventListener engineEvents() {
        return capture.events();
    }

    /** @return the boundary listener to give the journaled core. */
    public CommandBoundaryListener engineBoundaries() {
        return capture;
    }

    /** Starts the dispatcher thread; records are taken once {@code durableSequence} reaches them. */
    public void start(LongSupplier durableSequence, long startSequence) {
        this.durableSequence = durableSequence;
        applied.set(Math.max(applied.get(), startSequence));
        background.forEach(BackgroundProjection::start);
        running = true;
        thread = new Thread(this::run, "lantau-projections");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the last sequence every in-memory projection has applied. */
    public long appliedSequence() {
        return applied.get();
    }

    /** @return why the dispatcher stopped, or {@code null} while it is healthy. */
    public Throwable failure() {
        return failure.get();
    }

    public List<BackgroundProjection> background() {
        return background;
    }

    private void handOff(CommandRecord record) {
        while (!queue.offer(record)) {
            if (failure.get() != null) {
                return; // nobody will take it; the platform reports the failure
            }
            Thread.onSpinWait();
        }
    }

    private void run() {
        try {
            while (running || !queue.isEmpty()) {
                int n = drain();
                if (n > 0) {
                    idle.reset();
                    for (Projection p : projections) {
                        p.endOfBatch();
                    }
                } else if (!running) {
                    break;
                } else {
                    idle.idle();
                }
            }
        } catch (Throwable t) {
            failure.set(t);
            LOG.error("projection dispatcher stopped at sequence {}", applied.get() + 1, t);
        }
    }

    private int drain() {
        long durable = durableSequence.getAsLong();
        int n = 0;
        CommandRecord record;
        while ((record = queue.peek()) != null && record.sequence() <= durable) {
            queue.poll();
            for (Projection p : projections) {
                p.onCommand(record.sequence(), record.timestampNanos(), record.events());
            }
            applied.set(record.sequence());
            if (record.submitter() instanceof AppliedCommandListener listener) {
                try {
                    listener.onApplied(record);
                } catch (RuntimeException e) {
                    LOG.warn("a submitter failed on its result for sequence {}", record.sequence(), e);
                }
            }
            for (BackgroundProjection b : background) {
                b.offer(record);
            }
            n++;
        }
        return n;
    }

    /** Stops after applying what is durable and queued; closes the background projections. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        background.forEach(BackgroundProjection::close);
    }
}
