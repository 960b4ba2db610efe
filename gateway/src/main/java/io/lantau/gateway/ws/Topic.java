package io.lantau.gateway.ws;

import io.lantau.store.market.KlineInterval;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One market stream ({@code btchkd@trade}, {@code !ticker@arr}, ...): its name and the event loops that have
 * subscribers to it. The loop set is copy-on-write: the fan-out thread reads it without locking, loops change it
 * when their first subscriber arrives or their last one leaves.
 */
final class Topic {
    /** What a stream carries. */
    enum Kind {
        DEPTH_DIFF, DEPTH_PARTIAL, TRADE, AGG_TRADE, KLINE, MINI_TICKER, TICKER, BOOK_TICKER, ALL_MINI_TICKERS,
        ALL_TICKERS
    }

    private static final EventLoopFanOut[] NONE = new EventLoopFanOut[0];

    final String name;
    final Kind kind;
    /** The market, or -1 for the all-market streams. */
    final int marketId;
    /** For depth streams: whether it is the 100 ms one (else 1,000 ms). */
    final boolean fast;
    /** For partial depth streams: 5, 10 or 20. */
    final int levels;
    /** For klines. */
    final KlineInterval interval;
    /** {@code {"stream":"<name>","data":} for combined connections. */
    final byte[] combinedPrefix;
    private volatile EventLoopFanOut[] loops = NONE;

    Topic(String name, Kind kind, int marketId, boolean fast, int levels, KlineInterval interval) {
        this.name = name;
        this.kind = kind;
        this.marketId = marketId;
        this.fast = fast;
        this.levels = levels;
        this.interval = interval;
        this.combinedPrefix = ("{\"stream\":\"" + name + "\",\"data\":").getBytes(StandardCharsets.US_ASCII);
    }

    boolean hasSubscribers() {
        return loops.length > 0;
    }

    EventLoopFanOut[] loops() {
        return loops;
    }

    synchronized void addLoop(EventLoopFanOut loop) {
        EventLoopFanOut[] current = loops;
        for (EventLoopFanOut l : current) {
            if (l == loop) {
                return;
            }
        }
        EventLoopFanOut[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = loop;
        loops = next;
    }

    synchronized void removeLoop(EventLoopFanOut loop) {
        EventLoopFanOut[] current = loops;
        int at = -1;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == loop) {
                at = i;
            }
        }
        if (at < 0) {
            return;
        }
        EventLoopFanOut[] next = new EventLoopFanOut[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, current.length - at - 1);
        loops = next;
    }

    /** @return the message as a combined connection receives it: {@code {"stream":..,"data":<raw>}}. */
    byte[] combined(byte[] raw) {
        byte[] out = new byte[combinedPrefix.length + raw.length + 1];
        System.arraycopy(combinedPrefix, 0, out, 0, combinedPrefix.length);
        System.arraycopy(raw, 0, out, combinedPrefix.length, raw.length);
        out[out.length - 1] = '}';
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
