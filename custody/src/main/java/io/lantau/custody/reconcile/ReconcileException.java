package io.lantau.custody.reconcile;

/** A refusal with its stable {@link ReconcileRefusal} code; nothing was changed. */
public final class ReconcileException extends RuntimeException {
    private final ReconcileRefusal refusal;

    public ReconcileException(ReconcileRefusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    public ReconcileRefusal refusal() {
        return refusal;
    }
}
