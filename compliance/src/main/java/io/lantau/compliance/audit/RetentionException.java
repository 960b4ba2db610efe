package io.lantau.compliance.audit;

/** A purge refused because records it would delete are younger than the profile's retention period (HK-34). */
public final class RetentionException extends IllegalStateException {
    RetentionException(String message) {
        super(message);
    }
}
