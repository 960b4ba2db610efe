/**
 * Order and trade history and 1-minute candles in the relational store: {@link io.lantau.store.history.HistoryProjection}
 * writes them from the core's events, the query repositories serve the Binance-compatible history endpoints
 * (allOrders, myTrades, historicalTrades, aggTrades, klines beyond what market data keeps in memory).
 *
 * <p>Units: prices in ticks, quantities in lots, money in the quote asset's minor unit, as the core emits them. Order
 * and trade times are the sequencer's epoch nanoseconds; query bounds and candle times are epoch milliseconds, as
 * the Binance API speaks. Results are always in ascending id (or time) order.
 */
package io.lantau.store.history;
