package io.lantau.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code lantau bench jmh [JMH options] [benchmark regex]}: runs the JMH benchmarks built into this jar, passing every
 * argument to JMH's own command line ({@code -h} lists its options, {@code -l} the benchmarks).
 */
@Command(name = "jmh", description = {"Run the JMH benchmarks (OrderBookBenchmark ...). All arguments go to JMH: "
        + "e.g. 'lantau bench jmh -l', 'lantau bench jmh -f 1 -wi 3 -i 5 OrderBookBenchmark.cancel', "
        + "'lantau bench jmh -h'."})
final class JmhBenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
        return 0;
    }
}
