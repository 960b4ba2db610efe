package io.lantau.store.dispatch;

import io.lantau.core.config.CoreConfig;
import io.lantau.journal.EventReplay;
import io.lantau.store.Projection;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings projections that persist their offset (the relational history) up to the end of the journal at start-up,
 * before the engine runs: the journal's events after the lowest offset are regenerated ({@link EventReplay}) and each
 * projection gets those after its own offset, then commits. So after a crash a projection resumes with no gap and no
 * duplicate. Runs on the caller's thread.
 */
public final class JournalCatchUp {
    private JournalCatchUp() {
    }

    /** @return the last sequence in the journal (the projections now stand there). */
    public static long catchUp(List<Projection> projections, CoreConfig config, Path dataDir) {
        long from = Long.MAX_VALUE;
        for (Projection p : projections) {
            from = Math.min(from, p.lastAppliedSequence());
        }
        if (projections.isEmpty()) {
            return 0;
        }
        EventCapture capture = new EventCapture(record -> {
            for (Projection p : projections) {
                if (record.sequence() > p.lastAppliedSequence()) {
                    p.onCommand(record.sequence(), record.timestampNanos(), record.events());
                }
            }
        });
        long last = EventReplay.replayAfter(config, dataDir, from, capture.events(), capture);
        projections.forEach(Projection::endOfBatch);
        return last;
    }
}
