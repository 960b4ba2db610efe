/** Request weights per IP, order counts per account, and bans for clients that ignore 429s, as Binance does. */
package io.lantau.gateway.limits;
