package io.lantau.journal;

import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import java.util.function.LongSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The engine thread's duty cycle, the sequencer and the core's only caller: drain a batch of submissions, stamp each
 * with the next sequence and the clock's time (never earlier than the previous command's), append the batch to the
 * journal and write it to the file, apply each command to the core (its events go to the listener here, on this
 * thread, before the command is durable), park its result, take a snapshot when one is due, then publish "written up
 * to S" for the sync thread. Allocates nothing per command.
 */
final class EngineAgent implements Runnable {
    private static final int MAX_BATCH = 4096;

    private final SubmissionQueue queue;
    private final JournalWriter writer;
    private final ExchangeCore core;
    private final CoreEventListener listener;
    private final CommandBoundaryListener boundaries;
    private final LongSupplier clockNanos;
    private final PendingResults pending;
    private final SnapshotStore snapshots;
    private final long snapshotEveryCommands;
    private final Progress progress;
    private final IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 100_000);

    private final Command[] batchCommands;
    private final ResultListener[] batchListeners;
    private final long[] batchTimestamps;
    private long lastSequence;
    private long lastTimestampNanos;

    EngineAgent(SubmissionQueue queue, JournalWriter writer, ExchangeCore core, CoreEventListener listener,
            CommandBoundaryListener boundaries, LongSupplier clockNanos, PendingResults pending, SnapshotStore snapshots, long snapshotEveryCommands,
            Progress progress, long lastTimestampNanos) {
        this.queue = queue;
        this.writer = writer;
        this.core = core;
        this.listener = listener;
        this.boundaries = boundaries;
        this.clockNanos = clockNanos;
        this.pending = pending;
        this.snapshots = snapshots;
        this.snapshotEveryCommands = snapshotEveryCommands;
        this.progress = progress;
        this.lastSequence = core.lastSequence();
        this.lastTimestampNanos = lastTimestampNanos;
        int batch = Math.min(MAX_BATCH, pending.capacity());
        this.batchCommands = new Command[batch];
        this.batchListeners = new ResultListener[batch];
        this.batchTimestamps = new long[batch];
    }

    @Override
    public void run() {
        try {
            while (!progress.failed()) {
                long outstanding = lastSequence - progress.released.get();
                int room = (int) Math.min(batchCommands.length, pending.capacity() - outstanding);
                int n = room > 0 ? queue.drain(batchCommands, batchListeners, room) : 0;
                if (n > 0) {
                    idle.reset();
                    process(n);
                } else if (room > 0 && queue.isClosedAndDrained()) {
                    break;
                } else {
                    idle.idle();
                }
            }
        } catch (Throwable t) {
            progress.fail(t);
        } finally {
            progress.engineDone();
        }
    }

    private void process(int n) {
        long first = lastSequence + 1;
        for (int i = 0; i < n; i++) {
            long timestamp = Math.max(clockNanos.getAsLong(), lastTimestampNanos);
            lastTimestampNanos = timestamp;
            batchTimestamps[i] = timestamp;
            writer.append(first + i, timestamp, batchCommands[i]);
        }
        writer.flush();
        for (int i = 0; i < n; i++) {
            long sequence = first + i;
            boundaries.onCommandStart(sequence, batchTimestamps[i], batchCommands[i], batchListeners[i]);
            ResultCode code = core.apply(sequence, batchTimestamps[i], batchCommands[i], listener);
            boundaries.onCommandEnd(sequence, code);
            pending.put(sequence, batchListeners[i], code);
            batchCommands[i] = null;
            batchListeners[i] = null;
            lastSequence = sequence;
            if (snapshotEveryCommands > 0 && sequence % snapshotEveryCommands == 0) {
                // A snapshot must never run ahead of the durable journal, whatever the policy.
                writer.force();
                snapshots.write(core);
            }
        }
        progress.written.set(lastSequence);
    }
}
