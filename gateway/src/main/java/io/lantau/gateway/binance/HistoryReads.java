package io.lantau.gateway.binance;

import io.lantau.store.dispatch.BackgroundProjection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads from the relational history for an endpoint: off the event loop, once the history holds every command up to
 * {@code seen} (what memory, and so the client, has already seen), then answers on the request's thread. A history
 * that does not catch up in time answers Binance's -1007.
 */
final class HistoryReads {
    static final long WAIT_MILLIS = 5_000;

    private HistoryReads() {
    }

    static <T> void read(BinanceCall call, BackgroundProjection history, long seen, Supplier<T> query,
            Consumer<T> answer) {
        call.vertx().<T>executeBlocking(() -> {
            if (!history.awaitApplied(seen, WAIT_MILLIS)) {
                throw new BinanceException(BinanceError.TIMEOUT);
            }
            return query.get();
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                try {
                    answer.accept(result.result());
                } catch (BinanceException e) {
                    call.fail(e.error());
                }
            } else if (result.cause() instanceof BinanceException e) {
                call.fail(e.error());
            } else {
                call.fail(BinanceError.UNKNOWN);
            }
        });
    }
}
