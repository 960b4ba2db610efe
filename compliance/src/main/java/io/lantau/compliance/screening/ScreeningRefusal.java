package io.lantau.compliance.screening;

/**
 * Why the screening service refused a request. Stable: codes are never reused or renumbered. A refused request
 * changes no state.
 */
public enum ScreeningRefusal {
    /** A required field (account id, name, officer, reason, source) is missing or invalid. */
    INVALID_ARGUMENT(4001, "A required field is missing or invalid."),
    /** The file is not a well-formed list in the expected format, or declares a DTD. */
    LIST_UNREADABLE(4002, "The sanctions list file cannot be read in its published format."),
    /** The file holds no entries: refused so that a truncated download cannot empty the list in force. */
    LIST_EMPTY(4003, "The sanctions list file holds no entries."),
    /** The file is larger than the loader accepts. */
    LIST_TOO_LARGE(4004, "The sanctions list file is too large."),
    /** No case has this id. */
    UNKNOWN_CASE(4005, "Unknown screening case."),
    /** The case was already decided. */
    CASE_NOT_OPEN(4006, "The screening case is no longer open.");

    private final int code;
    private final String message;

    ScreeningRefusal(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** @return the stable number of this refusal. */
    public int code() {
        return code;
    }

    /** @return a human message. */
    public String message() {
        return message;
    }
}
