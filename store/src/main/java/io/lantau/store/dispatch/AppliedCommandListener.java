package io.lantau.store.dispatch;

import io.lantau.journal.ResultListener;

/**
 * A submitter that wants its command's events, not just the result code. The dispatcher calls
 * {@link #onApplied} after the command is durable AND every in-memory projection has applied it, so a reply sent
 * from here is consistent with every read model the client may query next. {@link #onResult} is not used for such
 * a submitter and may stay empty.
 */
public interface AppliedCommandListener extends ResultListener {

    /** Called on the dispatcher thread; must not block. */
    void onApplied(CommandRecord record);

    @Override
    default void onResult(long sequence, io.lantau.core.ResultCode code) {
        // Superseded by onApplied, which comes later with the events.
    }
}
