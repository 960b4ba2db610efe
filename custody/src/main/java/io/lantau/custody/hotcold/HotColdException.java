package io.lantau.custody.hotcold;

/** A refusal with its stable {@link HotColdRefusal} code; nothing was changed. */
public final class HotColdException extends RuntimeException {
    private final HotColdRefusal refusal;

    public HotColdException(HotColdRefusal refusal, String detail) {
        super(detail == null ? refusal.name() : refusal.name() + ": " + detail, null, false, false);
        this.refusal = refusal;
    }

    public HotColdRefusal refusal() {
        return refusal;
    }
}
