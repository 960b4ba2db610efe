package io.lantau.collectibles;

/** A refusal with its stable {@link CollectiblesRefusal} and an optional detail safe to show. */
public final class CollectiblesException extends RuntimeException {
    private final CollectiblesRefusal refusal;
    private final String detail;

    public CollectiblesException(CollectiblesRefusal refusal) {
        this(refusal, null);
    }

    public CollectiblesException(CollectiblesRefusal refusal, String detail) {
        super(detail == null ? refusal.name() : refusal.name() + ": " + detail, null, false, false);
        this.refusal = refusal;
        this.detail = detail;
    }

    public CollectiblesRefusal refusal() {
        return refusal;
    }

    /** @return the detail, or null. */
    public String detail() {
        return detail;
    }
}
