package io.lantau.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts request weight per IP in fixed one-minute windows and orders per account in 10-second and one-day windows,
 * as Binance does. An IP over its limit gets 429 with {@code Retry-After}; one that keeps sending while limited is
 * banned (418) for two minutes, doubling with each ban up to three days. Thread-safe; each counter is locked alone.
 */
public final class RateLimiter {
    private static final long MINUTE = 60_000;
    private static final long TEN_SECONDS = 10_000;
    private static final long DAY = 86_400_000;
    private static final long FIRST_BAN_MILLIS = 120_000;
    private static final long MAX_BAN_MILLIS = 3 * DAY;

    private final RateLimits limits;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, IpCounter> ips = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, OrderCounter> accounts = new ConcurrentHashMap<>();

    public RateLimiter(RateLimits limits, LongSupplier clockMillis) {
        this.limits = limits;
        this.clockMillis = clockMillis;
    }

    /** The outcome of counting a request. */
    public record Verdict(boolean allowed, boolean banned, long usedWeight, long retryAfterSeconds) {
    }

    /** The order counts after counting an order. */
    public record OrderCount(boolean allowed, long in10Seconds, long inDay, long retryAfterSeconds) {
    }

    private static final class IpCounter {
        long windowStart;
        long weight;
        long limitedRequests;
        long bannedUntil;
        long lastBanMillis;
    }

    private static final class OrderCounter {
        long shortStart;
        long shortCount;
        long dayStart;
        long dayCount;
    }

    /** Counts {@code weight} for {@code ip}. */
    public Verdict request(String ip, int weight) {
        long now = clockMillis.getAsLong();
        IpCounter c = ips.computeIfAbsent(ip, k -> new IpCounter());
        synchronized (c) {
            if (now < c.bannedUntil) {
                return new Verdict(false, true, c.weight, seconds(c.bannedUntil - now));
            }
            long windowStart = now - now % MINUTE;
            if (c.windowStart != windowStart) {
                c.windowStart = windowStart;
                c.weight = 0;
                c.limitedRequests = 0;
            }
            if (c.weight + weight > limits.requestWeightPerMinute()) {
                if (++c.limitedRequests > limits.requestsAfterLimitBeforeBan()) {
                    c.lastBanMillis = c.lastBanMillis == 0 ? FIRST_BAN_MILLIS
                            : Math.min(MAX_BAN_MILLIS, c.lastBanMillis * 2);
                    c.bannedUntil = now + c.lastBanMillis;
                    return new Verdict(false, true, c.weight, seconds(c.lastBanMillis));
                }
                return new Verdict(false, false, c.weight, seconds(windowStart + MINUTE - now));
            }
            c.weight += weight;
            return new Verdict(true, false, c.weight, 0);
        }
    }

    /** Counts one new order for {@code accountId}. */
    public OrderCount order(long accountId) {
        long now = clockMillis.getAsLong();
        OrderCounter c = accounts.computeIfAbsent(accountId, k -> new OrderCounter());
        synchronized (c) {
            long shortStart = now - now % TEN_SECONDS;
            if (c.shortStart != shortStart) {
                c.shortStart = shortStart;
                c.shortCount = 0;
            }
            long dayStart = now - now % DAY;
            if (c.dayStart != dayStart) {
                c.dayStart = dayStart;
                c.dayCount = 0;
            }
            if (c.shortCount >= limits.ordersPer10Seconds()) {
                return new OrderCount(false, c.shortCount, c.dayCount, seconds(shortStart + TEN_SECONDS - now));
            }
            if (c.dayCount >= limits.ordersPerDay()) {
                return new OrderCount(false, c.shortCount, c.dayCount, seconds(dayStart + DAY - now));
            }
            c.shortCount++;
            c.dayCount++;
            return new OrderCount(true, c.shortCount, c.dayCount, 0);
        }
    }

    /** @return the weight {@code ip} has used in the current minute. */
    public long usedWeight(String ip) {
        IpCounter c = ips.get(ip);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            long now = clockMillis.getAsLong();
            return c.windowStart == now - now % MINUTE ? c.weight : 0;
        }
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
