/**
 * The API load driver behind {@code lantau bench api}: many HTTP connections sending HMAC-signed orders to the
 * Binance-compatible REST API of a running server (open loop at a target rate with latency from each request's
 * intended send time, or closed loop flat out), many WebSocket subscribers counting trade and depth events, and the
 * same client against a bare "hello" route for the HTTP stack's own ceiling. It knows the server only by its URL and
 * API keys; {@code app} starts a server and makes the keys when none is given.
 */
package io.lantau.bench.api;
