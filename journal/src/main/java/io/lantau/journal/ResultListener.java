package io.lantau.journal;

import io.lantau.core.ResultCode;

/**
 * Receives the result of a submitted command once the command is durable under the journal's {@link FsyncPolicy}.
 * Called on the journal's sync thread, in sequence order, once per command. Implementations must be quick and must
 * not block: every later result waits for them. An exception thrown here is counted and otherwise ignored.
 */
@FunctionalInterface
public interface ResultListener {
    /** A listener for callers that do not need the result. */
    ResultListener NO_OP = (sequence, code) -> {
    };

    /**
     * @param sequence the sequence number the command was given (and journaled under).
     * @param code     what the core answered.
     */
    void onResult(long sequence, ResultCode code);
}
