package io.lantau.gateway.limits;

/**
 * The limits a deployment enforces; Binance's published defaults unless configured otherwise.
 *
 * @param requestWeightPerMinute weight an IP may spend per minute.
 * @param ordersPer10Seconds     orders an account may place per 10 seconds.
 * @param ordersPerDay           orders an account may place per day.
 * @param requestsAfterLimitBeforeBan how many requests an IP may send while limited before it is banned (418).
 */
public record RateLimits(int requestWeightPerMinute, int ordersPer10Seconds, int ordersPerDay,
        int requestsAfterLimitBeforeBan) {

    public static final RateLimits BINANCE_DEFAULTS = new RateLimits(6_000, 100, 200_000, 50);

    /** Effectively unlimited: for load tests against a private server. */
    public static final RateLimits UNLIMITED = new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE);
}
