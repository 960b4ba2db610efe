package io.lantau.store.dispatch;

import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.event.CoreEvent;
import io.lantau.journal.ResultListener;
import java.util.ArrayList;
import java.util.List;

/**
 * One applied command with its result and events, as the dispatcher hands it on. Built on the engine thread,
 * immutable once published to the dispatcher.
 */
public final class CommandRecord {
    private final long sequence;
    private final long timestampNanos;
    private final Command command;
    private final ResultListener submitter;
    private final List<CoreEvent> events = new ArrayList<>(8);
    private ResultCode code;

    CommandRecord(long sequence, long timestampNanos, Command command, ResultListener submitter) {
        this.sequence = sequence;
        this.timestampNanos = timestampNanos;
        this.command = command;
        this.submitter = submitter;
    }

    void add(CoreEvent event) {
        events.add(event);
    }

    void complete(ResultCode code) {
        this.code = code;
    }

    public long sequence() {
        return sequence;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    public Command command() {
        return command;
    }

    /** @return who submitted the command (its result listener); {@code null} for replayed commands. */
    public ResultListener submitter() {
        return submitter;
    }

    public ResultCode code() {
        return code;
    }

    /** @return the command's events in emission order. */
    public List<CoreEvent> events() {
        return events;
    }

    /** @return the first event of the given type, or {@code null}. */
    public <E extends CoreEvent> E first(Class<E> type) {
        for (CoreEvent e : events) {
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
        return null;
    }
}
