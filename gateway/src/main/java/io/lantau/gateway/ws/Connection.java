package io.lantau.gateway.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;

/**
 * What every WebSocket connection has: its socket and event loop, Binance's liveness rules (a ping every interval,
 * closed after the pong timeout or the maximum lifetime), an incoming message rate, and writes that drop the
 * connection instead of queueing without bound. Touched only on its event loop.
 */
abstract class Connection {
    /** RFC 6455: the endpoint is going away / a policy was violated / the message was too big for us. */
    static final short GOING_AWAY = 1001;
    static final short POLICY_VIOLATION = 1008;
    static final short TRY_AGAIN_LATER = 1013;
    private static final Buffer PING = Buffer.buffer("lantau");

    final ServerWebSocket ws;
    final EventLoopFanOut loop;
    final WebSocketGateway gateway;
    final String ip;
    final long connectedMillis;
    private long lastPongMillis;
    private long lastPingMillis;
    private long windowStartMillis;
    private int messagesInWindow;
    private boolean closed;

    Connection(ServerWebSocket ws, EventLoopFanOut loop, WebSocketGateway gateway, String ip) {
        this.ws = ws;
        this.loop = loop;
        this.gateway = gateway;
        this.ip = ip;
        this.connectedMillis = gateway.nowMillis();
        this.lastPongMillis = connectedMillis;
        this.lastPingMillis = connectedMillis;
        ws.setWriteQueueMaxSize(gateway.limits().writeQueueMaxBytes());
        ws.pongHandler(b -> lastPongMillis = gateway.nowMillis());
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(b -> onText(b.toString(StandardCharsets.UTF_8)));
        ws.exceptionHandler(e -> close(GOING_AWAY, "error"));
        ws.closeHandler(v -> closed());
    }

    abstract void onText(String text);

    /** Called once when the connection is gone, however it ended. */
    abstract void onClosed();

    boolean isClosed() {
        return closed;
    }

    /**
     * Counts one incoming message against a per-second budget.
     *
     * @return false if the budget of the current second is spent.
     */
    boolean withinRate(int perSecond) {
        long now = gateway.nowMillis();
        if (now - windowStartMillis >= 1_000) {
            windowStartMillis = now;
            messagesInWindow = 0;
        }
        return ++messagesInWindow <= perSecond;
    }

    /** Pings when due; closes a connection that stopped answering pings or lived too long. */
    void sweep(long now) {
        if (closed) {
            return;
        }
        WebSocketLimits limits = gateway.limits();
        if (now - lastPongMillis > limits.pongTimeoutMillis()) {
            close(POLICY_VIOLATION, "Pong timeout");
        } else if (now - connectedMillis >= limits.maxLifetimeMillis()) {
            close(GOING_AWAY, "Connection lifetime reached");
        } else if (now - lastPingMillis >= limits.pingIntervalMillis()) {
            lastPingMillis = now;
            ws.writePing(PING);
        }
    }

    /**
     * Writes one message, or drops the connection if its output queue is full (a slow consumer).
     *
     * @return whether it was written.
     */
    boolean send(byte[] utf8) {
        if (closed) {
            return false;
        }
        if (ws.isClosed()) {
            // The peer went away and its close handler has not run yet: writeQueueFull() would throw.
            closed();
            return false;
        }
        if (ws.writeQueueFull()) {
            gateway.countDroppedSlowConsumer();
            close(TRY_AGAIN_LATER, "Slow consumer");
            return false;
        }
        ws.writeFrame(SharedTextFrame.of(utf8));
        return true;
    }

    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    void close(short code, String reason) {
        if (!closed) {
            ws.close(code, reason);
            closed();
        }
    }

    private void closed() {
        if (closed) {
            return;
        }
        closed = true;
        loop.remove(this);
        gateway.connectionClosed(ip);
        onClosed();
    }
}
