package io.lantau.core.event;

import io.lantau.core.InvestorClass;

public record InvestorProfileChanged(long sequence, long timestampNanos, long accountId, InvestorClass investorClass,
        long exposureLimitMinor) implements CoreEvent {
}
