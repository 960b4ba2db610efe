package io.lantau.testsupport;

/**
 * What a {@link WorkloadGenerator} produces.
 *
 * @param commands         number of measured trading commands.
 * @param markets          number of markets the orders spread over; 1 is the single busy market. Up to 7 uses the
 *                         first markets of {@link io.lantau.core.config.StandardMarkets}; more uses a generated
 *                         configuration (see {@link WorkloadMarkets}).
 * @param accounts         client accounts, each funded by deposits large enough never to run dry.
 * @param targetOpenOrders resting orders the generator keeps, over all markets; the busiest market keeps the largest
 *                         share.
 * @param seed             seed of the pseudo-random draws: the same config always gives the same commands.
 */
public record WorkloadConfig(int commands, int markets, int accounts, int targetOpenOrders, long seed) {
    public static final int DEFAULT_COMMANDS = 3_000_000;
    public static final int DEFAULT_ACCOUNTS = 2_000;
    public static final int DEFAULT_OPEN_ORDERS_PER_MARKET = 1_000;
    public static final long DEFAULT_SEED = 1L;

    public WorkloadConfig {
        if (commands < 0 || markets < 1 || accounts < 2 || targetOpenOrders < 2 * markets) {
            throw new IllegalArgumentException("bad workload config: commands=" + commands + " markets=" + markets
                    + " accounts=" + accounts + " targetOpenOrders=" + targetOpenOrders);
        }
    }

    /** @return the single busy market shaped like exchange-core's throughput test: 2,000 accounts, ~1,000 orders. */
    public static WorkloadConfig singleMarket(int commands, long seed) {
        return new WorkloadConfig(commands, 1, DEFAULT_ACCOUNTS, DEFAULT_OPEN_ORDERS_PER_MARKET, seed);
    }

    /** @return orders over {@code markets} markets, about 1,000 resting orders per market on average. */
    public static WorkloadConfig manyMarkets(int commands, int markets, long seed) {
        return new WorkloadConfig(commands, markets, DEFAULT_ACCOUNTS, DEFAULT_OPEN_ORDERS_PER_MARKET * markets, seed);
    }

    public WorkloadConfig withCommands(int newCommands) {
        return new WorkloadConfig(newCommands, markets, accounts, targetOpenOrders, seed);
    }
}
