package io.lantau.custody.fiat;

/** A refusal with its stable {@link FiatRefusal} code and a detail safe to show; nothing was changed. */
public final class FiatException extends RuntimeException {
    private final FiatRefusal refusal;
    private final String detail;

    public FiatException(FiatRefusal refusal) {
        this(refusal, null);
    }

    public FiatException(FiatRefusal refusal, String detail) {
        super(detail == null ? refusal.name() : refusal.name() + ": " + detail, null, false, false);
        this.refusal = refusal;
        this.detail = detail;
    }

    public FiatRefusal refusal() {
        return refusal;
    }

    /** @return the detail, or null. */
    public String detail() {
        return detail;
    }
}
