package io.lantau.journal;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.config.CoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the core from a data directory: the newest valid snapshot, then every journal record after it, applied
 * with its journaled sequence and timestamp. A torn or corrupt tail is cut back to the last whole record (later
 * segments are deleted) and reported; a record that fails a check is never applied. An empty or missing directory
 * gives a fresh core.
 *
 * <p>Recovery changes the directory (it truncates the tail and deletes temporary snapshot files), so it must not run
 * while a {@link JournaledCore} uses the directory. It runs on the caller's thread.
 */
public final class Recovery {

    /** The recovered core and how it was rebuilt. */
    public record Result(ExchangeCore core, RecoveryReport report) {
    }

    /** What the runtime needs to go on appending. */
    record Recovered(ExchangeCore core, RecoveryReport report, Path appendTo, long lastTimestampNanos) {
    }

    private Recovery() {
    }

    /**
     * @param replayListener receives the events of the replayed records (not those before the snapshot).
     * @throws JournalException if the journal or a snapshot was written with a different core configuration or
     *                          format version, or the core fails on a record.
     */
    public static Result recover(CoreConfig config, Path dataDir, CoreEventListener replayListener) {
        Recovered r = recover(config, dataDir, replayListener, BookKind.FAST);
        return new Result(r.core(), r.report());
    }

    static Recovered recover(CoreConfig config, Path dataDir, CoreEventListener replayListener, BookKind bookKind) {
        byte[] fingerprint = ConfigFingerprint.of(config);
        Path journalDir = dataDir.resolve("journal");
        Path snapshotDir = dataDir.resolve("snapshots");
        try {
            Files.createDirectories(journalDir);
            Files.createDirectories(snapshotDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        SnapshotStore snapshots = new SnapshotStore(snapshotDir, fingerprint, bookKind);
        snapshots.deleteTemporaryFiles();
        List<SnapshotStore.Rejected> rejected = new ArrayList<>();
        Optional<SnapshotStore.Loaded> snapshot = snapshots.newestValid(rejected);
        ExchangeCore core = snapshot.map(SnapshotStore.Loaded::core).orElseGet(() -> new ExchangeCore(config, bookKind));
        long snapshotSequence = snapshot.map(SnapshotStore.Loaded::sequence).orElse(0L);

        JournalReader.Scan scan = new JournalReader(journalDir, fingerprint).scan(snapshotSequence + 1,
                (sequence, timestampNanos, command) -> {
                    try {
                        core.apply(sequence, timestampNanos, command, replayListener);
                    } catch (RuntimeException e) {
                        throw new JournalException("the core failed on journal record " + sequence + " (" + command
                                + ")", e);
                    }
                });

        List<String> notes = new ArrayList<>();
        JournalReader.Defect defect = scan.defect();
        if (defect != null) {
            cutTail(journalDir, defect, scan.segmentsAfter());
        }
        Path appendTo = scan.lastSegment();
        if (appendTo != null && (!Files.exists(appendTo) || scan.lastSequence() != core.lastSequence())) {
            appendTo = null;
        }
        if (scan.lastSequence() < snapshotSequence) {
            notes.add("the journal ends at sequence " + scan.lastSequence() + ", before the snapshot at "
                    + snapshotSequence + "; appending resumes in a new segment at " + (snapshotSequence + 1));
        }
        RecoveryReport report = new RecoveryReport(snapshotSequence, snapshot.map(SnapshotStore.Loaded::path)
                .orElse(null), rejected.stream().map(SnapshotStore.Rejected::toString).toList(),
                scan.recordsHandled(), core.lastSequence(), defect == null ? null : defect.segment(),
                defect == null ? 0 : defect.position(), defect == null ? null : defect.reason(),
                scan.segmentsAfter().size(), notes);
        return new Recovered(core, report, appendTo, scan.lastTimestampNanos());
    }

    private static void cutTail(Path journalDir, JournalReader.Defect defect, List<Path> later) {
        try {
            for (int i = later.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(later.get(i));
            }
            if (defect.position() == 0) {
                Files.deleteIfExists(defect.segment());
            } else {
                try (FileChannel channel = FileChannel.open(defect.segment(), StandardOpenOption.WRITE)) {
                    channel.truncate(defect.position());
                    channel.force(true);
                }
            }
            JournalFormat.forceDirectory(journalDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the journal tail at " + defect, e);
        }
    }
}
