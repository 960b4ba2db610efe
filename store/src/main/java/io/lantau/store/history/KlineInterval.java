package io.lantau.store.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The kline intervals that can be folded from 1-minute candles, with Binance's codes and alignment: fixed intervals
 * start at multiples of their length since the epoch (UTC), weeks on Monday 00:00 UTC, months on the first day of the
 * calendar month UTC. Immutable.
 */
public enum KlineInterval {
    ONE_MINUTE("1m", 60_000L),
    THREE_MINUTES("3m", 3 * 60_000L),
    FIVE_MINUTES("5m", 5 * 60_000L),
    FIFTEEN_MINUTES("15m", 15 * 60_000L),
    THIRTY_MINUTES("30m", 30 * 60_000L),
    ONE_HOUR("1h", 3_600_000L),
    TWO_HOURS("2h", 2 * 3_600_000L),
    FOUR_HOURS("4h", 4 * 3_600_000L),
    SIX_HOURS("6h", 6 * 3_600_000L),
    EIGHT_HOURS("8h", 8 * 3_600_000L),
    TWELVE_HOURS("12h", 12 * 3_600_000L),
    ONE_DAY("1d", 86_400_000L),
    THREE_DAYS("3d", 3 * 86_400_000L),
    ONE_WEEK("1w", 7 * 86_400_000L),
    /** Calendar month: its length varies; {@link #nominalMillis()} is 31 days. */
    ONE_MONTH("1M", 31 * 86_400_000L);

    /** The epoch (1970-01-01) was a Thursday: Monday-aligned weeks start 4 days after it. */
    private static final long WEEK_OFFSET_MILLIS = 4 * 86_400_000L;

    private final String code;
    private final long nominalMillis;

    KlineInterval(String code, long nominalMillis) {
        this.code = code;
        this.nominalMillis = nominalMillis;
    }

    /** @return the interval with this Binance code ({@code 1m}, {@code 1h}, {@code 1M} …), if foldable. */
    public static Optional<KlineInterval> ofCode(String code) {
        for (KlineInterval interval : values()) {
            if (interval.code.equals(code)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    /** @return Binance's code for it. */
    public String code() {
        return code;
    }

    /** @return its length in milliseconds; for {@link #ONE_MONTH}, an upper bound (31 days). */
    public long nominalMillis() {
        return nominalMillis;
    }

    /** @return the open time (epoch millis) of the interval that contains {@code timeMillis}. */
    public long openTimeOf(long timeMillis) {
        return switch (this) {
            case ONE_WEEK -> Math.floorDiv(timeMillis - WEEK_OFFSET_MILLIS, nominalMillis) * nominalMillis
                    + WEEK_OFFSET_MILLIS;
            case ONE_MONTH -> {
                LocalDate day = Instant.ofEpochMilli(timeMillis).atOffset(ZoneOffset.UTC).toLocalDate();
                yield day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            default -> Math.floorDiv(timeMillis, nominalMillis) * nominalMillis;
        };
    }

    /** @return the open time {@code n} intervals (possibly negative) after the one opening at {@code openTimeMillis}. */
    public long plus(long openTimeMillis, long n) {
        if (this == ONE_MONTH) {
            return Instant.ofEpochMilli(openTimeMillis).atOffset(ZoneOffset.UTC).plusMonths(n).toInstant()
                    .toEpochMilli();
        }
        return Math.addExact(openTimeMillis, Math.multiplyExact(n, nominalMillis));
    }

    /**
     * @return the offset from the epoch at which intervals of fixed length start (Monday-aligned weeks: 4 days);
     *         0 for the others.
     */
    long alignmentOffsetMillis() {
        return this == ONE_WEEK ? WEEK_OFFSET_MILLIS : 0;
    }

    /** @return the open time of the interval after the one that opens at {@code openTimeMillis}. */
    public long nextOpenTime(long openTimeMillis) {
        if (this == ONE_MONTH) {
            return Instant.ofEpochMilli(openTimeMillis).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant()
                    .toEpochMilli();
        }
        return openTimeMillis + nominalMillis;
    }
}
