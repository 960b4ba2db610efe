package io.lantau.core.event;

import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;

public record CommandRejected(long sequence, long timestampNanos, Command command, ResultCode code) implements CoreEvent {
}
