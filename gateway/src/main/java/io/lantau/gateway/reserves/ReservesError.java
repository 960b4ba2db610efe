package io.lantau.gateway.reserves;

import io.lantau.gateway.nativeapi.ErrorCode;

/** The stable refusal codes of the proof-of-reserves endpoints; never renamed or reused. */
public enum ReservesError implements ErrorCode {
    /** Nothing published yet, or no root under the id asked for. */
    RESERVES_ROOT_NOT_FOUND(404, "No proof-of-reserves root has been published under this id."),
    /** The account has no leaf under the root (it was opened after the snapshot). */
    NOT_IN_RESERVES_ROOT(404, "Your account is not in this proof-of-reserves root (opened after its snapshot)."),
    /** {@code rootId} is not a positive integer. */
    INVALID_RESERVES_ROOT_ID(400, "rootId must be a positive integer."),
    /** The snapshot cannot become a sum tree (a negative balance, an overflow, no client): nothing published. */
    RESERVES_SNAPSHOT_REFUSED(409, "The liabilities snapshot cannot be published."),
    /** An asset report's input the report cannot use: an address twice, an unknown chain or asset, a negative. */
    INVALID_RESERVES_REPORT_INPUT(400, "The reserves report's input is not valid."),
    /** A chain node did not answer a balance query. */
    CHAIN_UNAVAILABLE(503, "A chain node did not answer; try again later.");

    private final int httpStatus;
    private final String message;

    ReservesError(int httpStatus, String message) {
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
