package io.lantau.store.market;

import static io.lantau.store.market.Events.amended;
import static io.lantau.store.market.Events.canceled;
import static io.lantau.store.market.Events.command;
import static io.lantau.store.market.Events.expired;
import static io.lantau.store.market.Events.order;
import static io.lantau.store.market.Events.rested;
import static io.lantau.store.market.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.BookKind;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ExpiryReason;
import io.lantau.core.Side;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.AccountKind;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.EventRecorder;
import io.lantau.core.event.OrderSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthProjectionTest {
    private final RecordingListener listener = new RecordingListener();
    private final DepthProjection depth = new DepthProjection(2, listener);

    @Test
    void shouldAddRemainingLotsAtPriceWhenOrderRests() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));
        command(depth, 2, 1_000, rested(order(2, 0, Side.BUY, 100, 7, 3)));
        command(depth, 3, 1_000, rested(order(3, 0, Side.SELL, 105, 2)));

        DepthSnapshot snapshot = depth.depth(0, 100);
        assertThat(snapshot.bids()).isEqualTo(levels(100, 9));
        assertThat(snapshot.asks()).isEqualTo(levels(105, 2));
        assertThat(snapshot.lastUpdateId()).isEqualTo(3);
        assertThat(depth.depth(1, 100).lastUpdateId()).isZero();
    }

    @Test
    void shouldTakeFillFromMakerLevelWhenTradeExecutes() {
        OrderSnapshot maker = order(1, 0, Side.SELL, 105, 10);
        command(depth, 1, 1_000, rested(maker));
        OrderSnapshot taker = order(2, 0, Side.BUY, 110, 4);

        command(depth, 2, 1_000, trade(1, taker, order(1, 0, Side.SELL, 105, 10, 4), 4));

        assertThat(depth.depth(0, 10).asks()).isEqualTo(levels(105, 6));
        assertThat(listener.depthUpdates.getLast()).isEqualTo(
                new DepthUpdate(0, 1_000, 2, 2, BookLevels.EMPTY, levels(105, 6)));
    }

    @Test
    void shouldRemoveLevelWhenItsLastOrderIsCanceled() {
        OrderSnapshot order = order(1, 0, Side.BUY, 100, 5);
        command(depth, 1, 1_000, rested(order));

        command(depth, 2, 2_000, canceled(order));

        assertThat(depth.depth(0, 10).bids().isEmpty()).isTrue();
        assertThat(listener.depthUpdates.getLast().bids()).isEqualTo(levels(100, 0));
        assertThat(depth.restingOrderCount()).isZero();
    }

    @Test
    void shouldIgnoreExpiryWhenOrderWasNotResting() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));

        command(depth, 2, 1_000, expired(order(2, 0, Side.BUY, 99, 5), ExpiryReason.NO_MORE_LIQUIDITY));

        assertThat(depth.lastUpdateId(0)).isEqualTo(1);
        assertThat(listener.depthUpdates).hasSize(1);
    }

    @Test
    void shouldRemoveRestingOrderWhenSelfTradePreventionExpiresIt() {
        OrderSnapshot maker = order(1, 0, Side.SELL, 105, 5);
        command(depth, 1, 1_000, rested(maker));
        command(depth, 2, 1_000, rested(order(2, 0, Side.SELL, 105, 1)));

        command(depth, 3, 1_000, expired(maker, ExpiryReason.SELF_TRADE_PREVENTION));

        assertThat(depth.depth(0, 10).asks()).isEqualTo(levels(105, 1));
    }

    @Test
    void shouldTakeReductionWhenAmendKeepsPriority() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 10, 2)));

        command(depth, 2, 1_000, amended(order(1, 0, Side.BUY, 100, 6, 2), 100, 10, true));

        assertThat(depth.depth(0, 10).bids()).isEqualTo(levels(100, 4));
    }

    @Test
    void shouldMoveOrderWhenAmendLosesPriority() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 10, 2)));
        command(depth, 2, 1_000, rested(order(2, 0, Side.BUY, 98, 1)));

        OrderSnapshot moved = order(1, 0, Side.BUY, 98, 12, 2);
        command(depth, 3, 1_000, amended(moved, 100, 10, false), rested(moved));

        assertThat(depth.depth(0, 10).bids()).isEqualTo(levels(98, 11));
        assertThat(listener.depthUpdates.getLast().bids()).isEqualTo(levels(100, 0, 98, 11));
        assertThat(depth.lastUpdateId(0)).isEqualTo(3);
    }

    @Test
    void shouldMoveUpdateIdOnceWhenOneCommandChangesManyLevels() {
        OrderSnapshot a = order(1, 0, Side.SELL, 101, 2);
        OrderSnapshot b = order(2, 0, Side.SELL, 102, 3);
        command(depth, 1, 1_000, rested(a));
        command(depth, 2, 1_000, rested(b));
        OrderSnapshot taker = order(3, 0, Side.BUY, 102, 10);

        command(depth, 3, 1_000, trade(1, taker, order(1, 0, Side.SELL, 101, 2, 2), 2),
                trade(2, taker, order(2, 0, Side.SELL, 102, 3, 3), 3), rested(order(3, 0, Side.BUY, 102, 10, 5)));

        assertThat(depth.lastUpdateId(0)).isEqualTo(3);
        assertThat(listener.depthUpdates.getLast()).isEqualTo(
                new DepthUpdate(0, 1_000, 3, 3, levels(102, 5), levels(101, 0, 102, 0)));
    }

    @Test
    void shouldKeepUpdateIdWhenCommandLeavesBookUnchanged() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));

        command(depth, 2, 1_000);
        command(depth, 3, 1_000, expired(order(2, 0, Side.SELL, 100, 5), ExpiryReason.FILL_OR_KILL));

        assertThat(depth.lastUpdateId(0)).isEqualTo(1);
        assertThat(depth.lastAppliedSequence()).isEqualTo(3);
        assertThat(listener.depthUpdates).hasSize(1);
    }

    @Test
    void shouldListChangedLevelsBestFirstWhenManyChangeAtOnce() {
        List<CoreEvent> rests = new ArrayList<>();
        List<CoreEvent> cancels = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Orders at 40 prices on each side, several per price, in no particular price order.
            long bid = 1_000 - (i * 7L) % 40;
            long ask = 2_000 + (i * 11L) % 40;
            OrderSnapshot buy = order(2L * i + 1, 1, Side.BUY, bid, 1 + i % 3);
            OrderSnapshot sell = order(2L * i + 2, 1, Side.SELL, ask, 1 + i % 5);
            rests.add(rested(buy));
            rests.add(rested(sell));
            cancels.add(canceled(buy));
            cancels.add(canceled(sell));
        }
        depth.onCommand(1, 0, rests);
        DepthUpdate added = listener.depthUpdates.getLast();
        assertThat(added.bids().size()).isEqualTo(40);
        assertThat(added.asks().size()).isEqualTo(40);
        assertThat(added.bids()).isEqualTo(depth.depth(1, 1_000).bids());
        assertThat(added.asks()).isEqualTo(depth.depth(1, 1_000).asks());

        depth.onCommand(2, 0, cancels);

        DepthUpdate removed = listener.depthUpdates.getLast();
        assertThat(removed.bids().size()).isEqualTo(40);
        assertThat(removed.bids().priceTicks(0)).isEqualTo(1_000);
        assertThat(removed.asks().priceTicks(0)).isEqualTo(2_000);
        for (int i = 0; i < 40; i++) {
            assertThat(removed.bids().quantityLots(i)).isZero();
            assertThat(removed.asks().quantityLots(i)).isZero();
        }
        assertThat(depth.depth(1, 1_000).bids().isEmpty()).isTrue();
        assertThat(depth.restingOrderCount()).isZero();
    }

    @Test
    void shouldLimitLevelsPerSideWhenLimitIsGiven() {
        for (int i = 0; i < 10; i++) {
            command(depth, i + 1, 1_000, rested(order(i + 1, 0, Side.BUY, 100 + i, 1)),
                    rested(order(100 + i, 0, Side.SELL, 200 + i, 2)));
        }

        DepthSnapshot top = depth.depth(0, 3);

        assertThat(top.bids()).isEqualTo(levels(109, 1, 108, 1, 107, 1));
        assertThat(top.asks()).isEqualTo(levels(200, 2, 201, 2, 202, 2));
        assertThat(top.lastUpdateId()).isEqualTo(10);
    }

    @Test
    void shouldReproduceBookWhenLaterUpdatesAreAppliedToSnapshot() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));
        DepthSnapshot snapshot = depth.depth(0, 1_000);
        command(depth, 2, 1_000, rested(order(2, 0, Side.SELL, 101, 5)));
        command(depth, 3, 1_000, canceled(order(1, 0, Side.BUY, 100, 5)), rested(order(3, 0, Side.BUY, 99, 1)));

        List<DepthUpdate> later = listener.depthUpdates.stream()
                .filter(u -> u.finalUpdateId() > snapshot.lastUpdateId()).toList();

        assertThat(later.getFirst().firstUpdateId()).isEqualTo(snapshot.lastUpdateId() + 1);
        assertThat(BookReplica.of(snapshot).applyAll(later).toSnapshot(0))
                .isEqualTo(depth.depth(0, 1_000));
    }

    @Test
    void shouldPublishBookTickerOnlyWhenBestLevelChanges() {
        command(depth, 1, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));
        command(depth, 2, 1_000, rested(order(2, 0, Side.BUY, 90, 5)));
        command(depth, 3, 1_000, rested(order(3, 0, Side.SELL, 110, 1)));

        assertThat(listener.bookTickers).containsExactly(new BookTicker(0, 1, 100, 5, 0, 0),
                new BookTicker(0, 3, 100, 5, 110, 1));
        assertThat(depth.bookTicker(0)).isEqualTo(new BookTicker(0, 3, 100, 5, 110, 1));
        assertThat(depth.bookTicker(1)).isEqualTo(BookTicker.empty(1));
    }

    @Test
    void shouldSkipCommandWhenItsSequenceWasAlreadyApplied() {
        command(depth, 5, 1_000, rested(order(1, 0, Side.BUY, 100, 5)));

        command(depth, 5, 1_000, rested(order(2, 0, Side.BUY, 100, 5)));
        command(depth, 4, 1_000, rested(order(3, 0, Side.BUY, 100, 5)));

        assertThat(depth.depth(0, 10).bids()).isEqualTo(levels(100, 5));
    }

    @Test
    void shouldFailWhenTradeHitsOrderThatIsNotResting() {
        OrderSnapshot taker = order(2, 0, Side.BUY, 110, 4);

        assertThatThrownBy(() -> command(depth, 1, 1_000, trade(1, taker, order(1, 0, Side.SELL, 105, 10, 4), 4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not resting");
    }

    @Test
    void shouldStartFromCoreBooksAndSequenceWhenBuiltFromCore() {
        ExchangeCore core = new ExchangeCore(StandardMarkets.config(), BookKind.FAST);
        EventRecorder recorder = new EventRecorder();
        core.apply(1, 0, new OpenAccount(11, AccountKind.CLIENT, 0), recorder);
        core.apply(2, 0, new Deposit(1, 11, StandardMarkets.HKD.assetId(), 1_000_000_000L), recorder);
        core.apply(3, 0, new Deposit(2, 11, StandardMarkets.BTC.assetId(), 1_000_000_000L), recorder);
        core.apply(4, 0, PlaceOrder.limit(11, 0, Side.BUY, 49_000, 3), recorder);
        core.apply(5, 0, PlaceOrder.limit(11, 0, Side.BUY, 49_000, 2), recorder);
        core.apply(6, 0, PlaceOrder.limit(11, 0, Side.SELL, 51_000, 7), recorder);

        DepthProjection fromCore = DepthProjection.fromCore(core, listener);

        DepthSnapshot snapshot = fromCore.depth(0, 100);
        assertThat(snapshot.lastUpdateId()).isEqualTo(6);
        assertThat(snapshot.bids()).isEqualTo(levels(49_000, 5));
        assertThat(snapshot.asks()).isEqualTo(levels(51_000, 7));
        assertThat(fromCore.depth(1, 100).lastUpdateId()).isEqualTo(6);
        assertThat(fromCore.lastAppliedSequence()).isEqualTo(6);
        assertThat(fromCore.bookTicker(0)).isEqualTo(new BookTicker(0, 6, 49_000, 5, 51_000, 7));
        assertThat(listener.depthUpdates).isEmpty();

        core.apply(7, 0, new OpenAccount(12, AccountKind.CLIENT, 0), recorder);
        core.apply(8, 0, new Deposit(3, 12, StandardMarkets.BTC.assetId(), 1_000_000_000L), recorder);
        recorder.clear();
        core.apply(9, 5_000_000, PlaceOrder.limit(12, 0, Side.SELL, 49_000, 1), recorder);
        fromCore.onCommand(9, 5_000_000, recorder.events());
        assertThat(listener.depthUpdates).containsExactly(
                new DepthUpdate(0, 5, 7, 7, levels(49_000, 4), BookLevels.EMPTY));
    }

    static BookLevels levels(long... priceQuantityPairs) {
        long[] prices = new long[priceQuantityPairs.length / 2];
        long[] quantities = new long[prices.length];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = priceQuantityPairs[2 * i];
            quantities[i] = priceQuantityPairs[2 * i + 1];
        }
        return BookLevels.of(prices, quantities, prices.length);
    }
}
