package io.lantau.store.dispatch;

import io.lantau.core.CoreEventListener;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.event.EventRecorder;
import io.lantau.journal.CommandBoundaryListener;
import io.lantau.journal.ResultListener;
import java.util.function.Consumer;

/**
 * Runs on the engine thread: records each command's events into a {@link CommandRecord} and, when the command ends,
 * hands the record on. Give {@link #events()} to the engine as its event listener and this object as its boundary
 * listener.
 */
final class EventCapture implements CommandBoundaryListener {
    private final Consumer<CommandRecord> handOff;
    private final EventRecorder recorder;
    private CommandRecord current;

    EventCapture(Consumer<CommandRecord> handOff) {
        this.handOff = handOff;
        this.recorder = new EventRecorder(event -> current.add(event));
    }

    CoreEventListener events() {
        return recorder;
    }

    @Override
    public void onCommandStart(long sequence, long timestampNanos, Command command, ResultListener submitter) {
        current = new CommandRecord(sequence, timestampNanos, command, submitter);
    }

    @Override
    public void onCommandEnd(long sequence, ResultCode code) {
        current.complete(code);
        handOff.accept(current);
        current = null;
    }
}
