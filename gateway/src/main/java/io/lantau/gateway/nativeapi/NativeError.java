package io.lantau.gateway.nativeapi;

/**
 * Every refusal of the native API: a stable code (the enum name, never renamed or reused), its HTTP status and a
 * human message. The body is {@code {"code": "<name>", "message": "<message>"}}.
 */
public enum NativeError implements ErrorCode {
    // Request shape (400 family): bad input never changes state and never yields a 5xx.
    /** The body is not a JSON object in UTF-8, or repeats a field. */
    MALFORMED_JSON(400, "The request body must be one JSON object in UTF-8 with each field once."),
    /** The body has a field this endpoint does not know. */
    UNKNOWN_FIELD(400, "Unknown field."),
    /** A required field is absent or null. */
    MISSING_FIELD(400, "A required field is missing."),
    /** A field has the wrong JSON type. */
    WRONG_TYPE(400, "A field has the wrong type."),
    /** A string field is longer than its limit. */
    VALUE_TOO_LONG(400, "A field is too long."),
    /** A field has a value outside what it accepts. */
    INVALID_VALUE(400, "A field has an invalid value."),
    /** A body was sent without {@code Content-Type: application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be application/json."),
    /** The body is larger than the API accepts. */
    BODY_TOO_LARGE(413, "The request body is too large."),

    // Registration.
    /** Not a valid email address. */
    INVALID_EMAIL(400, "Not a valid email address."),
    /** Shorter than the policy's minimum. */
    PASSWORD_TOO_SHORT(400, "The password is too short."),
    /** Longer than the policy's maximum. */
    PASSWORD_TOO_LONG(400, "The password is too long."),
    /** On the list of known breached passwords (HK-31). */
    PASSWORD_BREACHED(400, "This password appears in known password breaches; choose another."),
    /** The password is the email address (or its part before the @). */
    PASSWORD_MATCHES_EMAIL(400, "The password must not be the email address."),
    /** Residents of this jurisdiction cannot be onboarded under the profile in force (HK-06). */
    BLOCKED_JURISDICTION(403, "Residents of this jurisdiction cannot open an account on this platform."),
    /** The email address is already registered (in any case). */
    EMAIL_TAKEN(409, "This email address is already registered."),

    // Sign-in and sessions.
    /** Unknown email or wrong password: the same answer for both. */
    INVALID_CREDENTIALS(401, "The email address or password is not correct."),
    /** Too many failed sign-ins for this email address; try again later (HK-31). */
    LOGIN_LOCKED(429, "Too many failed sign-in attempts; try again later."),
    /** The user is suspended or closed. */
    ACCOUNT_DISABLED(403, "This account is disabled."),
    /** No live session cookie: absent, unknown, signed out or expired. */
    UNAUTHENTICATED(401, "Sign in first."),
    /** A state-changing request whose {@code X-CSRF-Token} header is absent or not the session's. */
    CSRF_TOKEN_INVALID(403, "Missing or invalid X-CSRF-Token header."),
    /** Too many sign-in or registration requests from this address. */
    TOO_MANY_REQUESTS(429, "Too many requests; try again later."),

    // Two-factor sign-in (HK-29). The first two answer a correct password and carry a loginToken for the next step.
    /** The password was right; send a code from the TOTP app to {@code POST /login/totp} with the loginToken. */
    TOTP_REQUIRED(401, "A code from your authenticator app is required: send it with the loginToken to /login/totp."),
    /** The password was right, but the platform requires TOTP and the user has none: enrol with the loginToken. */
    TOTP_ENROLMENT_REQUIRED(401,
            "Two-factor sign-in is required: enrol via /login/totp/enrol and /login/totp/confirm with the loginToken."),
    /** The loginToken is unknown, expired, used, or for the other second step. */
    LOGIN_CHALLENGE_INVALID(401, "The sign-in has expired or is not valid; sign in again with your password."),
    /** The code matches none of the current time steps. */
    TOTP_CODE_INVALID(401, "The authenticator code is not correct."),
    /** The code was used already; wait for the next one (RFC 6238 section 5.2). */
    TOTP_CODE_REUSED(401, "This authenticator code has been used already; wait for the next one."),
    /** No TOTP enrolment to confirm. */
    TOTP_NOT_ENROLLED(409, "Start TOTP enrolment first."),
    /** TOTP is active already; a reset goes through staff approval. */
    TOTP_ALREADY_ENABLED(409, "Two-factor sign-in is already enabled."),

    // Staff and maker-checker (HK-17).
    /** The caller holds no staff role (a client session), or not the one this endpoint needs. */
    STAFF_ROLE_REQUIRED(403, "This needs a staff role."),
    /** Staff must have TOTP enabled before using staff endpoints. */
    STAFF_TOTP_REQUIRED(403, "Staff must enable two-factor sign-in first."),
    /** No approval request with this id. */
    APPROVAL_NOT_FOUND(404, "No such approval request."),
    /** The request was approved or rejected already. */
    APPROVAL_ALREADY_DECIDED(409, "This request has been decided already."),
    /** A maker may not check their own request. */
    SELF_APPROVAL_FORBIDDEN(403, "The approver must not be the requester."),
    /** The user an action concerns may not check it. */
    SUBJECT_APPROVAL_FORBIDDEN(403, "The approver must not be the user the request concerns."),
    /** The caller holds none of the roles that may approve this action. */
    APPROVER_ROLE_REQUIRED(403, "Your roles may not approve this action."),
    /** The caller holds none of the roles that may request this action. */
    REQUESTER_ROLE_REQUIRED(403, "Your roles may not request this action."),
    /** No such action type. */
    UNKNOWN_ACTION(400, "Unknown action."),
    /** The action cannot run with these parameters. */
    INVALID_PAYLOAD(400, "The request's parameters are not valid for this action."),
    /** The approved action could not execute; the request stays pending. */
    ACTION_FAILED(409, "The action could not be executed; the request stays pending."),

    // API keys.
    /** Permissions that are not allowed together (every key reads; withdrawing needs trading). */
    INVALID_PERMISSIONS(400, "Invalid permissions: every key may read, and withdrawing needs trading."),
    /** An IP allowlist entry that is not a literal address or CIDR block. */
    INVALID_IP_ALLOWLIST(400, "The IP allowlist must hold literal addresses or CIDR blocks."),
    /** An Ed25519 key without a valid public key, or an HMAC key with one. */
    INVALID_PUBLIC_KEY(400, "An ED25519 key needs a 32-byte public key (base64 or PEM); an HMAC key takes none."),
    /** The user has as many active keys as allowed. */
    API_KEY_LIMIT_REACHED(409, "Too many active API keys; revoke one first."),
    /** No active key with this id among the caller's keys. */
    API_KEY_NOT_FOUND(404, "No such API key."),

    // Routing and service.
    /** No such endpoint. */
    NOT_FOUND(404, "Unknown endpoint."),
    /** The endpoint exists but not with this method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed for this endpoint."),
    /** Overloaded (the core's queue, the hashing pool) or the core did not answer in time; nothing is known changed. */
    SERVICE_BUSY(503, "The service is busy; try again later."),
    /** A fault of ours, logged; never caused by input. */
    INTERNAL_ERROR(500, "An internal error occurred.");

    private final int httpStatus;
    private final String message;

    NativeError(int httpStatus, String message) {
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
