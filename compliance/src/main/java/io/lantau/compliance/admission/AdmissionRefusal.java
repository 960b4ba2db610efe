package io.lantau.compliance.admission;

/**
 * Why the admission register refused a request. Stable: codes are never reused or renumbered. A refused request
 * changes no state and sends no command.
 */
public enum AdmissionRefusal {
    /** A required field is missing or invalid. */
    INVALID_ARGUMENT(4101, "A required field is missing or invalid."),
    /** No asset with this code is registered. */
    UNKNOWN_ASSET(4102, "Unknown asset."),
    /** An asset with this code is already registered. */
    ASSET_EXISTS(4103, "This asset is already registered."),
    /** HK-12: not every factor of VATP 7.6 (a)-(j) has a record. */
    DUE_DILIGENCE_INCOMPLETE(4104, "Due diligence is incomplete: every factor of VATP 7.6 (a)-(j) needs a record."),
    /** HK-12: a factor's finding is unsatisfactory. */
    DUE_DILIGENCE_UNSATISFACTORY(4105, "A due-diligence factor was found unsatisfactory."),
    /** HK-11: the asset has smart contracts and neither an audit report nor a reliance rationale is recorded. */
    SMART_CONTRACT_AUDIT_MISSING(4106, "The smart-contract audit (or reliance rationale) is missing."),
    /** HK-12 (VATP 7.6(c)): the asset, not a security token, has less than the required track record. */
    TRACK_RECORD_TOO_SHORT(4107, "The asset's track record is shorter than required."),
    /** HK-13: fewer committee members voted than the quorum. */
    QUORUM_NOT_MET(4108, "The committee quorum was not met; no decision was taken."),
    /** HK-13: the votes in favour were not a majority of the votes cast. */
    MOTION_NOT_CARRIED(4109, "The motion was not carried; no decision was taken."),
    /** A member voted twice. */
    DUPLICATE_VOTER(4110, "A committee member voted more than once."),
    /** The decision cannot be taken from the asset's status (e.g. anything after WITHDRAWN). */
    INVALID_TRANSITION(4111, "This decision cannot be taken on the asset in its current status."),
    /** HK-13: decisions must document their reasons. */
    REASONS_REQUIRED(4112, "A committee decision must state its reasons."),
    /** The asset is already a member of this index. */
    INDEX_MEMBERSHIP_EXISTS(4113, "The asset is already in this index."),
    /** The asset is not a member of this index. */
    UNKNOWN_INDEX_MEMBERSHIP(4114, "The asset is not in this index.");

    private final int code;
    private final String message;

    AdmissionRefusal(int code, String message) {
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
