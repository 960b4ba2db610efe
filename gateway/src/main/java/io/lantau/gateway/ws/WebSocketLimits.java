package io.lantau.gateway.ws;

/**
 * The limits every WebSocket connection lives under; {@link #BINANCE} copies Binance's published ones.
 *
 * @param pingIntervalMillis           how often the server sends a ping frame (Binance: 20 s).
 * @param pongTimeoutMillis            a connection without a pong for this long is closed (Binance: 60 s).
 * @param maxLifetimeMillis            a connection is closed after this long (Binance: 24 h).
 * @param maxIncomingPerSecond         text messages a market-stream connection may send per second; beyond it the
 *                                     connection is closed (Binance: 5).
 * @param maxApiRequestsPerSecond      requests a WebSocket-API connection may send per second; beyond it the request
 *                                     is refused with -1003.
 * @param maxStreamsPerConnection      streams one connection may subscribe to (Binance: 1024).
 * @param maxConnectionsPerIp          open connections (market streams and API together) per client address.
 * @param writeQueueMaxBytes           bytes queued for a connection before it counts as a slow consumer and is
 *                                     dropped.
 */
public record WebSocketLimits(long pingIntervalMillis, long pongTimeoutMillis, long maxLifetimeMillis,
        int maxIncomingPerSecond, int maxApiRequestsPerSecond, int maxStreamsPerConnection, int maxConnectionsPerIp,
        int writeQueueMaxBytes) {

    /** Binance's limits; 300 connections per address; 1 MiB of queued output per connection. */
    public static final WebSocketLimits BINANCE = new WebSocketLimits(20_000, 60_000, 86_400_000, 5, 50, 1024,
            300, 1 << 20);

    public WebSocketLimits {
        if (pingIntervalMillis <= 0 || pongTimeoutMillis <= 0 || maxLifetimeMillis <= 0 || maxIncomingPerSecond <= 0
                || maxApiRequestsPerSecond <= 0 || maxStreamsPerConnection <= 0 || maxConnectionsPerIp <= 0
                || writeQueueMaxBytes <= 0) {
            throw new IllegalArgumentException("every WebSocket limit must be positive: " + this);
        }
    }

    /** @return these limits with another per-address connection cap. */
    public WebSocketLimits withMaxConnectionsPerIp(int connections) {
        return new WebSocketLimits(pingIntervalMillis, pongTimeoutMillis, maxLifetimeMillis, maxIncomingPerSecond,
                maxApiRequestsPerSecond, maxStreamsPerConnection, connections, writeQueueMaxBytes);
    }

    /** @return these limits with another incoming message rate for market-stream connections. */
    public WebSocketLimits withMaxIncomingPerSecond(int messages) {
        return new WebSocketLimits(pingIntervalMillis, pongTimeoutMillis, maxLifetimeMillis, messages,
                maxApiRequestsPerSecond, maxStreamsPerConnection, maxConnectionsPerIp, writeQueueMaxBytes);
    }

    /** @return these limits with other ping and pong timings. */
    public WebSocketLimits withPing(long intervalMillis, long timeoutMillis) {
        return new WebSocketLimits(intervalMillis, timeoutMillis, maxLifetimeMillis, maxIncomingPerSecond,
                maxApiRequestsPerSecond, maxStreamsPerConnection, maxConnectionsPerIp, writeQueueMaxBytes);
    }

    /** @return these limits with another output queue size. */
    public WebSocketLimits withWriteQueueMaxBytes(int bytes) {
        return new WebSocketLimits(pingIntervalMillis, pongTimeoutMillis, maxLifetimeMillis, maxIncomingPerSecond,
                maxApiRequestsPerSecond, maxStreamsPerConnection, maxConnectionsPerIp, bytes);
    }
}
