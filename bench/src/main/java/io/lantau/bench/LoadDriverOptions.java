package io.lantau.bench;

import io.lantau.testsupport.WorkloadConfig;
import java.nio.file.Path;

/**
 * Settings of one load-driver run.
 *
 * @param commands           measured commands per iteration (the workload is generated once, before measuring).
 * @param iterations         measured iterations; each starts from a fresh core.
 * @param warmup             unmeasured iterations run first, for the JIT.
 * @param markets            markets the orders spread over (1: the single busy market).
 * @param rateCommandsPerSec 0 to run flat out (throughput); else offer commands open-loop at this rate and measure
 *                           each one's latency from its intended start time (no coordinated omission).
 * @param seed               workload seed.
 * @param journal            whether a journal sits in front of the core.
 * @param dataDir            with a journal: the data directory to write (must be missing or empty; each iteration
 *                           starts it afresh and the last one is kept, for {@code lantau replay}); null for a
 *                           temporary directory per iteration, deleted afterwards.
 */
public record LoadDriverOptions(int commands, int iterations, int warmup, int markets, long rateCommandsPerSec,
        long seed, JournalMode journal, Path dataDir) {

    public static final int DEFAULT_COMMANDS = WorkloadConfig.DEFAULT_COMMANDS;
    public static final long DEFAULT_SEED = WorkloadConfig.DEFAULT_SEED;
    public static final int DEFAULT_ITERATIONS = 5;
    public static final int DEFAULT_WARMUP = 1;

    public LoadDriverOptions {
        if (commands < 1 || iterations < 1 || warmup < 0 || markets < 1 || rateCommandsPerSec < 0) {
            throw new IllegalArgumentException("commands, iterations and markets must be positive; warmup and rate "
                    + "not negative");
        }
        if (journal == null) {
            throw new IllegalArgumentException("journal mode missing");
        }
        if (dataDir != null && journal == JournalMode.OFF) {
            throw new IllegalArgumentException("a data directory needs --journal async or fsync");
        }
    }

    /** @return the defaults: 3 million commands, 5 iterations after 1 warm-up, one market, flat out, no journal. */
    public static LoadDriverOptions defaults() {
        return new LoadDriverOptions(DEFAULT_COMMANDS, DEFAULT_ITERATIONS, DEFAULT_WARMUP, 1, 0, DEFAULT_SEED,
                JournalMode.OFF, null);
    }

    /** @return the workload these options measure. */
    public WorkloadConfig workloadConfig() {
        return markets == 1 ? WorkloadConfig.singleMarket(commands, seed)
                : WorkloadConfig.manyMarkets(commands, markets, seed);
    }

    public boolean openLoop() {
        return rateCommandsPerSec > 0;
    }
}
