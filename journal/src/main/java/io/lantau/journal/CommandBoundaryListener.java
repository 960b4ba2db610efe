package io.lantau.journal;

import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;

/**
 * Learns where each command's events begin and end, and who submitted the command, so that a consumer can hand a
 * request its own events. Called on the engine thread around each {@code ExchangeCore.apply}, before the command is
 * durable; the events themselves go to the {@code CoreEventListener} in between.
 */
public interface CommandBoundaryListener {

    /** A listener that ignores boundaries. */
    CommandBoundaryListener NO_OP = new CommandBoundaryListener() {
        @Override
        public void onCommandStart(long sequence, long timestampNanos, Command command, ResultListener submitter) {
        }

        @Override
        public void onCommandEnd(long sequence, ResultCode code) {
        }
    };

    /**
     * The core is about to apply {@code command}; its events follow.
     *
     * @param submitter the submitter's result listener, or {@code null} when the command is replayed from the journal.
     */
    void onCommandStart(long sequence, long timestampNanos, Command command, ResultListener submitter);

    /** The core has applied the command with this result; no more events of it follow. */
    void onCommandEnd(long sequence, ResultCode code);
}
