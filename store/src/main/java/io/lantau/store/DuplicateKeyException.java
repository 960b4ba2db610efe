package io.lantau.store;

/**
 * A write broke a uniqueness rule of the schema (SQLSTATE 23505 on both engines): an email already registered, an
 * API key string already issued. The caller's input is at fault, not the store.
 */
public final class DuplicateKeyException extends StoreException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
