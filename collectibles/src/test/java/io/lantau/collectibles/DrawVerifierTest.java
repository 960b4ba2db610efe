package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrawVerifierTest {
    private static final byte[] SEED = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldGiveTheSameWinnersWhateverTheOrderOfEntries() {
        List<DrawVerifier.Entry> entries = new ArrayList<>();
        for (long a = 10; a < 30; a++) {
            entries.add(new DrawVerifier.Entry(a, (int) (a % 3) + 1));
        }
        List<DrawVerifier.Entry> reversed = new ArrayList<>(entries);
        java.util.Collections.reverse(reversed);

        assertThat(DrawVerifier.winners(SEED, reversed, 7)).isEqualTo(DrawVerifier.winners(SEED, entries, 7))
                .hasSize(7);
    }

    @Test
    void shouldDependOnTheSeed() {
        List<DrawVerifier.Entry> entries = new ArrayList<>();
        for (long a = 1; a <= 50; a++) {
            entries.add(new DrawVerifier.Entry(a, 1));
        }
        byte[] other = SEED.clone();
        other[0] ^= 1;

        assertThat(DrawVerifier.winners(SEED, entries, 10)).isNotEqualTo(DrawVerifier.winners(other, entries, 10));
    }

    @Test
    void shouldGiveEveryEntrantEverythingWhenSupplySuffices() {
        List<DrawVerifier.Entry> entries = List.of(new DrawVerifier.Entry(5, 2), new DrawVerifier.Entry(3, 1));

        assertThat(DrawVerifier.winners(SEED, entries, 10)).containsExactlyInAnyOrder(5L, 5L, 3L);
    }

    @Test
    void shouldDrawEachEntrantAboutEquallyOften() {
        // 4 entrants, 1 item, 4,000 draws with different seeds: each wins close to a quarter.
        List<DrawVerifier.Entry> entries = List.of(new DrawVerifier.Entry(1, 1), new DrawVerifier.Entry(2, 1),
                new DrawVerifier.Entry(3, 1), new DrawVerifier.Entry(4, 1));
        Map<Long, Integer> wins = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            byte[] seed = ("seed-" + i).getBytes(StandardCharsets.US_ASCII);
            wins.merge(DrawVerifier.winners(seed, entries, 1).get(0), 1, Integer::sum);
        }
        assertThat(wins.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void shouldMatchTheSeedToItsCommitmentOnly() {
        String commitment = DrawVerifier.commitment(SEED);
        byte[] other = SEED.clone();
        other[31] ^= 1;

        assertThat(DrawVerifier.commitmentMatches(commitment, SEED)).isTrue();
        assertThat(DrawVerifier.commitmentMatches(commitment, other)).isFalse();
    }
}
