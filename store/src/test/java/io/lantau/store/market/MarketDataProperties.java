package io.lantau.store.market;

import io.lantau.store.market.MarketDataSimulation.Check;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants of the market data under a real core driven by long random command sequences (see
 * {@link RandomCommands}); each is checked after every command. A failure names the seed and sequence number: keep it
 * as an {@code @Example} below.
 */
class MarketDataProperties {
    private static final int COMMANDS = 3_000;

    @Property(tries = 20)
    void depthEqualsCoreBookLevels(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.DEPTH).run(COMMANDS);
    }

    @Property(tries = 20)
    void snapshotPlusLaterDiffsReproducesBookWithoutGap(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.DIFFS).run(COMMANDS);
    }

    @Property(tries = 20)
    void tradeRingsHoldTheLastTradesOfTheEvents(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.TRADES).run(COMMANDS);
    }

    @Property(tries = 12)
    void candlesEqualRecomputationFromTrades(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.CANDLES).run(COMMANDS);
    }

    @Property(tries = 12)
    void tickersEqualBruteForceStatistics(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.TICKERS).run(COMMANDS);
    }

    @Property(tries = 20)
    void depthStartedFromCoreMidStreamEqualsDepthFedFromStart(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.DEPTH_FROM_CORE).run(COMMANDS);
    }

    @Property(tries = 12)
    void recoveredMarketDataEqualsMarketDataFedFromStart(@ForAll long seed) {
        new MarketDataSimulation(seed, Check.RECOVERY).run(COMMANDS);
    }
}
