package io.lantau.store.market;

import java.time.LocalDate;

/**
 * Binance's kline intervals, aligned as Binance aligns them in UTC: fixed lengths from the epoch, weeks from Monday
 * 00:00, months from the first of the month 00:00 (so a month's length varies).
 */
public enum KlineInterval {
    SECOND_1("1s", 1_000L),
    MINUTE_1("1m", 60_000L),
    MINUTE_3("3m", 3 * 60_000L),
    MINUTE_5("5m", 5 * 60_000L),
    MINUTE_15("15m", 15 * 60_000L),
    MINUTE_30("30m", 30 * 60_000L),
    HOUR_1("1h", 3_600_000L),
    HOUR_2("2h", 2 * 3_600_000L),
    HOUR_4("4h", 4 * 3_600_000L),
    HOUR_6("6h", 6 * 3_600_000L),
    HOUR_8("8h", 8 * 3_600_000L),
    HOUR_12("12h", 12 * 3_600_000L),
    DAY_1("1d", 86_400_000L),
    DAY_3("3d", 3 * 86_400_000L),
    WEEK_1("1w", 7 * 86_400_000L),
    MONTH_1("1M", 0);

    private static final long DAY_MILLIS = 86_400_000L;
    /** 1970-01-05, the first Monday after the epoch (a Thursday). */
    private static final long MONDAY_OFFSET_MILLIS = 4 * DAY_MILLIS;

    private final String code;
    private final long lengthMillis;

    KlineInterval(String code, long lengthMillis) {
        this.code = code;
        this.lengthMillis = lengthMillis;
    }

    /** @return Binance's name of the interval, such as {@code 1m} or {@code 1M}. */
    public String code() {
        return code;
    }

    /** @return the interval with this Binance name (case-sensitive: {@code 1m} is a minute, {@code 1M} a month). */
    public static KlineInterval ofCode(String code) {
        for (KlineInterval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown kline interval " + code);
    }

    /** @return the start of the interval that contains {@code timeMillis}. */
    public long openTimeOf(long timeMillis) {
        return switch (this) {
            case WEEK_1 -> Math.floorDiv(timeMillis - MONDAY_OFFSET_MILLIS, lengthMillis) * lengthMillis
                    + MONDAY_OFFSET_MILLIS;
            case MONTH_1 -> LocalDate.ofEpochDay(Math.floorDiv(timeMillis, DAY_MILLIS)).withDayOfMonth(1)
                    .toEpochDay() * DAY_MILLIS;
            default -> Math.floorDiv(timeMillis, lengthMillis) * lengthMillis;
        };
    }

    /** @return the fixed length of the interval; for {@link #MONTH_1} (whose length varies) 31 days, an upper bound. */
    public long nominalMillis() {
        return this == MONTH_1 ? 31 * DAY_MILLIS : lengthMillis;
    }

    /** @return where fixed-length intervals start relative to the epoch: 4 days for Monday weeks, else 0. */
    public long alignmentOffsetMillis() {
        return this == WEEK_1 ? MONDAY_OFFSET_MILLIS : 0;
    }

    /** @return the open time of the interval after the one that opens at {@code openTimeMillis}. */
    public long nextOpenTime(long openTimeMillis) {
        return openTimeMillis + lengthMillis(openTimeMillis);
    }

    /** @return the open time {@code n} intervals (possibly negative) after the one opening at {@code openTimeMillis}. */
    public long plus(long openTimeMillis, long n) {
        if (this == MONTH_1) {
            return LocalDate.ofEpochDay(Math.floorDiv(openTimeMillis, DAY_MILLIS)).plusMonths(n).toEpochDay()
                    * DAY_MILLIS;
        }
        return Math.addExact(openTimeMillis, Math.multiplyExact(n, lengthMillis));
    }

    /** @return the length of the interval that starts at {@code openTimeMillis}. */
    public long lengthMillis(long openTimeMillis) {
        if (this == MONTH_1) {
            LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(openTimeMillis, DAY_MILLIS));
            return (start.plusMonths(1).toEpochDay() - start.toEpochDay()) * DAY_MILLIS;
        }
        return lengthMillis;
    }
}
