package io.lantau.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the durable journal and its runtime.
 *
 * @param dataDir               directory that holds {@code journal/} (segment files) and {@code snapshots/}; created if
 *                              missing.
 * @param fsyncPolicy           when records are forced to disk, and so when results are released.
 * @param fsyncIntervalMillis   for {@link FsyncPolicy#INTERVAL}: the least time between two forces, in milliseconds;
 *                              ignored otherwise.
 * @param segmentSizeBytes      size at which the journal moves to a new segment file (64 KiB to 1 GiB).
 * @param snapshotEveryCommands take a snapshot after each command whose sequence is a multiple of this; 0 for never.
 * @param queueCapacity         commands that may wait for the engine thread; rounded up to a power of two.
 */
public record JournalConfig(
        Path dataDir,
        FsyncPolicy fsyncPolicy,
        long fsyncIntervalMillis,
        long segmentSizeBytes,
        long snapshotEveryCommands,
        int queueCapacity) {

    /** Smallest segment: room for many of the largest records. */
    public static final long MIN_SEGMENT_SIZE_BYTES = 64 * 1024;
    /** Largest segment: a segment is mapped whole when read. */
    public static final long MAX_SEGMENT_SIZE_BYTES = 1L << 30;

    public JournalConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(fsyncPolicy, "fsyncPolicy");
        if (fsyncIntervalMillis < 0) {
            throw new IllegalArgumentException("fsyncIntervalMillis must not be negative");
        }
        if (segmentSizeBytes < MIN_SEGMENT_SIZE_BYTES || segmentSizeBytes > MAX_SEGMENT_SIZE_BYTES) {
            throw new IllegalArgumentException("segmentSizeBytes must be between " + MIN_SEGMENT_SIZE_BYTES + " and "
                    + MAX_SEGMENT_SIZE_BYTES);
        }
        if (snapshotEveryCommands < 0) {
            throw new IllegalArgumentException("snapshotEveryCommands must not be negative");
        }
        if (queueCapacity < 2 || queueCapacity > (1 << 24)) {
            throw new IllegalArgumentException("queueCapacity must be between 2 and 2^24");
        }
    }

    /**
     * @return the defaults for {@code dataDir}: force every batch, 64 MiB segments, a snapshot every 100 000
     *         commands, room for 65 536 waiting commands.
     */
    public static JournalConfig defaults(Path dataDir) {
        return new JournalConfig(dataDir, FsyncPolicy.EVERY_BATCH, 1, 64L << 20, 100_000, 1 << 16);
    }

    /** @return a copy with another fsync policy. */
    public JournalConfig withFsyncPolicy(FsyncPolicy policy) {
        return new JournalConfig(dataDir, policy, fsyncIntervalMillis, segmentSizeBytes, snapshotEveryCommands,
                queueCapacity);
    }

    /** @return a copy with another snapshot interval (0 for none). */
    public JournalConfig withSnapshotEveryCommands(long commands) {
        return new JournalConfig(dataDir, fsyncPolicy, fsyncIntervalMillis, segmentSizeBytes, commands, queueCapacity);
    }

    /** @return a copy with another segment size. */
    public JournalConfig withSegmentSizeBytes(long bytes) {
        return new JournalConfig(dataDir, fsyncPolicy, fsyncIntervalMillis, bytes, snapshotEveryCommands,
                queueCapacity);
    }

    Path journalDir() {
        return dataDir.resolve("journal");
    }

    Path snapshotDir() {
        return dataDir.resolve("snapshots");
    }
}
