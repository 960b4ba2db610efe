package io.lantau.bench.api;

import java.util.List;

/**
 * Settings of one API load run.
 *
 * @param baseUrl          the server, e.g. {@code http://127.0.0.1:8080}.
 * @param symbol           the traded market (Binance symbol, e.g. {@code BTCHKD}).
 * @param midPrice         the price orders are placed around, in the quote asset (e.g. {@code 500000}).
 * @param keys             one key per trading account; connection {@code i} signs with key {@code i % keys}.
 * @param connections      HTTP/1.1 keep-alive connections.
 * @param pipelineDepth    requests in flight per connection (1: no pipelining).
 * @param ratePerSec       0 for closed loop (each connection sends its next request when an answer arrives); else
 *                         the requests per second offered open loop, request {@code i} due at
 *                         {@code start + i / rate}, its latency measured from that time.
 * @param warmupSeconds    load before measuring (same rate), for the JIT and the book.
 * @param durationSeconds  the measured window.
 * @param subscribers      WebSocket subscribers to {@code <symbol>@trade} and {@code <symbol>@depth@100ms}.
 * @param clientThreads    event loops of the driver's own Vert.x (connections and subscribers spread over them).
 * @param restingTarget    resting orders the flow aims to keep on the book (all connections together).
 * @param hello            instead of orders, {@code GET helloPath} (the bare HTTP stack's ceiling).
 * @param helloPath        path of the hello route.
 * @param seed             seed of the order flow.
 */
public record ApiLoadOptions(String baseUrl, String symbol, String midPrice, List<TraderKey> keys, int connections,
        int pipelineDepth, long ratePerSec, int warmupSeconds, int durationSeconds, int subscribers,
        int clientThreads, int restingTarget, boolean hello, String helloPath, long seed) {

    public ApiLoadOptions {
        if (connections < 1 || pipelineDepth < 1 || ratePerSec < 0 || warmupSeconds < 0 || durationSeconds < 1
                || subscribers < 0 || clientThreads < 1 || restingTarget < 1) {
            throw new IllegalArgumentException("connections, pipeline depth, duration, client threads and resting "
                    + "target must be positive; rate, warm-up and subscribers not negative");
        }
        if (!hello && (keys == null || keys.isEmpty())) {
            throw new IllegalArgumentException("orders need at least one API key");
        }
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public boolean openLoop() {
        return ratePerSec > 0;
    }
}
