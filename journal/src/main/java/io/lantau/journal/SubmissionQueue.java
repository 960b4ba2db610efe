package io.lantau.journal;

import io.lantau.core.command.Command;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.BitUtil;

/**
 * Bounded many-producer, one-consumer queue of (command, result listener) pairs, held in two parallel arrays so that
 * a submission allocates nothing. Producers claim a slot by compare-and-set on the tail; the command is published last
 * with release semantics, so a consumer that sees it also sees its listener. Closing sets a bit in the tail, after
 * which no slot can be claimed and the consumer drains what was claimed before.
 */
final class SubmissionQueue {
    private static final long CLOSED = 1L << 62;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Command[].class);

    private final int capacity;
    private final int mask;
    private final Command[] commands;
    private final ResultListener[] listeners;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong head = new AtomicLong();

    SubmissionQueue(int requestedCapacity) {
        this.capacity = BitUtil.findNextPositivePowerOfTwo(requestedCapacity);
        this.mask = capacity - 1;
        this.commands = new Command[capacity];
        this.listeners = new ResultListener[capacity];
    }

    int capacity() {
        return capacity;
    }

    /**
     * @return true if queued, false if the queue is full.
     * @throws IllegalStateException if the queue is closed.
     */
    boolean offer(Command command, ResultListener listener) {
        while (true) {
            long t = tail.get();
            if ((t & CLOSED) != 0) {
                throw new IllegalStateException("closed");
            }
            if (t - head.get() >= capacity) {
                return false;
            }
            if (tail.compareAndSet(t, t + 1)) {
                int index = (int) (t & mask);
                listeners[index] = listener;
                SLOTS.setRelease(commands, index, command);
                return true;
            }
        }
    }

    /** Consumer only: moves up to {@code max} pairs into the arrays. @return how many. */
    int drain(Command[] commandsOut, ResultListener[] listenersOut, int max) {
        long h = head.get();
        int n = 0;
        while (n < max) {
            int index = (int) (h & mask);
            Command command = (Command) SLOTS.getAcquire(commands, index);
            if (command == null) {
                break;
            }
            commandsOut[n] = command;
            listenersOut[n] = listeners[index];
            listeners[index] = null;
            SLOTS.setOpaque(commands, index, (Command) null);
            n++;
            h++;
        }
        if (n > 0) {
            head.set(h);
        }
        return n;
    }

    /** @return how many commands wait to be drained (approximate while producers run). */
    int size() {
        return (int) Math.max(0, (tail.get() & ~CLOSED) - head.get());
    }

    /** Stops further offers; what was claimed before stays to be drained. */
    void close() {
        while (true) {
            long t = tail.get();
            if ((t & CLOSED) != 0 || tail.compareAndSet(t, t | CLOSED)) {
                return;
            }
        }
    }

    /** Consumer only: @return whether the queue is closed and everything claimed has been drained. */
    boolean isClosedAndDrained() {
        long t = tail.get();
        return (t & CLOSED) != 0 && head.get() == (t & ~CLOSED);
    }

    boolean isClosed() {
        return (tail.get() & CLOSED) != 0;
    }
}
