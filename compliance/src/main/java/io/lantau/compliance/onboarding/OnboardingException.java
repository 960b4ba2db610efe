package io.lantau.compliance.onboarding;

import io.lantau.compliance.suitability.TradingGate;
import java.util.List;
import java.util.Objects;

/** A refused onboarding request: a stable {@link OnboardingRefusal} code and a message. */
public final class OnboardingException extends RuntimeException {
    private final OnboardingRefusal code;
    private final List<TradingGate> missingGates;

    public OnboardingException(OnboardingRefusal code, String message) {
        this(code, message, List.of());
    }

    OnboardingException(OnboardingRefusal code, String message, List<TradingGate> missingGates) {
        super(code + ": " + message);
        this.code = Objects.requireNonNull(code);
        this.missingGates = List.copyOf(missingGates);
    }

    /** @return the stable reason code. */
    public OnboardingRefusal code() {
        return code;
    }

    /** @return for {@link OnboardingRefusal#GATES_NOT_MET}, the gates missing; otherwise empty. */
    public List<TradingGate> missingGates() {
        return missingGates;
    }
}
