package io.lantau.store.market;

import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * How readers copy state that the projection thread writes under a {@link StampedLock}: first optimistically (no
 * writer is delayed), then under the read lock if a write overlapped. A copier must tolerate torn state while
 * optimistic: bound every loop and index by array lengths; anything it throws is retried under the lock.
 */
final class OptimisticRead {
    private OptimisticRead() {
    }

    static <T> T read(StampedLock lock, Supplier<T> copier) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T value = copier.get();
                if (lock.validate(stamp)) {
                    return value;
                }
            } catch (RuntimeException e) {
                if (lock.validate(stamp)) {
                    throw e;
                }
            }
        }
        stamp = lock.readLock();
        try {
            return copier.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
