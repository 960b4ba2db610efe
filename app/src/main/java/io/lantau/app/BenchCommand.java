package io.lantau.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lantau bench}: the benchmarks, each a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the core and the journal.",
        subcommands = {CoreBenchCommand.class, JmhBenchCommand.class, ApiBenchCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
