package io.lantau.testsupport;

/**
 * The kinds of trading command a workload mixes, with their share of the measured commands. The shares follow the
 * mix that exchange-core's single-pair throughput test produces, so our figures can stand beside its figures.
 */
public enum CommandKind {
    /** A GTC limit order placed around the mid price; most rest, a few cross. */
    PLACE_GTC(1_260),
    /** An IOC limit order priced through the book: takes liquidity, never rests. */
    PLACE_IOC(180),
    /** A market buy bounded by a quote budget (exchange-core's FOK_BUDGET). */
    MARKET_BUY_BY_QUOTE(6),
    /** Cancel a random open order. */
    CANCEL(720),
    /** Move a random open order's price a step towards the last trade price: it loses priority and may trade. */
    AMEND_PRICE(7_110),
    /** Lower a random open order's quantity at the same price: it keeps priority. */
    REDUCE_QUANTITY(720);

    /** Sum of all weights; a share is {@code weight / TOTAL_WEIGHT}. */
    public static final int TOTAL_WEIGHT = 9_996;

    private static final CommandKind[] VALUES = values();

    private final int weight;

    CommandKind(int weight) {
        this.weight = weight;
    }

    /** @return the kind's share in hundredths of a percent (1 260 is 12.6 %). */
    public int weight() {
        return weight;
    }

    /** @return the kind that a uniform draw {@code 0 <= draw < TOTAL_WEIGHT} falls on. */
    static CommandKind ofDraw(int draw) {
        int left = draw;
        for (CommandKind kind : VALUES) {
            left -= kind.weight;
            if (left < 0) {
                return kind;
            }
        }
        throw new IllegalArgumentException("draw out of range: " + draw);
    }
}
