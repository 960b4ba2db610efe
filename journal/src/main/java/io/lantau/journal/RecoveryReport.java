package io.lantau.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Recovery} did to rebuild the core.
 *
 * @param snapshotSequence   last sequence of the snapshot the core started from, 0 if it started empty.
 * @param snapshotUsed       that snapshot's file, or null.
 * @param snapshotsSkipped   newer snapshots that failed a check, each with its reason.
 * @param recordsReplayed    journal records applied after the snapshot.
 * @param lastSequence       the core's last sequence after recovery; the next command gets the one after.
 * @param truncatedSegment   the segment cut back to its last whole record (or deleted, if its header was bad), or
 *                           null if the journal ended cleanly.
 * @param truncatedAtByte    the length the segment was cut to (0: deleted).
 * @param truncationReason   what was wrong at that point, or null.
 * @param segmentsDeleted    later segments deleted because they followed the bad record.
 * @param notes              anything else worth knowing (for example, a journal that ends before the snapshot).
 */
public record RecoveryReport(
        long snapshotSequence,
        Path snapshotUsed,
        List<String> snapshotsSkipped,
        long recordsReplayed,
        long lastSequence,
        Path truncatedSegment,
        long truncatedAtByte,
        String truncationReason,
        int segmentsDeleted,
        List<String> notes) {

    public RecoveryReport {
        snapshotsSkipped = List.copyOf(snapshotsSkipped);
        notes = List.copyOf(notes);
    }

    /** @return whether a torn or corrupt tail was cut off. */
    public boolean truncated() {
        return truncatedSegment != null;
    }

    /** @return the report as lines for people. */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add(snapshotUsed == null ? "snapshot: none (started from an empty core)"
                : "snapshot: " + snapshotUsed.getFileName() + " (sequence " + snapshotSequence + ")");
        snapshotsSkipped.forEach(s -> lines.add("snapshot skipped: " + s));
        lines.add("records replayed: " + recordsReplayed);
        if (truncated()) {
            lines.add("tail truncated: " + truncatedSegment.getFileName() + " cut to " + truncatedAtByte
                    + " bytes: " + truncationReason + (segmentsDeleted > 0 ? "; " + segmentsDeleted
                    + " later segment(s) deleted" : ""));
        } else {
            lines.add("tail: clean");
        }
        notes.forEach(n -> lines.add("note: " + n));
        lines.add("last sequence: " + lastSequence);
        return lines;
    }
}
