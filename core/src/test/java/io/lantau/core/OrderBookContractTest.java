package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OrderBook} keeps, run against each implementation (exchange-core's practice of one
 * abstract book test over two books). After every step the book is compared with a sorted list.
 */
abstract class OrderBookContractTest {
    private long nextId = 1;
    private long sequenceOfArrival = 1;

    abstract OrderBook newBook();

    private Order order(Side side, long priceTicks, long lots) {
        Order order = new Order();
        order.orderId = nextId++;
        order.side = side;
        order.priceTicks = priceTicks;
        order.quantityLots = lots;
        order.maxLots = lots;
        order.createdNanos = sequenceOfArrival++;
        return order;
    }

    @Test
    void shouldReturnNothingWhenEmpty() {
        OrderBook book = newBook();
        assertThat(book.best(Side.BUY)).isNull();
        assertThat(book.best(Side.SELL)).isNull();
        assertThat(book.bestPrice(Side.BUY)).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.levels(Side.SELL, 10, new long[10], new long[10])).isZero();
        assertThat(book.orderCount()).isZero();
    }

    @Test
    void shouldOrderBidsByHighestPriceThenArrival() {
        OrderBook book = newBook();
        Order a = order(Side.BUY, 100, 1);
        Order b = order(Side.BUY, 101, 2);
        Order c = order(Side.BUY, 100, 3);
        Order d = order(Side.BUY, 99, 4);
        List.of(a, b, c, d).forEach(book::add);
        assertThat(walk(book, Side.BUY)).containsExactly(b, a, c, d);
        assertThat(book.bestPrice(Side.BUY)).isEqualTo(101);
    }

    @Test
    void shouldOrderAsksByLowestPriceThenArrival() {
        OrderBook book = newBook();
        Order a = order(Side.SELL, 100, 1);
        Order b = order(Side.SELL, 99, 2);
        Order c = order(Side.SELL, 100, 3);
        Order d = order(Side.SELL, 101, 4);
        List.of(a, b, c, d).forEach(book::add);
        assertThat(walk(book, Side.SELL)).containsExactly(b, a, c, d);
        assertThat(book.bestPrice(Side.SELL)).isEqualTo(99);
    }

    @Test
    void shouldKeepSidesApart() {
        OrderBook book = newBook();
        Order bid = order(Side.BUY, 100, 1);
        Order ask = order(Side.SELL, 100, 1);
        book.add(bid);
        book.add(ask);
        assertThat(walk(book, Side.BUY)).containsExactly(bid);
        assertThat(walk(book, Side.SELL)).containsExactly(ask);
        assertThat(book.orderCount()).isEqualTo(2);
    }

    @Test
    void shouldRemoveFromFrontMiddleAndBackOfALevel() {
        OrderBook book = newBook();
        Order a = order(Side.SELL, 100, 1);
        Order b = order(Side.SELL, 100, 2);
        Order c = order(Side.SELL, 100, 3);
        Order d = order(Side.SELL, 100, 4);
        List.of(a, b, c, d).forEach(book::add);
        book.remove(b);
        assertThat(walk(book, Side.SELL)).containsExactly(a, c, d);
        book.remove(a);
        assertThat(walk(book, Side.SELL)).containsExactly(c, d);
        book.remove(d);
        assertThat(walk(book, Side.SELL)).containsExactly(c);
        book.remove(c);
        assertThat(book.best(Side.SELL)).isNull();
        assertThat(book.bestPrice(Side.SELL)).isEqualTo(OrderBook.NO_PRICE);
    }

    @Test
    void shouldAggregateLevelsAndFollowQuantityDecreases() {
        OrderBook book = newBook();
        Order a = order(Side.BUY, 100, 5);
        Order b = order(Side.BUY, 100, 7);
        Order c = order(Side.BUY, 98, 1);
        List.of(a, b, c).forEach(book::add);
        a.filledLots = 2;
        book.decreaseQuantity(a, 2);
        long[] prices = new long[4];
        long[] quantities = new long[4];
        assertThat(book.levels(Side.BUY, 4, prices, quantities)).isEqualTo(2);
        assertThat(prices).startsWith(100, 98);
        assertThat(quantities).startsWith(10, 1);
        assertThat(book.levels(Side.BUY, 1, prices, quantities)).isEqualTo(1);
    }

    @Test
    void shouldPutAReAddedOrderAtTheBackOfItsLevel() {
        OrderBook book = newBook();
        Order a = order(Side.BUY, 100, 1);
        Order b = order(Side.BUY, 100, 1);
        book.add(a);
        book.add(b);
        book.remove(a);
        book.add(a);
        assertThat(walk(book, Side.BUY)).containsExactly(b, a);
    }

    @Test
    void shouldMatchASortedListModelOverRandomOperations() {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            OrderBook book = newBook();
            List<Order> model = new ArrayList<>();
            for (int step = 0; step < 2_000; step++) {
                int op = random.nextInt(10);
                if (op < 5 || model.isEmpty()) {
                    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    long price = side == Side.BUY ? 900 + random.nextInt(100) : 1000 + random.nextInt(100);
                    Order o = order(side, price, 1 + random.nextInt(50));
                    book.add(o);
                    model.add(o);
                } else if (op < 8) {
                    Order o = model.remove(random.nextInt(model.size()));
                    book.remove(o);
                } else {
                    Order o = model.get(random.nextInt(model.size()));
                    if (o.remainingLots() > 1) {
                        o.filledLots++;
                        book.decreaseQuantity(o, 1);
                    }
                }
                assertSameAsModel(book, model);
            }
        }
    }

    private static void assertSameAsModel(OrderBook book, List<Order> model) {
        for (Side side : Side.values()) {
            Comparator<Order> byPrice = Comparator.comparingLong(o -> o.priceTicks);
            Comparator<Order> priority = (side == Side.BUY ? byPrice.reversed() : byPrice)
                    .thenComparingLong(o -> o.createdNanos);
            List<Order> expected = model.stream().filter(o -> o.side == side).sorted(priority).toList();
            assertThat(walk(book, side)).containsExactlyElementsOf(expected);
            long[] prices = new long[1000];
            long[] quantities = new long[1000];
            int levels = book.levels(side, 1000, prices, quantities);
            List<long[]> expectedLevels = new ArrayList<>();
            for (Order o : expected) {
                if (expectedLevels.isEmpty() || expectedLevels.getLast()[0] != o.priceTicks) {
                    expectedLevels.add(new long[] {o.priceTicks, 0});
                }
                expectedLevels.getLast()[1] += o.remainingLots();
            }
            assertThat(levels).isEqualTo(expectedLevels.size());
            for (int i = 0; i < levels; i++) {
                assertThat(new long[] {prices[i], quantities[i]}).containsExactly(expectedLevels.get(i));
            }
        }
        assertThat(book.orderCount()).isEqualTo(model.size());
    }

    private static List<Order> walk(OrderBook book, Side side) {
        List<Order> orders = new ArrayList<>();
        for (Order o = book.best(side); o != null; o = book.next(o)) {
            orders.add(o);
        }
        return orders;
    }
}
