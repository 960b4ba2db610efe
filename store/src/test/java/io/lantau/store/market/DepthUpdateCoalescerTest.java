package io.lantau.store.market;

import static io.lantau.store.market.DepthProjectionTest.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DepthUpdateCoalescerTest {
    private final DepthUpdate first = new DepthUpdate(0, 10, 5, 5, levels(100, 3, 99, 1), levels(101, 2));
    private final DepthUpdate second = new DepthUpdate(0, 20, 6, 6, levels(100, 0, 98, 4), levels(102, 7));
    private final DepthUpdate third = new DepthUpdate(0, 30, 7, 7, levels(99, 0), levels(101, 0, 102, 8));
    private final DepthUpdate merged = new DepthUpdate(0, 30, 5, 7, levels(100, 0, 99, 0, 98, 4),
            levels(101, 0, 102, 8));

    @Test
    void shouldKeepFirstIdOfFirstAndLastQuantitiesWhenCoalescing() {
        assertThat(first.coalesce(second).coalesce(third)).isEqualTo(merged);
    }

    @Test
    void shouldRejectUpdateWhenItDoesNotFollowWithoutGap() {
        assertThatThrownBy(() -> first.coalesce(third)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> first.coalesce(new DepthUpdate(1, 20, 6, 6, levels(), levels())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDrainWhatWasAddedSinceLastDrainAsOneUpdate() {
        DepthUpdateCoalescer coalescer = new DepthUpdateCoalescer(2);
        coalescer.add(first);
        coalescer.add(second);
        coalescer.add(third);

        assertThat(coalescer.drain(0)).isEqualTo(merged);
        assertThat(coalescer.drain(0)).isNull();
        assertThat(coalescer.drain(1)).isNull();

        DepthUpdate fourth = new DepthUpdate(0, 40, 8, 8, levels(97, 1), levels());
        coalescer.add(fourth);
        assertThat(coalescer.drain(0)).isEqualTo(fourth);
    }

    @Test
    void shouldRejectAddWhenUpdateDoesNotFollowPreviousOne() {
        DepthUpdateCoalescer coalescer = new DepthUpdateCoalescer(1);
        coalescer.add(first);
        coalescer.drain(0);

        assertThatThrownBy(() -> coalescer.add(third)).isInstanceOf(IllegalArgumentException.class);
    }
}
