package io.lantau.compliance.suitability;

import java.util.List;

/**
 * Whether a client has passed every gate before trading, and if not which gates are missing (in the order of
 * {@link TradingGate}).
 */
public record Readiness(long accountId, List<TradingGate> missing) {
    public Readiness {
        missing = List.copyOf(missing);
    }

    /** @return true if no gate is missing. */
    public boolean ready() {
        return missing.isEmpty();
    }
}
