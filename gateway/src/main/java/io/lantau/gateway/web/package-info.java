/**
 * The browser UI: {@link io.lantau.gateway.web.WebUi} serves the static single-page application of the {@code web}
 * module with a strict Content-Security-Policy, and {@link io.lantau.gateway.web.WebTradingEndpoints} gives the
 * signed-in browser its orders, trades and balances through the native API's cookie session and CSRF token.
 *
 * <p>Why a session and not an API key: a browser that held an HMAC secret would keep it in script-readable storage,
 * where any injected script could take it. The session cookie is {@code HttpOnly; SameSite=Strict}, each state change
 * needs the CSRF token, and the trading endpoints submit the very same core commands, parsed by the very same code
 * ({@link io.lantau.gateway.binance.OrderRequests}), as the Binance-compatible API; only the authentication differs.
 */
package io.lantau.gateway.web;
