package io.lantau.core;

import io.lantau.core.Simulation.Check;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants of the core under long random command sequences (see {@link CommandGenerator}); each is checked after
 * every command. A failure names the seed and sequence number: keep it as an {@code @Example} below.
 */
class ExchangeCoreProperties {
    private static final int COMMANDS = 3_000;

    @Property(tries = 30)
    void ledgerConservesEveryMinorUnit(@ForAll long seed) {
        new Simulation(seed, Check.LEDGER).run(COMMANDS);
    }

    @Property(tries = 30)
    void lockedEqualsWhatOpenOrdersAndPendingWithdrawalsHold(@ForAll long seed) {
        new Simulation(seed, Check.LOCKS).run(COMMANDS);
    }

    @Property(tries = 30)
    void restingBookIsNeverCrossed(@ForAll long seed) {
        new Simulation(seed, Check.BOOK_NOT_CROSSED).run(COMMANDS);
    }

    @Property(tries = 30)
    void everyFillIsWithinBothLimitPrices(@ForAll long seed) {
        new Simulation(seed, Check.FILL_PRICES).run(COMMANDS);
    }

    @Property(tries = 30)
    void fillOrKillFillsCompletelyOrChangesNothing(@ForAll long seed) {
        new Simulation(seed, Check.FILL_OR_KILL).run(COMMANDS);
    }

    @Property(tries = 30)
    void postOnlyOrdersNeverTake(@ForAll long seed) {
        new Simulation(seed, Check.POST_ONLY).run(COMMANDS);
    }

    @Property(tries = 30)
    void accountNeverTradesWithItselfUnlessTakerModeIsNone(@ForAll long seed) {
        new Simulation(seed, Check.SELF_TRADE).run(COMMANDS);
    }

    @Property(tries = 30)
    void fastAndReferenceBooksEmitIdenticalEventsAndStateHashes(@ForAll long seed) {
        new Simulation(seed, Check.BOOKS_AGREE).run(COMMANDS);
    }

    @Property(tries = 30)
    void engineEmitsExactlyTheEventsOfTheReferenceExchange(@ForAll long seed) {
        new Simulation(seed, Check.MODEL_AGREES).run(COMMANDS);
    }

    @Property(tries = 30)
    void everyItemHasExactlyOneOwnerOrIsBurned(@ForAll long seed) {
        new Simulation(seed, Check.ITEM_OWNERSHIP).run(COMMANDS);
    }

    @Property(tries = 30)
    void noSaleMovesAnItemWithoutItsPaymentOrAPaymentWithoutItsItem(@ForAll long seed) {
        new Simulation(seed, Check.SALES_ATOMIC).run(COMMANDS);
    }
}
