package io.lantau.compliance.campaign;

/**
 * Why a campaign was refused. Stable: codes are never reused or renumbered. A refused campaign is not stored.
 */
public enum CampaignRefusal {
    /** A required field is missing or invalid. */
    INVALID_ARGUMENT(4201, "A required field is missing or invalid."),
    /** An asset the campaign names is not configured. */
    UNKNOWN_ASSET(4202, "Unknown asset."),
    /**
     * HK-05 (VATP 7.26(c)): the campaign reaches retail clients with a reward the profile does not allow for them, or
     * ties a reward other than a fee discount to a virtual asset.
     */
    CAMPAIGN_NOT_ALLOWED_FOR_RETAIL(4203, "This incentive may not be offered to retail clients."),
    /** Another campaign already has this id. */
    CAMPAIGN_EXISTS(4204, "A different campaign already has this id.");

    private final int code;
    private final String message;

    CampaignRefusal(int code, String message) {
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
