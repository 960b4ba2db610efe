package io.lantau.store.dispatch;

import io.lantau.core.command.Command;

/** Where services send commands (the gateway, compliance, custody): the journaled core. Thread-safe; never blocks. */
public interface CommandSubmitter {

    /**
     * Queues a command. The listener hears back on the dispatcher thread once the command is durable and every
     * in-memory read model has applied it.
     *
     * @return false if the engine's queue is full (overload): nothing was queued.
     */
    boolean submit(Command command, AppliedCommandListener listener);
}
