package io.lantau.custody.cold;

/** A sealed seed could not be opened; the reason is stable, the message never contains secret material. */
public final class SealException extends RuntimeException {
    /** Why. */
    public enum Reason {
        /** A custodian whose share is needed has not given a passphrase. */
        CUSTODIAN_MISSING,
        /** A custodian's passphrase does not open their share. */
        WRONG_PASSPHRASE,
        /** The file was altered or is not a sealed seed. */
        CORRUPTED
    }

    private final Reason reason;

    public SealException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
