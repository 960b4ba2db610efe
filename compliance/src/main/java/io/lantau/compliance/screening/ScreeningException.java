package io.lantau.compliance.screening;

/** A refused screening request; {@link #refusal()} is the stable code. Nothing was changed. */
public final class ScreeningException extends RuntimeException {
    private final ScreeningRefusal refusal;

    public ScreeningException(ScreeningRefusal refusal, String detail) {
        super(refusal.name() + ": " + detail);
        this.refusal = refusal;
    }

    public ScreeningException(ScreeningRefusal refusal, String detail, Throwable cause) {
        super(refusal.name() + ": " + detail, cause);
        this.refusal = refusal;
    }

    /** @return the stable code. */
    public ScreeningRefusal refusal() {
        return refusal;
    }
}
