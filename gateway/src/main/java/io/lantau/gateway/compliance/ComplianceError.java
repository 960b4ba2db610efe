package io.lantau.gateway.compliance;

import io.lantau.gateway.nativeapi.ErrorCode;

/**
 * The compliance endpoints' own refusals, beside the services' refusal codes ({@link RefusalStatuses}) and the API's
 * ({@code NativeError}). Stable names, never renamed or reused.
 */
enum ComplianceError implements ErrorCode {
    /** A path segment that must be an id (digits), a SHA-256 (64 hex digits) or an asset code is malformed. */
    MALFORMED_ID(400, "A path identifier is malformed."),
    /** The client has submitted no KYC yet. */
    NO_KYC_CASE(404, "No KYC submission yet."),
    /** A retail declaration by a client who is classified already (a change goes through a compliance officer). */
    ALREADY_CLASSIFIED(409, "The investor classification is recorded already; ask compliance to change it."),
    /** No Schedule 2 disclosure text in the language asked for (HK-08). */
    UNKNOWN_LANGUAGE(404, "No disclosure text in this language."),
    /** A member of staff acting on their own account, KYC or screening case (HK-17: no one checks themselves). */
    SELF_ACTION_FORBIDDEN(403, "Staff may not act on their own account."),
    /** No screening case, token or campaign with this id. */
    NOT_FOUND(404, "No such record."),
    /** An audit export larger than one answer carries: ask for a shorter period. */
    EXPORT_TOO_LARGE(413, "The export is too large; ask for a shorter period."),
    /** A body of the wrong media type for this endpoint (the sanctions list is XML). */
    UNSUPPORTED_MEDIA_TYPE(415, "This endpoint takes application/xml or text/xml.");

    private final int httpStatus;
    private final String message;

    ComplianceError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
