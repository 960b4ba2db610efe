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
 * The load driver behind {@code lantau bench core}: generates a workload once, then in each iteration builds a fresh
 * core, applies the unmeasured set-up and times the measured commands on one thread.
 *
 * <p>Two ways to time: flat out (closed loop), which gives throughput, with the service time of one command in
 * {@value #SAMPLE_EVERY} sampled for percentiles; or open loop at a fixed rate, where command {@code i} is due at
 * {@code start + i / rate} and its latency runs from that intended start to its end, so a stall counts against every
 * command that queued behind it (no coordinated omission).
 *
 * <p>After every iteration, measured or not, the driver checks the ledger invariant, that the state hash equals the
 * generator's, and that trades and rejections match; any difference stops the run with an exception.
 */
public final class CoreLoadDriver {
    /** In closed-loop mode, one command in this many is timed on its own. */
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
        if (options.journal() != JournalMode.OFF) {
            throw new UnsupportedOperationException("--journal " + options.journal().label()
                    + " needs the journal runtime (io.lantau.journal.CoreRunner), which is not merged yet");
        }
        long generationStart = System.nanoTime();
        Workload workload = WorkloadGenerator.generate(options.workloadConfig());
        long generationMillis = (System.nanoTime() - generationStart) / 1_000_000;
        log.printf(Locale.ROOT, "workload generated in %,d ms: %s%n", generationMillis, workload);
        log.flush();

        Histogram latency = new Histogram(3);
        double[] opsPerSec = new double[options.iterations()];
        CountingListener listener = new CountingListener();
        String stateHash = null;
        for (int iteration = -options.warmup(); iteration < options.iterations(); iteration++) {
            boolean measured = iteration >= 0;
            Histogram histogram = measured ? latency : new Histogram(3);
            ExchangeCore core = workload.newCoreAfterSetup(BookKind.FAST);
            listener.reset();
            System.gc();
            long elapsedNanos = options.openLoop()
                    ? runOpenLoop(core, workload, listener, histogram, options.rateCommandsPerSec())
                    : runClosedLoop(core, workload, listener, histogram);
            stateHash = check(core, workload, listener);
            double rate = workload.commands().length * 1e9 / elapsedNanos;
            log.printf(Locale.ROOT, "%s %d: %,.0f commands/s, %,d trades%n", measured ? "iteration" : "warm-up",
                    measured ? iteration + 1 : iteration + options.warmup() + 1, rate, listener.trades);
            log.flush();
            if (measured) {
                opsPerSec[iteration] = rate;
            }
        }
        String measure = options.openLoop()
                ? String.format(Locale.ROOT, "response time from intended start, open loop at %,d commands/s",
                        options.rateCommandsPerSec())
                : "service time of 1 in " + SAMPLE_EVERY + " commands, closed loop";
        return new LoadReport(options, workload.toString(), workload.kindCounts(), generationMillis, opsPerSec,
                latency, measure, listener.trades, listener.rejections, stateHash, -1);
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

    private static String check(ExchangeCore core, Workload workload, CountingListener listener) {
        LedgerInvariant.verify(core);
        String hash = core.stateHashHex();
        if (!hash.equals(workload.expectedStateHashHex())) {
            throw new IllegalStateException("STATE HASH DIFFERS from the generator's run: " + hash + " != "
                    + workload.expectedStateHashHex());
        }
        if (listener.trades != workload.trades() || listener.rejections != workload.rejectedCount()) {
            throw new IllegalStateException(String.format("run differs from the generator's: %d trades and %d "
                    + "rejections, expected %d and %d", listener.trades, listener.rejections, workload.trades(),
                    workload.rejectedCount()));
        }
        return hash;
    }
}
