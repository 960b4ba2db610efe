package io.lantau.store.history;

import static io.lantau.store.history.Fixtures.MINUTE;
import static io.lantau.store.history.Fixtures.T0_MILLIS;
import static io.lantau.store.history.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.Side;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.store.EngineTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderHistoryRepositoryTest extends EngineTestBase {
    private static final long ALICE = 1001;
    private static final long BOB = 1002;
    private Fixtures fixtures;
    private OrderHistoryRepository orders;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        orders = new OrderHistoryRepository(database.dataSource());
    }

    /** Alice's orders 1…10 in market 0, one a minute from T0; Bob's order 11; Alice's order 12 in market 2. */
    private void tenOrders() {
        for (int i = 1; i <= 10; i++) {
            fixtures.accept(order(i, ALICE, 0, "c" + i, Side.BUY, T0_MILLIS + (i - 1) * MINUTE));
        }
        fixtures.accept(order(11, BOB, 0, "c1", Side.SELL, T0_MILLIS + 10 * MINUTE));
        fixtures.accept(order(12, ALICE, 2, null, Side.SELL, T0_MILLIS + 11 * MINUTE));
    }

    @Test
    void shouldFindOrderWhenOwnedByTheAccount() {
        tenOrders();

        assertThat(orders.findByOrderId(ALICE, 3)).hasValueSatisfying(o -> {
            assertThat(o.clientOrderId()).isEqualTo("c3");
            assertThat(o.createdNanos()).isEqualTo((T0_MILLIS + 2 * MINUTE) * 1_000_000L);
        });
    }

    @Test
    void shouldNotFindOrderWhenOwnedByAnotherAccount() {
        tenOrders();

        assertThat(orders.findByOrderId(BOB, 3)).isEmpty();
        assertThat(orders.findByOrderId(ALICE, 999)).isEmpty();
    }

    @Test
    void shouldFindMostRecentOrderWhenClientOrderIdReused() {
        tenOrders();
        fixtures.accept(order(13, ALICE, 0, "c1", Side.BUY, T0_MILLIS + 20 * MINUTE));

        assertThat(orders.findByClientOrderId(ALICE, "c1")).map(OrderSnapshot::orderId).contains(13L);
        assertThat(orders.findByClientOrderId(BOB, "c1")).map(OrderSnapshot::orderId).contains(11L);
        assertThat(orders.findByClientOrderId(BOB, "c2")).isEmpty();
    }

    @Test
    void shouldReturnMostRecentOrdersOldestFirstWhenNoBoundsGiven() {
        tenOrders();

        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.latest(3))).extracting(OrderSnapshot::orderId)
                .containsExactly(8L, 9L, 10L);
    }

    @Test
    void shouldReturnOrdersFromIdWhenFromIdGiven() {
        tenOrders();

        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.fromId(4, 3))).extracting(OrderSnapshot::orderId)
                .containsExactly(4L, 5L, 6L);
    }

    @Test
    void shouldReturnOrdersOfInclusiveWindowWhenStartAndEndGiven() {
        tenOrders();

        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.between(T0_MILLIS + MINUTE, T0_MILLIS + 3 * MINUTE, 500)))
                .extracting(OrderSnapshot::orderId).containsExactly(2L, 3L, 4L);
        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.between(T0_MILLIS + MINUTE, null, 2)))
                .extracting(OrderSnapshot::orderId).containsExactly(2L, 3L);
    }

    @Test
    void shouldReturnLatestOrdersUpToEndWhenOnlyEndGiven() {
        tenOrders();

        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.between(null, T0_MILLIS + 5 * MINUTE, 2)))
                .extracting(OrderSnapshot::orderId).containsExactly(5L, 6L);
    }

    @Test
    void shouldReturnOnlyTheMarketsOrdersWhenMarketGiven() {
        tenOrders();

        assertThat(orders.allOrders(ALICE, 2, HistoryQuery.latest(500))).extracting(OrderSnapshot::orderId)
                .containsExactly(12L);
        assertThat(orders.allOrders(BOB, 2, HistoryQuery.latest(500))).isEmpty();
    }

    @Test
    void shouldApplyDefaultAndMaximumLimitsWhenLimitMissingOrTooLarge() {
        for (int i = 1; i <= 1_100; i++) {
            fixtures.accept(order(i, ALICE, 0, null, Side.BUY, T0_MILLIS + i));
        }

        assertThat(orders.allOrders(ALICE, 0, new HistoryQuery(null, null, null, null))).hasSize(500)
                .first().extracting(OrderSnapshot::orderId).isEqualTo(601L);
        assertThat(orders.allOrders(ALICE, 0, HistoryQuery.fromId(1, 5_000))).hasSize(1_000);
    }
}
