package io.lantau.custody.travelrule;

/** Why the travel rule refused: stable codes, never renamed or reused. Nothing changed. */
public enum TravelRuleRefusal {
    /** The transfer is at or above the threshold and its originator or beneficiary data is missing (HK-22). */
    TRAVEL_RULE_DATA_MISSING,
    /** The data given does not meet IVMS 101 (the detail names the field and constraint). */
    INVALID_IVMS101,
    /** No deposit of that reference is held for travel-rule data. */
    DEPOSIT_NOT_HELD,
    /** Different data was recorded for this transfer already. */
    TRAVEL_RULE_RECORD_CONFLICT
}
