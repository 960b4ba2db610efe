/**
 * WebSockets of the Binance-compatible API: market streams ({@code /ws}, {@code /stream}) fed by the market-data
 * projections, and the WebSocket API ({@code /ws-api/v3}) for user-data streams fed by the core's events.
 *
 * <p><b>Threading:</b> projections call in on their one thread and only hand off. Market data is encoded once per
 * stream on the fan-out thread and delivered by one task per event loop, which writes the same bytes to each of its
 * connections; a connection whose output queue is full is dropped, never waited for. Every connection's state is
 * touched only on its own event loop.
 */
package io.lantau.gateway.ws;
