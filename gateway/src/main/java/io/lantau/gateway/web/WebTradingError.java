package io.lantau.gateway.web;

import io.lantau.gateway.nativeapi.ErrorCode;

/** Refusals of the web UI's trading endpoints; the message sent with {@link #ORDER_REJECTED} is the exact reason. */
public enum WebTradingError implements ErrorCode {
    /** The order (or cancel, or amendment) broke a rule: a filter, a balance, the market's status. */
    ORDER_REJECTED(400, "The order was rejected."),
    /** The account's order rate limit (the Binance API's, shared with it). */
    TOO_MANY_ORDERS(429, "Too many new orders; try again later."),
    /** No such open order of the caller. */
    ORDER_NOT_FOUND(404, "No such order."),
    /** The core did not answer in time: the outcome is unknown until the open orders are read again. */
    CORE_UNAVAILABLE(503, "The exchange did not answer in time; check your open orders.");

    private final int httpStatus;
    private final String message;

    WebTradingError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
