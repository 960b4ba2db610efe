package io.lantau.bench.api;

/**
 * When load starts, when measuring starts and ends ({@link System#nanoTime()}), and the wall-clock millis of the
 * measured window (for the timestamps the server puts in stream events). Immutable.
 */
record Window(long startNanos, long measureStartNanos, long measureEndNanos, long measureStartMillis,
        long measureEndMillis) {

    static Window startingIn(long delayNanos, int warmupSeconds, int durationSeconds) {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        long start = nowNanos + delayNanos;
        long measureStart = start + warmupSeconds * 1_000_000_000L;
        long measureEnd = measureStart + durationSeconds * 1_000_000_000L;
        return new Window(start, measureStart, measureEnd, nowMillis + (measureStart - nowNanos) / 1_000_000,
                nowMillis + (measureEnd - nowNanos) / 1_000_000);
    }

    boolean measures(long nanos) {
        return nanos >= measureStartNanos && nanos < measureEndNanos;
    }

    double measuredSeconds() {
        return (measureEndNanos - measureStartNanos) / 1e9;
    }
}
