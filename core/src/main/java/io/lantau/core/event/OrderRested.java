package io.lantau.core.event;

public record OrderRested(long sequence, long timestampNanos, OrderSnapshot order) implements CoreEvent {
}
