package io.lantau.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lantau replay DIR}: verifies the journal in a data directory by replaying it into a fresh core, and prints
 * the core's state hash as the last line. Exit code 1 if the journal has problems.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Verify the journal in a data directory by replaying it; the state hash is the last line."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Data directory holding the journal (and snapshots).")
    Path dataDirectory;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("needs the journal runtime (io.lantau.journal.ReplayVerifier), "
                + "which is not merged yet");
    }
}
