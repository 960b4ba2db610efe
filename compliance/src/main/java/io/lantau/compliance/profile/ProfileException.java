package io.lantau.compliance.profile;

/**
 * A profile that cannot be used: unreadable, not JSON, or failing validation. The message names the profile and the
 * offending key (as a dotted path, e.g. {@code suitability.tierExposurePercent.HIGH}).
 */
public final class ProfileException extends IllegalArgumentException {
    ProfileException(String message) {
        super(message);
    }

    ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
