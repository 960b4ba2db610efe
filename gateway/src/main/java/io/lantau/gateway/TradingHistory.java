package io.lantau.gateway;

import io.lantau.core.event.OrderSnapshot;
import java.util.List;

/**
 * What the gateway reads from the relational history: orders and an account's own trades. Implemented over the
 * store's repositories. Thread-safe; blocking (JDBC): call it off the event loop.
 */
public interface TradingHistory {

    /** One of an account's fills, as {@code myTrades} shows it. Commission is in the quote asset. */
    record AccountTrade(long tradeId, int marketId, long orderId, long priceTicks, long quantityLots, long quoteMinor,
            long commissionMinor, long timeMillis, boolean buyer, boolean maker) {
    }

    /** @return the account's order in the market, or {@code null}. */
    OrderSnapshot order(long accountId, int marketId, long orderId);

    /** @return the account's most recent order in the market with this client order id, or {@code null}. */
    OrderSnapshot orderByClientId(long accountId, int marketId, String clientOrderId);

    /**
     * Binance {@code allOrders}: with {@code fromOrderId} orders with id ≥ it ascending; else those created in
     * [startMillis, endMillis] (either may be null), the most recent {@code limit}, ascending.
     */
    List<OrderSnapshot> orders(long accountId, int marketId, Long fromOrderId, Long startMillis, Long endMillis,
            int limit);

    /** Binance {@code myTrades}, with the same rules as {@link #orders}, by trade id. */
    List<AccountTrade> trades(long accountId, int marketId, Long fromTradeId, Long startMillis, Long endMillis,
            int limit);

    /** Waits until the history holds every command up to {@code sequence}; false on timeout. */
    boolean awaitCaughtUp(long sequence, long timeoutMillis);
}
