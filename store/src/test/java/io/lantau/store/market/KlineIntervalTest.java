package io.lantau.store.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KlineIntervalTest {
    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void shouldAlignFixedIntervalsToEpoch() {
        long t = millis("2026-03-18T13:47:29.123Z");

        assertThat(KlineInterval.MINUTE_1.openTimeOf(t)).isEqualTo(millis("2026-03-18T13:47:00Z"));
        assertThat(KlineInterval.MINUTE_15.openTimeOf(t)).isEqualTo(millis("2026-03-18T13:45:00Z"));
        assertThat(KlineInterval.HOUR_4.openTimeOf(t)).isEqualTo(millis("2026-03-18T12:00:00Z"));
        assertThat(KlineInterval.DAY_1.openTimeOf(t)).isEqualTo(millis("2026-03-18T00:00:00Z"));
        assertThat(KlineInterval.SECOND_1.openTimeOf(t)).isEqualTo(millis("2026-03-18T13:47:29Z"));
    }

    @Test
    void shouldStartWeeksOnMondayAndMonthsOnTheFirst() {
        long wednesday = millis("2026-03-18T13:47:29Z");

        assertThat(KlineInterval.WEEK_1.openTimeOf(wednesday)).isEqualTo(millis("2026-03-16T00:00:00Z"));
        assertThat(KlineInterval.WEEK_1.openTimeOf(millis("2026-03-16T00:00:00Z")))
                .isEqualTo(millis("2026-03-16T00:00:00Z"));
        assertThat(KlineInterval.MONTH_1.openTimeOf(wednesday)).isEqualTo(millis("2026-03-01T00:00:00Z"));
        assertThat(KlineInterval.MONTH_1.lengthMillis(millis("2026-02-01T00:00:00Z")))
                .isEqualTo(28 * 86_400_000L);
        assertThat(KlineInterval.MONTH_1.lengthMillis(millis("2028-02-01T00:00:00Z")))
                .isEqualTo(29 * 86_400_000L);
        assertThat(KlineInterval.MONTH_1.openTimeOf(-1)).isEqualTo(millis("1969-12-01T00:00:00Z"));
    }

    @Test
    void shouldTellMinuteFromMonthWhenParsingCodes() {
        assertThat(KlineInterval.ofCode("1m")).isEqualTo(KlineInterval.MINUTE_1);
        assertThat(KlineInterval.ofCode("1M")).isEqualTo(KlineInterval.MONTH_1);
        assertThatThrownBy(() -> KlineInterval.ofCode("2d")).isInstanceOf(IllegalArgumentException.class);
    }
}
