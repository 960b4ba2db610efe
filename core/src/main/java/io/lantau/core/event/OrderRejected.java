package io.lantau.core.event;

import io.lantau.core.ResultCode;
import io.lantau.core.command.PlaceOrder;

public record OrderRejected(long sequence, long timestampNanos, PlaceOrder command, ResultCode code) implements CoreEvent {
}
