package io.lantau.custody.hotcold;

/** Why a hot/cold request was refused: stable codes, never renamed or reused. Nothing changed. */
public enum HotColdRefusal {
    /** The withdrawal is above what the hot wallet may release now (HK-16). */
    HOT_RELEASE_LIMIT,
    /** The amount is not a positive number of minor units. */
    INVALID_AMOUNT,
    /** The tier does not hold that much of the asset. */
    INSUFFICIENT_TIER_BALANCE,
    /** The top-up would take the hot wallet above its cap (HK-16). */
    TOPUP_ABOVE_HOT_CAP,
    /** No such top-up. */
    TOPUP_NOT_FOUND,
    /** The top-up has been executed already. */
    TOPUP_ALREADY_EXECUTED,
    /** The same person cannot give both approvals of a cold-to-hot transfer (HK-17). */
    SAME_APPROVER_TWICE,
    /** The second approval must come from a role other than the first's (HK-17). */
    SAME_ROLE_TWICE,
    /** The caller holds none of the roles that may request or approve a cold-to-hot transfer. */
    ROLE_REQUIRED
}
