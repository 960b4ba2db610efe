package io.lantau.bench;

import io.lantau.testsupport.CommandKind;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one load-driver run measured. Throughput is per measured iteration (and their mean); latency percentiles come
 * from all measured iterations together.
 *
 * @param options             the run's settings.
 * @param workload            one-line description of the generated workload.
 * @param mix                 measured commands per kind.
 * @param generationMillis    time to generate the workload (not measured in any figure).
 * @param opsPerSecByIteration commands per second of each measured iteration.
 * @param latency             nanoseconds per command (see {@code latencyMeasure}).
 * @param latencyMeasure      what a latency sample is: sampled service time, or response time from intended start.
 * @param tradesPerIteration  trades the measured commands produced (equal in every iteration, checked).
 * @param rejectedPerIteration rejected measured commands (equal in every iteration, checked).
 * @param stateHashHex        the core's state hash after each iteration (equal in every iteration, checked).
 * @param replayOpsPerSec     commands per second recovered from the journal, or a negative number if not measured.
 * @param involuntarySwitches times the OS preempted the driver thread during the measured iterations, or -1.
 */
public record LoadReport(LoadDriverOptions options, String workload, Map<CommandKind, Integer> mix,
        long generationMillis, double[] opsPerSecByIteration, Histogram latency, String latencyMeasure,
        long tradesPerIteration, long rejectedPerIteration, String stateHashHex, double replayOpsPerSec,
        long involuntarySwitches) {

    /** @return the mean of the measured iterations' throughput. */
    public double opsPerSec() {
        return Arrays.stream(opsPerSecByIteration).average().orElse(0);
    }

    public long percentileNanos(double percentile) {
        return latency.getValueAtPercentile(percentile);
    }

    /** @return the report as exactly one JSON object on one line. */
    public String toJson() {
        StringBuilder json = new StringBuilder(1024).append('{');
        field(json, "benchmark", "core");
        field(json, "journal", options.journal().label());
        field(json, "commands", options.commands());
        field(json, "iterations", options.iterations());
        field(json, "warmup", options.warmup());
        field(json, "markets", options.markets());
        field(json, "seed", options.seed());
        field(json, "rateCommandsPerSec", options.rateCommandsPerSec());
        field(json, "opsPerSec", Math.round(opsPerSec()));
        json.append("\"opsPerSecByIteration\":").append(Arrays.stream(opsPerSecByIteration)
                .mapToObj(v -> Long.toString(Math.round(v))).collect(Collectors.joining(",", "[", "]"))).append(',');
        field(json, "p50Nanos", percentileNanos(50));
        field(json, "p90Nanos", percentileNanos(90));
        field(json, "p99Nanos", percentileNanos(99));
        field(json, "p999Nanos", percentileNanos(99.9));
        field(json, "p9999Nanos", percentileNanos(99.99));
        field(json, "maxNanos", latency.getMaxValue());
        field(json, "latencySamples", latency.getTotalCount());
        field(json, "latencyMeasure", latencyMeasure);
        if (replayOpsPerSec >= 0) {
            field(json, "replayOpsPerSec", Math.round(replayOpsPerSec));
        }
        field(json, "involuntaryContextSwitches", involuntarySwitches);
        field(json, "trades", tradesPerIteration);
        field(json, "rejected", rejectedPerIteration);
        field(json, "stateHash", stateHashHex);
        json.append("\"mix\":{");
        for (CommandKind kind : CommandKind.values()) {
            field(json, kind.name(), mix.getOrDefault(kind, 0));
        }
        json.setLength(json.length() - 1);
        json.append("},");
        field(json, "generationMillis", generationMillis);
        field(json, "javaVersion", System.getProperty("java.version"));
        field(json, "gc", garbageCollectors());
        field(json, "cpus", Runtime.getRuntime().availableProcessors());
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    /** @return the report as lines for people. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "throughput: %,.0f commands/s (mean of %d iterations: %s)%n",
                opsPerSec(), opsPerSecByIteration.length, Arrays.stream(opsPerSecByIteration)
                        .mapToObj(v -> String.format(Locale.ROOT, "%,.0f", v)).collect(Collectors.joining(", "))));
        text.append(String.format(Locale.ROOT, "latency (%s, %,d samples): p50 %,d ns  p90 %,d ns  p99 %,d ns  "
                + "p99.9 %,d ns  p99.99 %,d ns  max %,d ns%n", latencyMeasure, latency.getTotalCount(),
                percentileNanos(50), percentileNanos(90), percentileNanos(99), percentileNanos(99.9),
                percentileNanos(99.99), latency.getMaxValue()));
        if (replayOpsPerSec >= 0) {
            text.append(String.format(Locale.ROOT, "replay: %,.0f commands/s recovered from the journal%n",
                    replayOpsPerSec));
        }
        if (involuntarySwitches >= 0) {
            text.append(String.format(Locale.ROOT, "driver thread preempted by the OS %,d times while measuring%n",
                    involuntarySwitches));
        }
        text.append(String.format(Locale.ROOT, "per iteration: %,d trades, %,d rejected; ledger invariant held; "
                + "state hash %s%n", tradesPerIteration, rejectedPerIteration, stateHashHex));
        return text.toString();
    }

    private static String garbageCollectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    private static void field(StringBuilder json, String name, long value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append("\",");
    }
}
