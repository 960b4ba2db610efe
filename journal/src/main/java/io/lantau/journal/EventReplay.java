package io.lantau.journal;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.config.CoreConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Regenerates the core's events for journal records after a given sequence, so that a projection that persisted its
 * offset can resume with no gap and no duplicate after a crash. Starts from the newest valid snapshot at or before
 * that sequence (or from an empty core) and replays the journal; events and boundaries are delivered only for
 * records after the sequence. Read-only: it never changes the directory, and stops at a torn or corrupt tail exactly
 * where {@link Recovery} would cut it. Run it before the {@link JournaledCore} starts on the same directory.
 */
public final class EventReplay {
    private EventReplay() {
    }

    /**
     * @return the last sequence replayed (the journal's end), or {@code afterSequence} if nothing followed it.
     * @throws JournalException if the directory belongs to another configuration or the core fails on a record.
     */
    public static long replayAfter(CoreConfig config, Path dataDir, long afterSequence, CoreEventListener events,
            CommandBoundaryListener boundaries) {
        byte[] fingerprint = ConfigFingerprint.of(config);
        SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"), fingerprint, BookKind.FAST);
        List<SnapshotStore.Rejected> rejected = new ArrayList<>();
        Optional<SnapshotStore.Loaded> snapshot = snapshots.newestValidAtOrBefore(afterSequence, rejected);
        ExchangeCore core = snapshot.map(SnapshotStore.Loaded::core).orElseGet(() -> new ExchangeCore(config,
                BookKind.FAST));
        long from = snapshot.map(SnapshotStore.Loaded::sequence).orElse(0L) + 1;
        long[] last = {afterSequence};
        new JournalReader(dataDir.resolve("journal"), fingerprint).scan(from, (sequence, timestampNanos, command) -> {
            boolean deliver = sequence > afterSequence;
            if (deliver) {
                boundaries.onCommandStart(sequence, timestampNanos, command, null);
            }
            var code = core.apply(sequence, timestampNanos, command, deliver ? events : CoreEventListener.NO_OP);
            if (deliver) {
                boundaries.onCommandEnd(sequence, code);
                last[0] = sequence;
            }
        });
        return last[0];
    }
}
