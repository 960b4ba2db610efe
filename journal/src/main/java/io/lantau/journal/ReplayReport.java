package io.lantau.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ReplayVerifier} found in a data directory.
 *
 * @param records          whole, checked journal records read (and replayed).
 * @param snapshotsChecked snapshot files examined.
 * @param problems         everything that is wrong, one line each; empty if the directory is sound. A torn tail
 *                         (normal after a crash) is listed too: recovery would cut it off.
 * @param lastSequence     the last sequence of the state that recovery would rebuild.
 * @param stateHashHex     the core's state hash (hex) after replay, or null if the directory cannot be replayed at all
 *                         (for example, it was written with another configuration).
 */
public record ReplayReport(long records, int snapshotsChecked, List<String> problems, long lastSequence,
        String stateHashHex) {

    public ReplayReport {
        problems = List.copyOf(problems);
    }

    /** @return whether no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * @return the report as lines for people; the last line is the state hash alone (hex, or {@code -} if there is
     *         none), so scripts can compare it.
     */
    public List<String> toLines() {
        List<String> lines = new ArrayList<>();
        lines.add("journal records: " + records);
        lines.add("snapshots checked: " + snapshotsChecked);
        lines.add("problems: " + (problems.isEmpty() ? "none" : problems.size()));
        problems.forEach(p -> lines.add("  " + p));
        lines.add("last sequence: " + lastSequence);
        lines.add(stateHashHex == null ? "-" : stateHashHex);
        return lines;
    }
}
