package io.lantau.core.event;

public record OrderAccepted(long sequence, long timestampNanos, OrderSnapshot order) implements CoreEvent {
}
