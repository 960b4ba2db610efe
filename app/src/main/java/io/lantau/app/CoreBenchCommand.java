package io.lantau.app;

import io.lantau.bench.CoreLoadDriver;
import io.lantau.bench.JournalMode;
import io.lantau.bench.LoadDriverOptions;
import io.lantau.bench.LoadReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lantau bench core}: the load driver over a generated exchange-core-shaped workload. Prints throughput and
 * latency percentiles, or with {@code --json} exactly one JSON object on stdout (progress goes to stderr).
 */
@Command(name = "core", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the trading core over a generated workload (exchange-core's throughput-test mix) and "
                + "report throughput and latency. Fails if the ledger invariant or the state hash is off."})
final class CoreBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    boolean json;

    @Option(names = "--journal", paramLabel = "off|async|fsync", converter = JournalModeConverter.class,
            description = "Journal in front of the core (default: ${DEFAULT-VALUE}).", defaultValue = "off")
    JournalMode journal;

    @Option(names = "--commands", paramLabel = "N", description = "Measured commands (default: ${DEFAULT-VALUE}).")
    int commands = LoadDriverOptions.DEFAULT_COMMANDS;

    @Option(names = "--iterations", paramLabel = "K", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations = LoadDriverOptions.DEFAULT_ITERATIONS;

    @Option(names = "--warmup", paramLabel = "W", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmup = LoadDriverOptions.DEFAULT_WARMUP;

    @Option(names = "--markets", paramLabel = "M",
            description = "Markets the orders spread over; above 7 a generated config (default: ${DEFAULT-VALUE}).")
    int markets = 1;

    @Option(names = "--rate", paramLabel = "R",
            description = "Offer R commands/s open loop and measure latency from intended start; 0 = flat out "
                    + "(default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--seed", paramLabel = "S", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    long seed = LoadDriverOptions.DEFAULT_SEED;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "With --journal: write the journal here (missing or empty directory) and keep the last "
                    + "iteration's, for 'lantau replay DIR'. Default: a temporary directory, deleted.")
    Path dataDir;

    @Override
    public Integer call() {
        LoadDriverOptions options = new LoadDriverOptions(commands, iterations, warmup, markets, rate, seed, journal,
                dataDir);
        PrintWriter out = spec.commandLine().getOut();
        LoadReport report = new CoreLoadDriver(options, json ? spec.commandLine().getErr() : out).run();
        if (json) {
            out.println(report.toJson());
        } else {
            out.print(report.toText());
        }
        out.flush();
        return 0;
    }

    /** Accepts off, async and fsync in any case. */
    static final class JournalModeConverter implements ITypeConverter<JournalMode> {
        @Override
        public JournalMode convert(String value) {
            return JournalMode.of(value);
        }
    }
}
