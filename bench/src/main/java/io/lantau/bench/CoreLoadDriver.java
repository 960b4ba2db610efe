package io.lantau.bench;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.Command;
import io.lantau.testsupport.LedgerInvariant;
import io.lantau.testsupport.Workload;
import io.lantau.testsupport.WorkloadGenerator;
import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The load driver behind {@code lantau bench core}: generates a workload once, then runs it {@code warmup +
 * iterations} times, each from a fresh core, and reports throughput and latency.
 *
 * <p>Without a journal one thread calls {@code ExchangeCore.apply} over the measured commands after the unmeasured
 * set-up. Two ways to time: flat out (closed loop), which gives throughput, with the service time of one command in
 * {@value #SAMPLE_EVERY} sampled for percentiles; or open loop at a fixed rate, where command {@code i} is due at
 * {@code start + i / rate} and its latency runs from that intended start to its end, so a stall counts against every
 * command that queued behind it (no coordinated omission). With a journal, see {@link JournaledIteration}.
 *
 * <p>After every iteration, measured or not, the driver checks the ledger invariant, that the state hash equals the
 * generator's, and that trades and rejections match; any difference stops the run with an exception.
 */
public final class CoreLoadDriver {
    /** In closed-loop mode without a journal, one command in this many is timed on its own. */
    public static final int SAMPLE_EVERY = 16;

    private final LoadDriverOptions options;
    private final PrintWriter log;

    /**
     * @param options the run's settings.
     * @param log     where progress lines go (stderr when stdout carries JSON).
     */
    public CoreLoadDriver(LoadDriverOptions options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    /** Runs the benchmark; throws {@link IllegalStateException} if any check after an iteration fails. */
    public LoadReport run() {
        if (options.dataDir() != null) {
            JournaledIteration.checkUsable(options.dataDir());
        }
        long generationStart = System.nanoTime();
        Workload workload = WorkloadGenerator.generate(options.workloadConfig());
        long generationMillis = (System.nanoTime() - generationStart) / 1_000_000;
        log.printf(Locale.ROOT, "workload generated in %,d ms: %s%n", generationMillis, workload);
        log.flush();

        Histogram latency = new Histogram(3);
        double[] opsPerSec = new double[options.iterations()];
        double replayOpsPerSecTotal = 0;
        long involuntarySwitches = 0;
        String stateHash = null;
        IterationResult last = null;
        for (int iteration = -options.warmup(); iteration < options.iterations(); iteration++) {
            boolean measured = iteration >= 0;
            Histogram histogram = measured ? latency : new Histogram(3);
            System.gc();
            IterationResult result;
            if (options.journal() == JournalMode.OFF) {
                ExchangeCore core = workload.newCoreAfterSetup(BookKind.FAST);
                CountingListener listener = new CountingListener();
                long switchesBefore = ContextSwitches.involuntary();
                long elapsed = options.openLoop()
                        ? runOpenLoop(core, workload, listener, histogram, options.rateCommandsPerSec())
                        : runClosedLoop(core, workload, listener, histogram);
                long switches = switchesBefore < 0 ? -1 : ContextSwitches.involuntary() - switchesBefore;
                result = new IterationResult(elapsed, listener.trades, listener.rejections, -1, 0, switches);
                stateHash = check(core, workload, result);
            } else {
                JournaledIteration.Outcome outcome = JournaledIteration.run(workload, options, histogram);
                result = outcome.result();
                stateHash = check(outcome.recoveredCore(), workload, result);
            }
            last = result;
            double rate = workload.commands().length * 1e9 / result.elapsedNanos();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %d: %,.0f commands/s, %,d trades",
                    measured ? "iteration" : "warm-up", measured ? iteration + 1 : iteration + options.warmup() + 1,
                    rate, result.trades()));
            if (result.involuntarySwitches() >= 0) {
                line.append(String.format(Locale.ROOT, ", preempted %,d times", result.involuntarySwitches()));
                if (measured) {
                    involuntarySwitches += result.involuntarySwitches();
                }
            }
            if (result.replayNanos() >= 0) {
                double replayRate = result.replayedCommands() * 1e9 / result.replayNanos();
                line.append(String.format(Locale.ROOT, "; recovered %,d commands from the journal at %,.0f/s",
                        result.replayedCommands(), replayRate));
                if (measured) {
                    replayOpsPerSecTotal += replayRate;
                }
            }
            log.println(line);
            log.flush();
            if (measured) {
                opsPerSec[iteration] = rate;
            }
        }
        String measure;
        if (options.journal() != JournalMode.OFF) {
            measure = options.openLoop()
                    ? String.format(Locale.ROOT, "intended start to result release, journal %s, open loop at %,d "
                            + "commands/s", options.journal().label(), options.rateCommandsPerSec())
                    : "submit to result release, journal " + options.journal().label() + ", closed loop";
        } else {
            measure = options.openLoop()
                    ? String.format(Locale.ROOT, "response time from intended start, open loop at %,d commands/s",
                            options.rateCommandsPerSec())
                    : "service time of 1 in " + SAMPLE_EVERY + " commands, closed loop";
        }
        double replayOpsPerSec = options.journal() == JournalMode.OFF ? -1
                : replayOpsPerSecTotal / options.iterations();
        return new LoadReport(options, workload.toString(), workload.kindCounts(), generationMillis, opsPerSec,
                latency, measure, last.trades(), last.rejections(), stateHash, replayOpsPerSec,
                last.involuntarySwitches() < 0 ? -1 : involuntarySwitches);
    }

    private static long runClosedLoop(ExchangeCore core, Workload workload, CountingListener listener,
            Histogram histogram) {
        Command[] commands = workload.commands();
        long firstSequence = workload.sequenceOf(0);
        long start = System.nanoTime();
        for (int i = 0; i < commands.length; i++) {
            long sequence = firstSequence + i;
            if (i % SAMPLE_EVERY == 0) {
                long before = System.nanoTime();
                core.apply(sequence, Workload.timestampNanos(sequence), commands[i], listener);
                histogram.recordValue(System.nanoTime() - before);
            } else {
                core.apply(sequence, Workload.timestampNanos(sequence), commands[i], listener);
            }
        }
        return System.nanoTime() - start;
    }

    private static long runOpenLoop(ExchangeCore core, Workload workload, CountingListener listener,
            Histogram histogram, long rate) {
        Command[] commands = workload.commands();
        long firstSequence = workload.sequenceOf(0);
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < commands.length; i++) {
            long intended = start + (long) (i * intervalNanos);
            while (System.nanoTime() < intended) {
                Thread.onSpinWait();
            }
            long sequence = firstSequence + i;
            core.apply(sequence, Workload.timestampNanos(sequence), commands[i], listener);
            histogram.recordValue(System.nanoTime() - intended);
        }
        return System.nanoTime() - start;
    }

    private static String check(ExchangeCore core, Workload workload, IterationResult result) {
        LedgerInvariant.verify(core);
        String hash = core.stateHashHex();
        if (!hash.equals(workload.expectedStateHashHex())) {
            throw new IllegalStateException("STATE HASH DIFFERS from the generator's run: " + hash + " != "
                    + workload.expectedStateHashHex());
        }
        if (result.trades() != workload.trades() || result.rejections() != workload.rejectedCount()) {
            throw new IllegalStateException(String.format("run differs from the generator's: %d trades and %d "
                    + "rejections, expected %d and %d", result.trades(), result.rejections(), workload.trades(),
                    workload.rejectedCount()));
        }
        return hash;
    }
}
