package io.lantau.journal;

/**
 * The journal or a snapshot cannot be used as it is, and recovering would need a decision no program should take
 * alone: it was written with a different core configuration or an unknown format version, or the engine failed.
 * A torn or corrupt tail is not one of these: recovery truncates it and reports it.
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
