package io.lantau.gateway.nativeapi;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an email address out of sign-in after repeated failures (HK-31, VATP 12.12(c)): {@code maxFailures} failed
 * attempts within {@code window} lock it for {@code duration}; a success clears its count. Counted per normalised
 * email address whether or not it is registered, so that a lock-out says nothing about registration.
 *
 * <p>Held in this process's memory: a restart forgets counts, and several gateway processes count apart. Entries whose
 * window and lock have passed are swept as the map grows. Thread-safe.
 */
final class LoginLockout {
    private static final int SWEEP_EVERY = 4_096;

    private final NativeApiSettings.LockoutRules rules;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private int insertsSinceSweep;

    private record Entry(int failures, Instant windowStart, Instant lockedUntil) {
    }

    LoginLockout(NativeApiSettings.LockoutRules rules) {
        this.rules = rules;
    }

    /** @return the end of the lock on {@code email} if it is locked at {@code now}, else {@code null}. */
    Instant lockedUntil(String email, Instant now) {
        Entry e = entries.get(email);
        return e != null && e.lockedUntil != null && now.isBefore(e.lockedUntil) ? e.lockedUntil : null;
    }

    /** Counts a failed sign-in; the failure that reaches the limit starts the lock. */
    void recordFailure(String email, Instant now) {
        Entry updated = entries.compute(email, (k, e) -> {
            if (e == null || !now.isBefore(e.windowStart.plus(rules.window()))
                    || e.lockedUntil != null && !now.isBefore(e.lockedUntil)) {
                e = new Entry(0, now, null);
            }
            int failures = e.failures + 1;
            Instant lockedUntil = failures >= rules.maxFailures() ? now.plus(rules.duration()) : null;
            return new Entry(failures, e.windowStart, lockedUntil);
        });
        if (updated.failures == 1) {
            maybeSweep(now);
        }
    }

    /** Clears the count after a successful sign-in. */
    void recordSuccess(String email) {
        entries.remove(email);
    }

    private void maybeSweep(Instant now) {
        boolean sweep;
        synchronized (this) {
            sweep = ++insertsSinceSweep >= SWEEP_EVERY;
            if (sweep) {
                insertsSinceSweep = 0;
            }
        }
        if (sweep) {
            entries.values().removeIf(e -> !now.isBefore(e.windowStart.plus(rules.window()))
                    && (e.lockedUntil == null || !now.isBefore(e.lockedUntil)));
        }
    }
}
