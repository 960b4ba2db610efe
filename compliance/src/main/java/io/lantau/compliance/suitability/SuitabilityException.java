package io.lantau.compliance.suitability;

import java.util.Objects;

/** A refused classification or suitability request: a stable {@link SuitabilityRefusal} code and a message. */
public final class SuitabilityException extends RuntimeException {
    private final SuitabilityRefusal code;

    public SuitabilityException(SuitabilityRefusal code, String message) {
        super(code + ": " + message);
        this.code = Objects.requireNonNull(code);
    }

    /** @return the stable reason code. */
    public SuitabilityRefusal code() {
        return code;
    }
}
