package io.lantau.compliance.security;

/** A refusal by a security service, with its stable {@link SecurityRefusal} code. Nothing was changed. */
public final class SecurityRefusedException extends RuntimeException {
    private final SecurityRefusal refusal;

    public SecurityRefusedException(SecurityRefusal refusal) {
        this(refusal, null);
    }

    /** @param detail safe to show to the caller (never a secret); may be null. */
    public SecurityRefusedException(SecurityRefusal refusal, String detail) {
        super(detail == null ? refusal.name() : refusal.name() + ": " + detail, null, false, false);
        this.refusal = refusal;
    }

    public SecurityRefusal refusal() {
        return refusal;
    }
}
