package io.lantau.custody.reserves;

/** A snapshot that cannot become a sum tree (a negative balance, an overflowing sum, no clients), or bad input. */
public final class ReservesException extends RuntimeException {
    public ReservesException(String message) {
        super(message);
    }
}
