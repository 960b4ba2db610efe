package io.lantau.compliance.security;

/** Why a security service refused: a stable code (never renamed or reused). A refusal changes no state. */
public enum SecurityRefusal {
    /** The user has no TOTP enrolment in progress or active. */
    TOTP_NOT_ENROLLED,
    /** The user already has an active TOTP credential; it cannot be replaced silently. */
    TOTP_ALREADY_ENABLED,
    /** The code matches none of the steps in the window. */
    TOTP_CODE_INVALID,
    /** The code was right but its time step (or a later one) has been used already (RFC 6238 section 5.2). */
    TOTP_CODE_REUSED,
    /** No such approval request. */
    APPROVAL_NOT_FOUND,
    /** The request has been approved or rejected already. */
    APPROVAL_ALREADY_DECIDED,
    /** The approver is the requester (maker-checker: the checker must differ from the maker). */
    SELF_APPROVAL_FORBIDDEN,
    /** The approver is the user the action is about. */
    SUBJECT_APPROVAL_FORBIDDEN,
    /** The approver holds none of the roles that may approve this action. */
    APPROVER_ROLE_REQUIRED,
    /** The requester holds none of the roles that may request this action. */
    REQUESTER_ROLE_REQUIRED,
    /** No action of this type is registered. */
    UNKNOWN_ACTION,
    /** The action's payload is not valid for it. */
    INVALID_PAYLOAD,
    /** The action's handler refused to execute (the request stays pending). */
    ACTION_FAILED
}
