package io.lantau.bench.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The requests of one connection, shaped like the core bench's flow as far as the Binance API allows (it has no price
 * amendment, so cancels take the amendments' place): passive GTC limit orders up to {@value #GTC_PERCENT} % within
 * 50 ticks of the mid, cancels of this connection's own resting orders ({@value #CANCEL_PERCENT} %), IOC limit orders
 * priced 20 ticks through the mid ({@value #IOC_PERCENT} %) and market orders (the rest). A connection keeps at most
 * its share of the resting target: above it, a GTC order becomes a cancel. Every request is signed with
 * {@code timestamp}, {@code recvWindow} and a fresh {@code newClientOrderId}, so no two are alike (the server refuses
 * replays). Confined to its connection's event loop.
 */
final class OrderFlow {
    static final int CANCEL_PERCENT = 25;
    static final int GTC_PERCENT = 60;
    static final int IOC_PERCENT = 12;
    static final String ORDER_PATH = "/api/v3/order";
    private static final int PASSIVE_SPREAD_TICKS = 50;
    private static final int CROSS_TICKS = 20;
    private static final int RECV_WINDOW_MILLIS = 5_000;

    /** What a request does. */
    enum Kind {
        LIMIT_GTC, CANCEL, LIMIT_IOC, MARKET, HELLO
    }

    /** One request to send: read at once by the sender. */
    record Request(Kind kind, HttpMethod method, String uri, Buffer body) {
    }

    private final String apiKey;
    private final RequestSigner signer;
    private final MarketGrid grid;
    private final String symbol;
    private final int restingTarget;
    private final SplittableRandom random;
    private final String clientIdPrefix;
    private final StringBuilder payload = new StringBuilder(256);
    private long[] open;
    private int openCount;
    private long sequence;
    final long[] generated = new long[Kind.values().length];

    OrderFlow(TraderKey key, MarketGrid grid, String symbol, int restingTarget, long seed, int connection) {
        this.apiKey = key.apiKey();
        this.signer = new RequestSigner(key.secret());
        this.grid = grid;
        this.symbol = symbol;
        this.restingTarget = Math.max(2, restingTarget);
        this.random = new SplittableRandom(seed * 1_000_003L + connection);
        this.clientIdPrefix = "lb" + connection + "-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36)
                + "-";
        this.open = new long[this.restingTarget * 2 + 16];
    }

    String apiKey() {
        return apiKey;
    }

    /** @return the next request, signed at {@code nowMillis}. */
    Request next(long nowMillis) {
        int draw = random.nextInt(100);
        Kind kind;
        if (draw < CANCEL_PERCENT) {
            kind = openCount > 0 ? Kind.CANCEL : Kind.LIMIT_GTC;
        } else if (draw < CANCEL_PERCENT + GTC_PERCENT) {
            kind = openCount >= restingTarget ? Kind.CANCEL : Kind.LIMIT_GTC;
        } else if (draw < CANCEL_PERCENT + GTC_PERCENT + IOC_PERCENT) {
            kind = Kind.LIMIT_IOC;
        } else {
            kind = Kind.MARKET;
        }
        generated[kind.ordinal()]++;
        payload.setLength(0);
        payload.append("symbol=").append(symbol);
        if (kind == Kind.CANCEL) {
            int slot = random.nextInt(openCount);
            long orderId = open[slot];
            open[slot] = open[--openCount];
            payload.append("&orderId=").append(orderId);
            signed(nowMillis);
            return new Request(kind, HttpMethod.DELETE, ORDER_PATH + "?" + payload, null);
        }
        boolean buy = random.nextBoolean();
        payload.append(buy ? "&side=BUY" : "&side=SELL");
        switch (kind) {
            case LIMIT_GTC -> {
                int offset = 1 + random.nextInt(PASSIVE_SPREAD_TICKS);
                payload.append("&type=LIMIT&timeInForce=GTC&quantity=")
                        .append(grid.quantity(1 + random.nextInt(MarketGrid.MAX_LOTS)))
                        .append("&price=").append(grid.price(buy ? -offset : offset));
            }
            case LIMIT_IOC -> payload.append("&type=LIMIT&timeInForce=IOC&quantity=")
                    .append(grid.quantity(1 + random.nextInt(5)))
                    .append("&price=").append(grid.price(buy ? CROSS_TICKS : -CROSS_TICKS));
            case MARKET -> payload.append("&type=MARKET&quantity=").append(grid.quantity(1 + random.nextInt(3)));
            default -> throw new IllegalStateException(kind.name());
        }
        payload.append("&newOrderRespType=RESULT&newClientOrderId=").append(clientIdPrefix).append(++sequence);
        signed(nowMillis);
        return new Request(kind, HttpMethod.POST, ORDER_PATH,
                Buffer.buffer(payload.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private void signed(long nowMillis) {
        payload.append("&timestamp=").append(nowMillis).append("&recvWindow=").append(RECV_WINDOW_MILLIS);
        signer.sign(payload);
    }

    /** Learns from an answer which of this connection's orders rest on the book. */
    void onAnswer(Kind kind, int status, Buffer body) {
        if (kind != Kind.LIMIT_GTC || status != 200 || body == null) {
            return;
        }
        String text = body.toString(StandardCharsets.ISO_8859_1);
        if (!(text.contains("\"status\":\"NEW\"") || text.contains("\"status\":\"PARTIALLY_FILLED\""))) {
            return;
        }
        long orderId = longAfter(text, "\"orderId\":");
        if (orderId > 0) {
            if (openCount == open.length) {
                open = java.util.Arrays.copyOf(open, open.length * 2);
            }
            open[openCount++] = orderId;
        }
    }

    /** @return the unsigned integer after {@code key} in {@code text}, or -1. */
    static long longAfter(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        boolean any = false;
        for (int i = at + key.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            any = true;
        }
        return any ? value : -1;
    }
}
