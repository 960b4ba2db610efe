package io.lantau.journal;

import io.lantau.core.ResultCode;
import org.agrona.BitUtil;

/**
 * Results that wait for durability, in a ring indexed by sequence. The engine thread fills a slot after applying the
 * command and then publishes the batch's last sequence (a volatile write); the sync thread reads slots only up to the
 * published sequence, releases them in order and then publishes how far it got, after which the engine may reuse
 * those slots. The engine never has more than {@link #capacity()} results outstanding.
 */
final class PendingResults {
    private final int capacity;
    private final int mask;
    private final ResultListener[] listeners;
    private final ResultCode[] codes;
    private long listenerFailures;

    PendingResults(int requestedCapacity) {
        this.capacity = BitUtil.findNextPositivePowerOfTwo(requestedCapacity);
        this.mask = capacity - 1;
        this.listeners = new ResultListener[capacity];
        this.codes = new ResultCode[capacity];
    }

    int capacity() {
        return capacity;
    }

    /** Engine thread. */
    void put(long sequence, ResultListener listener, ResultCode code) {
        int index = (int) (sequence & mask);
        listeners[index] = listener;
        codes[index] = code;
    }

    /** Sync thread: calls each listener from {@code fromSequence} to {@code toSequence} inclusive, in order. */
    void release(long fromSequence, long toSequence) {
        for (long s = fromSequence; s <= toSequence; s++) {
            int index = (int) (s & mask);
            ResultListener listener = listeners[index];
            ResultCode code = codes[index];
            listeners[index] = null;
            codes[index] = null;
            try {
                listener.onResult(s, code);
            } catch (RuntimeException e) {
                listenerFailures++;
            }
        }
    }

    /** Sync thread. */
    long listenerFailures() {
        return listenerFailures;
    }
}
