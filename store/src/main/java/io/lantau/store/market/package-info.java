/**
 * In-memory market data built from the core's events: depth with a gap-free update id per market, trades and
 * aggregated trades, candles, 24-hour statistics and best bid/ask. Written by one projection thread, read by any.
 */
package io.lantau.store.market;
