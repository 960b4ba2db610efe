package io.lantau.custody.travelrule;

/** A refusal with its stable {@link TravelRuleRefusal} code; nothing was changed. */
public final class TravelRuleException extends RuntimeException {
    private final TravelRuleRefusal refusal;

    public TravelRuleException(TravelRuleRefusal refusal, String detail) {
        super(detail == null ? refusal.name() : refusal.name() + ": " + detail, null, false, false);
        this.refusal = refusal;
    }

    public TravelRuleRefusal refusal() {
        return refusal;
    }

    /** @return the detail after the code, or null. */
    public String detail() {
        String m = getMessage();
        int colon = m.indexOf(": ");
        return colon < 0 ? null : m.substring(colon + 2);
    }
}
