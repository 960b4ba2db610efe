package io.lantau.journal;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The trading core behind its sequencer and durable journal: the single-machine runtime of {@link ExchangeCore}.
 *
 * <p>{@link #start} recovers the core from the data directory ({@link Recovery}) and starts two threads. The
 * <em>engine thread</em> is the sequencer and the core's only caller: it drains a batch of submitted commands, gives
 * each the next sequence number and a timestamp from the injected clock, appends the batch to the journal file, applies
 * each command to the core and hands the batch to the <em>sync thread</em>, which forces the journal as the
 * {@link FsyncPolicy} says and then releases the results.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@link #submit} and {@link #offer} may be called from any thread; commands get sequence numbers in the order
 *       they enter the queue, which is bounded ({@link JournalConfig#queueCapacity()}).</li>
 *   <li>A {@link ResultListener} is called on the sync thread, in sequence order, only after the command's record is
 *       durable per the policy (written for {@link FsyncPolicy#ASYNC}, forced for the others).</li>
 *   <li>The {@link CoreEventListener} is called on the engine thread as the core applies each command, that is
 *       <em>before</em> the command is durable. A consumer that makes events visible outside the process should hold
 *       them until {@link #durableSequence()} reaches their sequence. Events of commands replayed at start are not
 *       delivered.</li>
 *   <li>A snapshot is written on the engine thread after every command whose sequence is a multiple of
 *       {@link JournalConfig#snapshotEveryCommands()}, after forcing the journal, so a snapshot never runs ahead of
 *       the durable journal.</li>
 *   <li>If a write, a force or the core fails, both threads stop, no further result is released and {@link #close}
 *       throws a {@link JournalException}. Restart recovers from what is durable.</li>
 * </ul>
 */
public final class JournaledCore implements AutoCloseable {
    private final SubmissionQueue queue;
    private final Progress progress;
    private final PendingResults pending;
    private final JournalWriter writer;
    private final ExchangeCore core;
    private final RecoveryReport recoveryReport;
    private final Thread engineThread;
    private final Thread syncThread;
    private boolean closed;

    private JournaledCore(SubmissionQueue queue, Progress progress, PendingResults pending, JournalWriter writer,
            ExchangeCore core, RecoveryReport recoveryReport, EngineAgent engine, SyncAgent sync) {
        this.queue = queue;
        this.progress = progress;
        this.pending = pending;
        this.writer = writer;
        this.core = core;
        this.recoveryReport = recoveryReport;
        this.engineThread = new Thread(engine, "lantau-engine");
        this.syncThread = new Thread(sync, "lantau-journal-sync");
    }

    /**
     * Recovers the core from {@link JournalConfig#dataDir()} (an empty or missing directory gives a fresh core) and
     * starts the engine and sync threads.
     *
     * @param listener   receives the core's events on the engine thread, for commands applied from now on.
     * @param clockNanos the sequencer's clock: epoch nanoseconds stamped on each command. Called on the engine thread.
     * @throws JournalException if the directory was written with a different core configuration or format version.
     */
    public static JournaledCore start(CoreConfig coreConfig, JournalConfig journalConfig,
            CoreEventListener listener, LongSupplier clockNanos) {
        return start(coreConfig, journalConfig, listener, CommandBoundaryListener.NO_OP, clockNanos, BookKind.FAST);
    }

    /**
     * As {@link #start(CoreConfig, JournalConfig, CoreEventListener, LongSupplier)}, also telling {@code boundaries}
     * where each command's events begin and end and who submitted it (on the engine thread).
     */
    public static JournaledCore start(CoreConfig coreConfig, JournalConfig journalConfig,
            CoreEventListener listener, CommandBoundaryListener boundaries, LongSupplier clockNanos) {
        return start(coreConfig, journalConfig, listener, boundaries, clockNanos, BookKind.FAST);
    }

    static JournaledCore start(CoreConfig coreConfig, JournalConfig journalConfig, CoreEventListener listener,
            LongSupplier clockNanos, BookKind bookKind) {
        return start(coreConfig, journalConfig, listener, CommandBoundaryListener.NO_OP, clockNanos, bookKind);
    }

    static JournaledCore start(CoreConfig coreConfig, JournalConfig journalConfig, CoreEventListener listener,
            CommandBoundaryListener boundaries, LongSupplier clockNanos, BookKind bookKind) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(boundaries, "boundaries");
        Objects.requireNonNull(clockNanos, "clockNanos");
        Recovery.Recovered recovered = Recovery.recover(coreConfig, journalConfig.dataDir(), CoreEventListener.NO_OP,
                bookKind);
        ExchangeCore core = recovered.core();
        byte[] fingerprint = ConfigFingerprint.of(coreConfig);
        JournalWriter writer = new JournalWriter(journalConfig.journalDir(), fingerprint,
                journalConfig.segmentSizeBytes(), journalConfig.fsyncPolicy(), recovered.appendTo(),
                core.lastSequence() + 1);
        SubmissionQueue queue = new SubmissionQueue(journalConfig.queueCapacity());
        PendingResults pending = new PendingResults(queue.capacity() * 2);
        Progress progress = new Progress(core.lastSequence());
        SnapshotStore snapshots = new SnapshotStore(journalConfig.snapshotDir(), fingerprint, bookKind);
        EngineAgent engine = new EngineAgent(queue, writer, core, listener, boundaries, clockNanos, pending, snapshots,
                journalConfig.snapshotEveryCommands(), progress, recovered.lastTimestampNanos());
        SyncAgent sync = new SyncAgent(writer, pending, progress, journalConfig.fsyncPolicy(),
                journalConfig.fsyncIntervalMillis());
        JournaledCore runtime = new JournaledCore(queue, progress, pending, writer, core, recovered.report(), engine,
                sync);
        runtime.syncThread.start();
        runtime.engineThread.start();
        return runtime;
    }

    /**
     * Queues a command if there is room; never blocks.
     *
     * @param resultListener called once with the command's sequence and result when it is durable.
     * @return false if the queue is full (nothing was queued).
     * @throws IllegalArgumentException if the command is null or cannot be journaled (an over-long client order id).
     * @throws IllegalStateException    after {@link #close} or a failure.
     */
    public boolean offer(Command command, ResultListener resultListener) {
        CommandCodec.checkEncodable(command);
        Objects.requireNonNull(resultListener, "resultListener");
        if (progress.failed()) {
            throw new IllegalStateException("the journaled core has failed", progress.failure());
        }
        return queue.offer(command, resultListener);
    }

    /**
     * Queues a command, waiting (spinning, then parking briefly) while the queue is full: back-pressure. Does not
     * block when there is room.
     *
     * @see #offer
     */
    public void submit(Command command, ResultListener resultListener) {
        int idle = 0;
        while (!offer(command, resultListener)) {
            if (idle < 100) {
                Thread.onSpinWait();
            } else if (idle < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(50_000);
            }
            idle++;
        }
    }

    /** @return the highest sequence whose result has been released, i.e. that is durable per the policy. */
    public long durableSequence() {
        return progress.released.get();
    }

    /** @return commands waiting for the engine (the queue's depth), for metrics. */
    public int queuedCommands() {
        return queue.size();
    }

    /** @return how the core was recovered at start. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /**
     * Stops taking commands, lets the engine apply and journal everything already queued, releases every result,
     * forces and closes the journal and stops both threads. Idempotent; call from one thread, not from a listener.
     *
     * @throws JournalException if the engine or sync thread failed; results after the failure were not released.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        joinUninterruptibly(engineThread);
        joinUninterruptibly(syncThread);
        try {
            writer.close();
        } catch (RuntimeException e) {
            progress.fail(e);
        }
        Throwable failure = progress.failure();
        if (failure != null) {
            throw new JournalException("the journaled core failed; results after sequence "
                    + progress.released.get() + " were not released", failure);
        }
    }

    /** The core itself; only after {@link #close}, for tests. */
    ExchangeCore coreAfterClose() {
        if (!closed) {
            throw new IllegalStateException("the core belongs to the engine thread until close");
        }
        return core;
    }

    long listenerFailures() {
        return pending.listenerFailures();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
