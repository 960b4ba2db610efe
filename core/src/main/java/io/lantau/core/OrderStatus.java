package io.lantau.core;

/** The state of an order, as Binance names them. */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH, REJECTED;

    /** @return whether the order can still trade. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
