package io.lantau.custody.withdrawal;

/** Why custody refused a withdrawal or an address-book change. Stable names: clients match on them. */
public enum WithdrawalRefusal {
    /** The amount is not a positive number of minor units, or amount plus fee overflows. */
    INVALID_AMOUNT,
    /** The destination is not a valid address of the chain. */
    INVALID_ADDRESS,
    /** Custody does not handle this asset or chain. */
    UNSUPPORTED_ASSET,
    /** The request id is missing or not 1 to 64 letters, digits, '-' or '_'. */
    INVALID_REQUEST_ID,
    /** HK-18: the destination is not in the client's address book. */
    ADDRESS_NOT_WHITELISTED,
    /** HK-18: the destination was whitelisted too recently (the profile's cool-down). */
    ADDRESS_COOLING_DOWN,
    /** HK-18: the ownership proof does not verify for this address and account. */
    OWNERSHIP_PROOF_INVALID,
    /** The address is in the client's address book already. */
    ADDRESS_ALREADY_WHITELISTED,
    /** No address-book entry or withdrawal of the caller's has this id. */
    NOT_FOUND,
    /** A TOTP code is required and none was given. */
    TOTP_REQUIRED,
    /** The TOTP code is wrong or expired. */
    TOTP_INVALID,
    /** The TOTP code was used already. */
    TOTP_REUSED,
    /** The client has no active TOTP while the profile requires one per withdrawal. */
    TOTP_NOT_ENROLLED,
    /** The account's withdrawals over 24 hours would pass the profile's limit. */
    ACCOUNT_VELOCITY_EXCEEDED,
    /** All accounts' withdrawals over 24 hours would pass the platform's limit. */
    PLATFORM_VELOCITY_EXCEEDED,
    /** The core has not enough available balance for amount plus fee. */
    INSUFFICIENT_BALANCE,
    /** The core refused for another reason (account not active, unknown account). */
    CORE_REFUSED,
    /** The request id was used before for a different withdrawal. */
    DUPLICATE_REQUEST_MISMATCH,
    /** The withdrawal is not waiting for review. */
    NOT_PENDING_REVIEW,
    /** A reviewer cannot decide on a withdrawal from their own account (maker-checker). */
    SELF_REVIEW_FORBIDDEN,
    /** The core could not be reached in time; nothing was locked unless a later status shows it. */
    SERVICE_UNAVAILABLE,
    /** HK-33: a reconciliation incident froze the asset's withdrawals until compliance resolves it. */
    WITHDRAWALS_FROZEN,
    /** HK-16: the hot wallet may not release this much now (it waits for a top-up from cold storage). */
    HOT_RELEASE_LIMIT,
    /** HK-22: at or above the travel-rule threshold the originator and beneficiary data are required. */
    TRAVEL_RULE_DATA_MISSING,
    /** The travel-rule data given with a withdrawal below the threshold is not valid IVMS 101 (HK-22). */
    INVALID_TRAVEL_RULE_DATA
}
