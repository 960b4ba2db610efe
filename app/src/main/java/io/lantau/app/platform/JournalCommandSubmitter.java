package io.lantau.app.platform;

import io.lantau.core.command.Command;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.journal.JournaledCore;
import io.lantau.store.dispatch.AppliedCommandListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Submits the gateway's commands to the journaled core, counting them and timing each from submission until its
 * submitter hears back (durable and projected): the platform's end-to-end command latency.
 */
final class JournalCommandSubmitter implements CommandSubmitter {
    private final JournaledCore core;
    private final Counter submitted;
    private final Counter rejectedForOverload;
    private final Timer latency;

    JournalCommandSubmitter(JournaledCore core, MeterRegistry registry) {
        this.core = core;
        this.submitted = Counter.builder("lantau.commands.submitted").description("Commands accepted into the queue")
                .register(registry);
        this.rejectedForOverload = Counter.builder("lantau.commands.overloaded")
                .description("Commands refused because the engine queue was full").register(registry);
        this.latency = Timer.builder("lantau.commands.latency")
                .description("From submission to the answer: journaled, applied, projected")
                .publishPercentiles(0.5, 0.99, 0.999).register(registry);
    }

    @Override
    public boolean submit(Command command, AppliedCommandListener listener) {
        long start = System.nanoTime();
        boolean queued = core.offer(command, (AppliedCommandListener) record -> {
            latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            listener.onApplied(record);
        });
        if (queued) {
            submitted.increment();
        } else {
            rejectedForOverload.increment();
        }
        return queued;
    }
}
