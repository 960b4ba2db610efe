package io.lantau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How often the operating system took the CPU away from the calling thread (Linux {@code /proc/thread-self/status}).
 * An involuntary switch in a measured loop is a stall the core did not cause: on a small shared machine this, not the
 * core, sets the tail of open-loop latency.
 */
final class ContextSwitches {
    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final String INVOLUNTARY = "nonvoluntary_ctxt_switches:";

    private ContextSwitches() {
    }

    /** @return the calling thread's involuntary context switches so far, or -1 where the OS does not tell. */
    static long involuntary() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(INVOLUNTARY)) {
                    return Long.parseLong(line.substring(INVOLUNTARY.length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
