package io.lantau.gateway.nativeapi;

/** A refusal with its {@link ErrorCode}, and optionally the field or detail it is about (safe to show). */
public final class NativeException extends RuntimeException {
    private final ErrorCode error;
    private final String detail;
    private final long retryAfterSeconds;

    public NativeException(ErrorCode error) {
        this(error, null);
    }

    public NativeException(ErrorCode error, String detail) {
        this(error, detail, 0);
    }

    /** @param retryAfterSeconds when to try again, for the {@code Retry-After} header; 0 for none. */
    public NativeException(ErrorCode error, String detail, long retryAfterSeconds) {
        super(detail == null ? error.code() : error.code() + ": " + detail, null, false, false);
        this.error = error;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode error() {
        return error;
    }

    /** @return the message to show: the error's, with the detail appended. */
    public String message() {
        return detail == null ? error.message() : error.message() + " (" + detail + ")";
    }
}
