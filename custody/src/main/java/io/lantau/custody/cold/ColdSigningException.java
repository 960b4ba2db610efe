package io.lantau.custody.cold;

/** A signed import was refused; nothing was recorded. */
public final class ColdSigningException extends RuntimeException {
    private final ColdSigningCode code;

    public ColdSigningException(ColdSigningCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public ColdSigningException(ColdSigningCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public ColdSigningCode code() {
        return code;
    }
}
