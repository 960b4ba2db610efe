package io.lantau.gateway.nativeapi;

/** A refusal with its {@link NativeError}, and optionally the field or detail it is about (safe to show). */
final class NativeException extends RuntimeException {
    private final NativeError error;
    private final String detail;
    private final long retryAfterSeconds;

    NativeException(NativeError error) {
        this(error, null);
    }

    NativeException(NativeError error, String detail) {
        this(error, detail, 0);
    }

    /** @param retryAfterSeconds when to try again, for the {@code Retry-After} header; 0 for none. */
    NativeException(NativeError error, String detail, long retryAfterSeconds) {
        super(detail == null ? error.name() : error.name() + ": " + detail, null, false, false);
        this.error = error;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    NativeError error() {
        return error;
    }

    /** @return the message to show: the error's, with the detail appended. */
    String message() {
        return detail == null ? error.message() : error.message() + " (" + detail + ")";
    }
}
