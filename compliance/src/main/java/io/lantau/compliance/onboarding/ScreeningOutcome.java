package io.lantau.compliance.onboarding;

import java.util.Objects;

/**
 * A name-screening result (HK-24).
 *
 * @param reference the screening service's case or match reference, up to 128 characters; may be null when CLEAR.
 */
public record ScreeningOutcome(ScreeningStatus status, String reference) {
    public ScreeningOutcome {
        Objects.requireNonNull(status, "status");
    }

    /** @return a clear result without a reference. */
    public static ScreeningOutcome clear() {
        return new ScreeningOutcome(ScreeningStatus.CLEAR, null);
    }
}
