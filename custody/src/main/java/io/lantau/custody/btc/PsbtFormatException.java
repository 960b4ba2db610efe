package io.lantau.custody.btc;

/** Bytes that are not a well-formed BIP-174 (version 0) PSBT this codec accepts. The message says which rule broke. */
public final class PsbtFormatException extends RuntimeException {
    public PsbtFormatException(String message) {
        super(message);
    }

    public PsbtFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
