package io.lantau.store.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PriceLadderTest {

    @Test
    void shouldMatchSortedMapWhenLevelsComeAndGoAtRandom() {
        for (boolean bids : new boolean[] {true, false}) {
            PriceLadder ladder = new PriceLadder(bids);
            TreeMap<Long, Long> model = new TreeMap<>(bids ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
            Random random = new Random(42);
            for (int i = 0; i < 20_000; i++) {
                long price = 1 + random.nextInt(500);
                long current = model.getOrDefault(price, 0L);
                long delta = current > 0 && random.nextBoolean() ? -1 - random.nextInt((int) current)
                        : 1 + random.nextInt(9);
                long updated = current + delta;
                if (updated == 0) {
                    model.remove(price);
                } else {
                    model.put(price, updated);
                }
                assertThat(ladder.add(price, delta)).isEqualTo(updated);
                if (i % 997 == 0) {
                    assertThat(ladder.top(Integer.MAX_VALUE)).isEqualTo(levels(model, Integer.MAX_VALUE));
                    assertThat(ladder.top(5)).isEqualTo(levels(model, 5));
                }
            }
            assertThat(ladder.size()).isEqualTo(model.size()).isGreaterThan(64);
            assertThat(ladder.bestPriceTicks()).isEqualTo(model.firstKey());
            assertThat(ladder.bestQuantityLots()).isEqualTo(model.firstEntry().getValue());
            assertThat(ladder.quantityAt(model.lastKey())).isEqualTo(model.lastEntry().getValue());
            assertThat(ladder.quantityAt(10_000)).isZero();
        }
    }

    @Test
    void shouldRefuseToGoBelowZeroWhenEventsDisagreeWithBook() {
        PriceLadder ladder = new PriceLadder(true);
        ladder.add(100, 5);

        assertThatThrownBy(() -> ladder.add(100, -6)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ladder.add(101, -1)).isInstanceOf(IllegalStateException.class);
        assertThat(ladder.top(10)).isEqualTo(DepthProjectionTest.levels(100, 5));
        assertThat(new PriceLadder(false).top(10)).isEqualTo(BookLevels.EMPTY);
    }

    private static BookLevels levels(TreeMap<Long, Long> model, int limit) {
        long[] prices = new long[Math.min(limit, model.size())];
        long[] quantities = new long[prices.length];
        int i = 0;
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            if (i == prices.length) {
                break;
            }
            prices[i] = e.getKey();
            quantities[i++] = e.getValue();
        }
        return BookLevels.of(prices, quantities, i);
    }
}
