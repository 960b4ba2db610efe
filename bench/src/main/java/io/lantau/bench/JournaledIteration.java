package io.lantau.bench;

import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.OrderView;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.journal.FsyncPolicy;
import io.lantau.journal.JournalConfig;
import io.lantau.journal.JournaledCore;
import io.lantau.journal.Recovery;
import io.lantau.journal.ResultListener;
import io.lantau.testsupport.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * One load-driver iteration behind the journal: the workload goes through {@link JournaledCore} (sequencer, journal
 * file, core, result release) in a fresh temporary data directory, then the core is recovered from that directory.
 *
 * <p>Timing: a command's latency runs from its submission (closed loop: when the driver calls {@code submit}; open
 * loop: its intended start) to the release of its result, which for {@code fsync} is after the group commit's force.
 * Throughput runs from the first measured submission to the last release. Recovery time over all journaled commands
 * gives the replay rate. The recovered core is what the driver checks (ledger, state hash): so every iteration also
 * proves that the journal gives back exactly the state the commands built.
 *
 * <p>The sequencer's clock hands out the workload's own timestamps (one per command, in order), so the state hash
 * equals the generator's. Snapshots are off: the journal alone is measured, and recovery replays every record.
 */
final class JournaledIteration {
    /** The iteration's figures, and the core recovered from its journal. */
    record Outcome(IterationResult result, ExchangeCore recoveredCore) {
    }

    private JournaledIteration() {
    }

    static Outcome run(Workload workload, LoadDriverOptions options, Histogram histogram) {
        if (options.dataDir() != null) {
            // The directory was missing or empty when the run began (checked by the driver): all in it is ours.
            if (Files.exists(options.dataDir())) {
                deleteRecursively(options.dataDir());
            }
            return run(workload, options, histogram, options.dataDir());
        }
        Path dataDir = createTemporaryDirectory();
        try {
            return run(workload, options, histogram, dataDir);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    /** @throws IllegalArgumentException if {@code dataDir} holds anything: the driver only writes a fresh one. */
    static void checkUsable(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("data directory " + dataDir + " is not empty; the benchmark "
                        + "writes only a missing or empty directory");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome run(Workload workload, LoadDriverOptions options, Histogram histogram, Path dataDir) {
        FsyncPolicy policy = options.journal() == JournalMode.FSYNC ? FsyncPolicy.EVERY_BATCH : FsyncPolicy.ASYNC;
        JournalConfig config = JournalConfig.defaults(dataDir).withFsyncPolicy(policy).withSnapshotEveryCommands(0);
        Command[] setup = workload.setupCommands();
        Command[] commands = workload.commands();
        long firstMeasured = workload.sequenceOf(0);
        MeasuredEvents events = new MeasuredEvents(firstMeasured);
        Releases releases = new Releases(firstMeasured, commands.length, histogram);

        long start;
        long switchesBefore;
        try (JournaledCore runtime = JournaledCore.start(workload.coreConfig(), config, events,
                new WorkloadClock())) {
            for (Command command : setup) {
                runtime.submit(command, ResultListener.NO_OP);
            }
            while (runtime.durableSequence() < setup.length) {
                LockSupport.parkNanos(100_000);
            }
            switchesBefore = ContextSwitches.involuntary();
            start = System.nanoTime();
            if (options.openLoop()) {
                double intervalNanos = 1e9 / options.rateCommandsPerSec();
                for (int i = 0; i < commands.length; i++) {
                    long intended = start + (long) (i * intervalNanos);
                    while (System.nanoTime() < intended) {
                        Thread.onSpinWait();
                    }
                    releases.startNanos[i] = intended;
                    runtime.submit(commands[i], releases);
                }
            } else {
                for (int i = 0; i < commands.length; i++) {
                    releases.startNanos[i] = System.nanoTime();
                    runtime.submit(commands[i], releases);
                }
            }
            while (releases.released < commands.length) {
                LockSupport.parkNanos(50_000);
            }
        }
        long elapsed = releases.lastReleaseNanos - start;
        long switches = switchesBefore < 0 ? -1 : ContextSwitches.involuntary() - switchesBefore;

        long replayStart = System.nanoTime();
        Recovery.Result recovered = Recovery.recover(workload.coreConfig(), dataDir,
                CoreEventListener.NO_OP);
        long replayNanos = System.nanoTime() - replayStart;
        long replayed = recovered.report().recordsReplayed();
        if (replayed != setup.length + (long) commands.length) {
            throw new IllegalStateException("recovery replayed " + replayed + " records, expected "
                    + (setup.length + commands.length) + ": " + recovered.report().toLines());
        }
        IterationResult result = new IterationResult(elapsed, events.trades, releases.rejections, replayNanos,
                replayed, switches);
        return new Outcome(result, recovered.core());
    }

    /** The sequencer's clock: the workload's timestamp of each next sequence (the engine asks once per command). */
    private static final class WorkloadClock implements LongSupplier {
        private long sequence;

        @Override
        public long getAsLong() {
            return Workload.timestampNanos(++sequence);
        }
    }

    /** Counts trades of the measured commands, on the engine thread; read after the runtime is closed. */
    private static final class MeasuredEvents implements CoreEventListener {
        private final long firstMeasured;
        long trades;

        MeasuredEvents(long firstMeasured) {
            this.firstMeasured = firstMeasured;
        }

        @Override
        public void onTradeExecuted(long sequence, long timestampNanos, long tradeId, OrderView taker,
                OrderView maker, long priceTicks, long quantityLots, long quoteMinor,
                long takerFeeMinor, long makerFeeMinor) {
            if (sequence >= firstMeasured) {
                trades++;
            }
        }
    }

    /** Records each measured command's latency when its result is released, on the journal's sync thread. */
    private static final class Releases implements ResultListener {
        final long[] startNanos;
        private final long firstMeasured;
        private final Histogram histogram;
        long rejections;
        long lastReleaseNanos;
        volatile int released;

        Releases(long firstMeasured, int commands, Histogram histogram) {
            this.firstMeasured = firstMeasured;
            this.startNanos = new long[commands];
            this.histogram = histogram;
        }

        @Override
        public void onResult(long sequence, ResultCode code) {
            long now = System.nanoTime();
            histogram.recordValue(Math.max(0, now - startNanos[(int) (sequence - firstMeasured)]));
            if (code != ResultCode.OK) {
                rejections++;
            }
            lastReleaseNanos = now;
            released = released + 1;
        }
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("lantau-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
