package io.lantau.gateway.binance;

/** Stops a request with a {@link BinanceError}; caught by the router and rendered. Carries no stack trace. */
public final class BinanceException extends RuntimeException {
    private final BinanceError error;

    public BinanceException(BinanceError error) {
        super(error.msg(), null, false, false);
        this.error = error;
    }

    public BinanceError error() {
        return error;
    }
}
