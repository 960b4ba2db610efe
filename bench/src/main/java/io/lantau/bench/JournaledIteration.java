package io.lantau.bench;

import io.lantau.core.ExchangeCore;
import io.lantau.testsupport.Workload;
import org.HdrHistogram.Histogram;

/** One load-driver iteration behind the journal; waits for the journal runtime. */
final class JournaledIteration {
    record Outcome(IterationResult result, ExchangeCore recoveredCore) {
    }

    private JournaledIteration() {
    }

    static Outcome run(Workload workload, LoadDriverOptions options, Histogram histogram) {
        throw new UnsupportedOperationException("--journal " + options.journal().label()
                + " needs the journal runtime (io.lantau.journal.JournaledCore), which is not merged yet");
    }
}
