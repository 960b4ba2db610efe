package io.lantau.store.history;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import java.util.List;
import javax.sql.DataSource;

/** Hand-made events for the query tests, fed through a real {@link HistoryProjection}, one command each. */
final class Fixtures {
    static final long T0_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z, a Wednesday
    static final long MINUTE = 60_000L;

    private final HistoryProjection projection;
    private long sequence;

    Fixtures(DataSource dataSource) {
        this.projection = new HistoryProjection(dataSource);
    }

    static OrderSnapshot order(long orderId, long accountId, int marketId, String clientOrderId, Side side,
            long createdMillis) {
        long nanos = createdMillis * 1_000_000L;
        return new OrderSnapshot(orderId, accountId, marketId, clientOrderId, side, OrderType.LIMIT, TimeInForce.GTC,
                SelfTradePrevention.NONE, 100, 10, 0, 0, 0, 0, 0, OrderStatus.NEW, nanos, nanos);
    }

    void accept(OrderSnapshot order) {
        command(order.createdNanos(), new OrderAccepted(sequence + 1, order.createdNanos(), order));
    }

    /** A trade of {@code quantityLots} at {@code priceTicks} between two orders (snapshots made up for the trade). */
    void trade(long tradeId, long timeMillis, int marketId, long takerOrderId, long takerAccountId, Side takerSide,
            long makerOrderId, long makerAccountId, long priceTicks, long quantityLots) {
        long nanos = timeMillis * 1_000_000L + 123_456;
        OrderSnapshot taker = order(takerOrderId, takerAccountId, marketId, null, takerSide, timeMillis);
        OrderSnapshot maker = order(makerOrderId, makerAccountId, marketId, null, takerSide.opposite(), timeMillis);
        command(nanos, new TradeExecuted(sequence + 1, nanos, tradeId, taker, maker, priceTicks, quantityLots,
                priceTicks * quantityLots, quantityLots, 2 * quantityLots));
    }

    private void command(long nanos, CoreEvent event) {
        sequence++;
        projection.onCommand(sequence, nanos, List.of(event));
        projection.endOfBatch();
    }
}
