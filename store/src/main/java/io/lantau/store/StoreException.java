package io.lantau.store;

/** A failure of the relational store (connection, SQL, migration), unchecked; the cause says what went wrong. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
