package io.lantau.gateway.ws;

import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * A final text frame over UTF-8 bytes encoded once and shared by every subscriber. {@link WebSocketFrame#textFrame}
 * would encode the string again for each connection; Vert.x's frame class wraps a byte array without copying and
 * gives each frame its own reference count, so a message of a stream costs one encoding however many connections
 * receive it. The frame itself is single-use (Netty releases it after the write): make one per write.
 */
final class SharedTextFrame {
    private SharedTextFrame() {
    }

    /** @param utf8 the message text, never changed afterwards. */
    static WebSocketFrame of(byte[] utf8) {
        return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true);
    }
}
