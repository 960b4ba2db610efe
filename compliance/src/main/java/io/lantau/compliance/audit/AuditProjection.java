package io.lantau.compliance.audit;

import io.lantau.core.event.CoreEvent;
import io.lantau.store.Projection;
import io.lantau.store.ProjectionOffsets;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the core's events into audit records ({@link CoreEventAudit} says which and how) and appends them to the
 * {@link AuditTrail} in batches: entries are collected in memory and appended in one transaction at
 * {@link #endOfBatch()}, or as soon as {@code maxBatchCommands} commands are pending, with the projection's offset
 * ({@code projection_offsets}, name {@value #NAME}) in the same transaction. So the trail always holds exactly the
 * records of the commands up to {@link #lastAppliedSequence()}: after a crash, feeding again from
 * {@code lastAppliedSequence() + 1} loses nothing, and commands at or below the offset are skipped, so replaying from
 * further back duplicates nothing.
 *
 * <p>Threading: one thread calls it (the dispatcher's, or a {@code BackgroundProjection}'s), as {@link Projection}
 * requires; it shares the trail's lock with the other writers only while appending. If a write fails, the instance
 * refuses further calls: make a new one, which resumes from the store.
 */
public final class AuditProjection implements Projection {
    /** Its name in {@code projection_offsets}. */
    public static final String NAME = "audit";
    /** Default number of commands after which a batch is appended even without {@link #endOfBatch()}. */
    public static final int DEFAULT_MAX_BATCH_COMMANDS = 10_000;

    private final AuditTrail trail;
    private final int maxBatchCommands;
    private final List<AuditEntry> pending = new ArrayList<>();
    private int pendingCommands;
    private volatile long committedSequence;
    private long lastSequence;
    private boolean failed;

    /** Reads the offset from the trail's store; appends {@value #DEFAULT_MAX_BATCH_COMMANDS} commands at most per batch. */
    public AuditProjection(AuditTrail trail) {
        this(trail, DEFAULT_MAX_BATCH_COMMANDS);
    }

    /**
     * @param maxBatchCommands append once this many commands are pending, even before {@link #endOfBatch()}.
     * @throws StoreException if the offset cannot be read.
     */
    public AuditProjection(AuditTrail trail, int maxBatchCommands) {
        if (maxBatchCommands < 1) {
            throw new IllegalArgumentException("maxBatchCommands must be positive: " + maxBatchCommands);
        }
        this.trail = trail;
        this.maxBatchCommands = maxBatchCommands;
        try (Connection c = trail.dataSource().getConnection()) {
            committedSequence = ProjectionOffsets.read(c, NAME);
        } catch (SQLException e) {
            throw new StoreException("read the audit projection's offset", e);
        }
        lastSequence = committedSequence;
    }

    /**
     * Turns one command's events into pending entries (skipped if {@code sequence} is at or below what was already
     * applied), and appends the batch if it has reached its maximum size.
     *
     * @throws IllegalStateException if {@code sequence} leaves a gap after the last applied command, or after a
     *                               failed write.
     * @throws StoreException        if a write fails.
     */
    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        checkUsable();
        if (sequence <= lastSequence) {
            return;
        }
        // An empty store may start anywhere (a journal that begins with a snapshot); after that, a gap would lose
        // audit records silently.
        if (lastSequence != 0 && sequence != lastSequence + 1) {
            throw new IllegalStateException("gap in the event stream: expected sequence " + (lastSequence + 1)
                    + ", got " + sequence);
        }
        for (int i = 0, n = events.size(); i < n; i++) {
            CoreEventAudit.entries(events.get(i), pending);
        }
        lastSequence = sequence;
        if (++pendingCommands >= maxBatchCommands) {
            flush();
        }
    }

    /** Appends what is pending, with the offset, in one transaction. */
    @Override
    public void endOfBatch() {
        checkUsable();
        flush();
    }

    /** @return the last sequence whose records are in the store (pending, unwritten commands are not counted). */
    @Override
    public long lastAppliedSequence() {
        return committedSequence;
    }

    private void flush() {
        if (pendingCommands == 0) {
            return;
        }
        try {
            trail.appendWithOffset(pending, NAME, lastSequence);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        committedSequence = lastSequence;
        pending.clear();
        pendingCommands = 0;
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("the audit projection failed to write; make a new one to resume from "
                    + "sequence " + (committedSequence + 1));
        }
    }
}
