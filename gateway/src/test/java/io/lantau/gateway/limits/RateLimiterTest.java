package io.lantau.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(60_000 * 1000);
    private final RateLimiter limiter = new RateLimiter(new RateLimits(10, 3, 5, 2), now::get);

    @Test
    void shouldCountWeightPerIpAndResetEachMinute() {
        assertThat(limiter.request("a", 6).allowed()).isTrue();
        assertThat(limiter.request("a", 4).usedWeight()).isEqualTo(10);
        RateLimiter.Verdict over = limiter.request("a", 1);
        assertThat(over.allowed()).isFalse();
        assertThat(over.banned()).isFalse();
        assertThat(over.retryAfterSeconds()).isEqualTo(60);
        assertThat(limiter.request("b", 1).allowed()).isTrue();
        now.addAndGet(60_000);
        assertThat(limiter.request("a", 1).allowed()).isTrue();
    }

    @Test
    void shouldBanAnIpThatKeepsSendingWhileLimited() {
        limiter.request("a", 10);
        limiter.request("a", 1);
        limiter.request("a", 1);
        RateLimiter.Verdict banned = limiter.request("a", 1);
        assertThat(banned.banned()).isTrue();
        assertThat(banned.retryAfterSeconds()).isEqualTo(120);
        now.addAndGet(60_000);
        assertThat(limiter.request("a", 1).banned()).isTrue();
        now.addAndGet(61_000);
        assertThat(limiter.request("a", 1).allowed()).isTrue();
    }

    @Test
    void shouldCountOrdersPerAccountIn10SecondAndDayWindows() {
        assertThat(limiter.order(1).in10Seconds()).isEqualTo(1);
        limiter.order(1);
        limiter.order(1);
        assertThat(limiter.order(1).allowed()).isFalse();
        assertThat(limiter.order(2).allowed()).isTrue();
        now.addAndGet(10_000);
        assertThat(limiter.order(1).allowed()).isTrue();
        assertThat(limiter.order(1).inDay()).isEqualTo(5);
        now.addAndGet(10_000);
        assertThat(limiter.order(1).allowed()).isFalse();
    }
}
