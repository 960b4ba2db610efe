package io.lantau.journal;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.config.CoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a data directory without changing it: every journal record (header, length, CRC-32C, contiguous sequence,
 * decodable payload), every snapshot (checksum, readable by the core, and equal to the state the journal gives at
 * its sequence), then reports the state hash that recovery would rebuild. Backs {@code lantau replay DIR}.
 *
 * <p>Replays the whole journal from sequence 1 on the caller's thread, holding one core in memory (plus one snapshot
 * at a time). Must not run on a directory a {@link JournaledCore} is writing to.
 */
public final class ReplayVerifier {
    private ReplayVerifier() {
    }

    /** Verifies {@code dataDir} against {@code config}; a missing or empty directory is a fresh core. */
    public static ReplayReport verify(Path dataDir, CoreConfig config) {
        List<String> problems = new ArrayList<>();
        byte[] fingerprint;
        try {
            fingerprint = ConfigFingerprint.of(config);
        } catch (RuntimeException e) {
            problems.add("bad configuration: " + e.getMessage());
            return new ReplayReport(0, 0, problems, 0, null);
        }
        if (!Files.isDirectory(dataDir)) {
            problems.add("no such directory: " + dataDir);
            return new ReplayReport(0, 0, problems, 0, null);
        }
        SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"), fingerprint, BookKind.FAST);
        TreeMap<Long, Path> unchecked = new TreeMap<>();
        for (Path path : snapshots.listNewestFirst()) {
            unchecked.put(SnapshotStore.sequenceOfName(path), path);
        }
        int snapshotsChecked = unchecked.size();
        List<Path> segments = JournalFormat.listSegments(dataDir.resolve("journal"));
        try {
            ExchangeCore core = startingCore(config, snapshots, segments, unchecked, problems);
            if (core == null) {
                return new ReplayReport(0, snapshotsChecked, problems, 0, null);
            }
            JournalReader.Scan scan = new JournalReader(dataDir.resolve("journal"), fingerprint).scan(
                    core.lastSequence() + 1, (sequence, timestampNanos, command) -> {
                        core.apply(sequence, timestampNanos, command, CoreEventListener.NO_OP);
                        Path snapshot = unchecked.remove(sequence);
                        if (snapshot != null) {
                            compare(snapshots, snapshot, core, problems);
                        }
                    });
            if (scan.defect() != null) {
                problems.add("journal: " + scan.defect() + (scan.segmentsAfter().isEmpty() ? ""
                        : " (" + scan.segmentsAfter().size() + " later segment(s) not read)"));
            }
            ExchangeCore result = core;
            for (Map.Entry<Long, Path> e : unchecked.entrySet()) {
                SnapshotStore.Checked checked = snapshots.load(e.getValue());
                if (checked instanceof SnapshotStore.Rejected r) {
                    problems.add("snapshot " + r);
                } else if (checked instanceof SnapshotStore.Loaded loaded && loaded.sequence() > core.lastSequence()) {
                    problems.add("snapshot " + loaded.path().getFileName() + " is ahead of the journal, which ends at "
                            + core.lastSequence());
                    result = loaded.core();
                }
            }
            return new ReplayReport(scan.recordsHandled(), snapshotsChecked, problems, result.lastSequence(),
                    result.stateHashHex());
        } catch (JournalException e) {
            problems.add(e.getMessage());
            return new ReplayReport(0, snapshotsChecked, problems, 0, null);
        } catch (RuntimeException e) {
            problems.add("replay failed: " + e);
            return new ReplayReport(0, snapshotsChecked, problems, 0, null);
        }
    }

    /** @return a fresh core, or the snapshot just before a journal that does not start at 1, or null if none. */
    private static ExchangeCore startingCore(CoreConfig config, SnapshotStore snapshots, List<Path> segments,
            TreeMap<Long, Path> unchecked, List<String> problems) {
        long journalStart = segments.isEmpty() ? 1 : JournalFormat.firstSequenceOfName(segments.getFirst());
        if (journalStart <= 1) {
            return new ExchangeCore(config, BookKind.FAST);
        }
        Path base = unchecked.remove(journalStart - 1);
        if (base != null && snapshots.load(base) instanceof SnapshotStore.Loaded loaded) {
            problems.add("journal starts at sequence " + journalStart + "; replayed from snapshot "
                    + base.getFileName());
            unchecked.headMap(journalStart).clear();
            return loaded.core();
        }
        problems.add("journal starts at sequence " + journalStart + " and no valid snapshot at "
                + (journalStart - 1) + " precedes it");
        return null;
    }

    private static void compare(SnapshotStore snapshots, Path path, ExchangeCore replayed, List<String> problems) {
        switch (snapshots.load(path)) {
            case SnapshotStore.Rejected r -> problems.add("snapshot " + r);
            case SnapshotStore.Loaded loaded -> {
                String expected = replayed.stateHashHex();
                String found = loaded.core().stateHashHex();
                if (!expected.equals(found)) {
                    problems.add("snapshot " + path.getFileName() + " differs from the journal's state at its "
                            + "sequence (hash " + found + ", replay gives " + expected + ")");
                }
            }
        }
    }
}
