package io.lantau.collectibles;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The fair draw of a drop, written so that anyone can recompute it from what the API publishes (the entries, the
 * supply, the seed commitment before the drop and the seed after it). The algorithm, step by step:
 *
 * <ol>
 *   <li>Commitment: before entries open the platform publishes {@code commitment = hex(SHA-256(seed))} for a
 *       secret 32-byte seed; after the drop ends it reveals {@code seed}, and
 *       {@link #commitmentMatches(String, byte[])} checks the one against the other.</li>
 *   <li>Tickets: entries sorted by account id ascending; each entry of quantity {@code q} contributes {@code q}
 *       tickets carrying its account id, in that order.</li>
 *   <li>Random stream: block {@code i} (i = 0, 1, 2 …) is {@code SHA-256(seed || "lantau-draw" || i)} with
 *       {@code i} as 8 bytes big-endian; each block yields four unsigned 64-bit big-endian words, read in order.</li>
 *   <li>Uniform index below {@code n}: take the next word {@code w}; reject it (and take another) if
 *       {@code w >= 2^64 - (2^64 mod n)}, else answer {@code w mod n} (no modulo bias).</li>
 *   <li>Shuffle: Fisher–Yates from the last ticket down: for {@code i = n-1 … 1}, {@code j = index below (i+1)},
 *       swap tickets {@code i} and {@code j}.</li>
 *   <li>Winners: the first {@code min(supply, n)} tickets of the shuffled list, in order; position {@code k} gets
 *       the drop's {@code k}-th item by edition.</li>
 * </ol>
 * Stateless and deterministic.
 */
public final class DrawVerifier {
    private static final byte[] DOMAIN = "lantau-draw".getBytes(StandardCharsets.US_ASCII);

    private DrawVerifier() {
    }

    /** One entrant and how many items it asked for. */
    public record Entry(long accountId, int quantity) {
    }

    /** @return whether {@code seed} is the one committed to: lower-case hex SHA-256 equality. */
    public static boolean commitmentMatches(String commitmentHex, byte[] seed) {
        return commitment(seed).equals(commitmentHex);
    }

    /** @return the commitment to a seed: lower-case hex SHA-256. */
    public static String commitment(byte[] seed) {
        return HexFormat.of().formatHex(ContentId.sha256(seed));
    }

    /** @return the winning account ids by position (ticket order after the shuffle, cut to the supply). */
    public static List<Long> winners(byte[] seed, List<Entry> entries, int supply) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::accountId));
        List<Long> tickets = new ArrayList<>();
        for (Entry e : sorted) {
            for (int i = 0; i < e.quantity(); i++) {
                tickets.add(e.accountId());
            }
        }
        Stream stream = new Stream(seed);
        for (int i = tickets.size() - 1; i > 0; i--) {
            int j = (int) stream.below(i + 1);
            Long t = tickets.get(i);
            tickets.set(i, tickets.get(j));
            tickets.set(j, t);
        }
        return List.copyOf(tickets.subList(0, Math.min(supply, tickets.size())));
    }

    /** The SHA-256 counter stream of step 3. */
    private static final class Stream {
        private final byte[] seed;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Stream(byte[] seed) {
            this.seed = seed.clone();
        }

        long below(long n) {
            // 2^64 mod n, computed in unsigned arithmetic: (2^64 - n) mod n.
            long rem = Long.remainderUnsigned(-n, n);
            while (true) {
                long w = next();
                if (rem == 0 || Long.compareUnsigned(w, -rem) < 0) {
                    return Long.remainderUnsigned(w, n);
                }
            }
        }

        private long next() {
            if (!block.hasRemaining()) {
                ByteBuffer input = ByteBuffer.allocate(seed.length + DOMAIN.length + Long.BYTES);
                input.put(seed).put(DOMAIN).putLong(counter++);
                block = ByteBuffer.wrap(ContentId.sha256(input.array()));
            }
            return block.getLong();
        }
    }
}
