package io.lantau.gateway.auth;

import org.agrona.collections.LongHashSet;

/**
 * Refuses a signature already seen inside its time window: beyond Binance's timestamp check, a captured signed request
 * cannot be sent again. Signatures are remembered by a 64-bit hash in one-second buckets, kept for the longest
 * window (60 s) and then dropped, so memory is bounded by the request rate. Thread-safe.
 */
public final class ReplayGuard {
    private static final int BUCKETS = 62;

    private final LongHashSet[] buckets = new LongHashSet[BUCKETS];
    private final long[] bucketSecond = new long[BUCKETS];

    public ReplayGuard() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new LongHashSet();
            bucketSecond[i] = -1;
        }
    }

    /**
     * Records the signature of a request stamped {@code timestampMillis}.
     *
     * @return false if the same signature was already recorded (a replay).
     */
    public synchronized boolean firstUse(String signature, long timestampMillis, long nowMillis) {
        long hash = hash(signature);
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketSecond[i] >= 0 && buckets[i].contains(hash)) {
                return false;
            }
        }
        long second = Math.max(timestampMillis, nowMillis) / 1000;
        int index = (int) Math.floorMod(second, BUCKETS);
        if (bucketSecond[index] != second) {
            buckets[index].clear();
            bucketSecond[index] = second;
        }
        buckets[index].add(hash);
        return true;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= Character.toLowerCase(s.charAt(i));
            h *= 0x100000001b3L;
        }
        return h;
    }
}
