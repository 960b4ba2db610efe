package io.lantau.app;

import io.lantau.core.config.CoreConfig;
import io.lantau.journal.ReplayReport;
import io.lantau.journal.ReplayVerifier;
import io.lantau.testsupport.WorkloadMarkets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lantau replay DIR}: verifies the journal and snapshots in a data directory by replaying them into a fresh
 * core ({@link ReplayVerifier}); prints what it found and, as the last line, the state hash alone. Exit code 0 if the
 * directory is sound, 1 if it has any problem (a torn tail included), 2 for bad usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Verify the journal in a data directory by replaying it; the state hash is the last line. "
                + "Exit code 1 if anything is wrong."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Data directory holding journal/ and snapshots/.")
    Path dataDirectory;

    @Option(names = "--bench-markets", paramLabel = "M",
            description = "The directory was written by 'bench core --markets M' with M above 7 (a generated "
                    + "configuration); default: the standard markets.")
    int benchMarkets = 1;

    @Override
    public Integer call() {
        CoreConfig config = WorkloadMarkets.of(benchMarkets).config();
        ReplayReport report = ReplayVerifier.verify(dataDirectory, config);
        PrintWriter out = spec.commandLine().getOut();
        report.toLines().forEach(out::println);
        out.flush();
        return report.ok() ? 0 : 1;
    }
}
