/**
 * In-memory market data built from the core's events: depth with a gap-free update id per market, trades and
 * aggregate trades, candles of every Binance interval, rolling 24-hour statistics, average price and best bid/ask.
 * {@link io.lantau.store.market.MarketData} owns them all behind one {@link io.lantau.store.Projection} and offers the
 * read API; {@link io.lantau.store.market.MarketDataListener} carries every change to the gateway's streams.
 *
 * <p><b>Threading:</b> written by the one projection thread, read by any: each market's state sits behind a
 * {@link java.util.concurrent.locks.StampedLock} that the projection thread takes once per command and readers use
 * optimistically, so a read is a consistent copy and never delays the projection thread unless they overlap.
 * <b>Units:</b> ticks, lots and minor units, as in the core; the gateway renders decimals with the market's
 * {@link io.lantau.core.config.MarketSpec}. <b>Time:</b> only the commands' timestamps, never a clock.
 */
package io.lantau.store.market;
