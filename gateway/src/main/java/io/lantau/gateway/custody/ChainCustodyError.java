package io.lantau.gateway.custody;

import io.lantau.custody.withdrawal.WithdrawalRefusal;
import io.lantau.gateway.nativeapi.ErrorCode;

/**
 * The stable refusal codes of the on-chain custody endpoints: one per {@link WithdrawalRefusal}, of the same name,
 * plus the endpoints' own. Never renamed or reused.
 */
public enum ChainCustodyError implements ErrorCode {
    INVALID_AMOUNT(400, "The amount must be a positive decimal with at most the asset's decimals."),
    INVALID_ADDRESS(400, "Not a valid address of the asset's chain."),
    UNSUPPORTED_ASSET(400, "Custody does not hold this asset on chain."),
    INVALID_REQUEST_ID(400, "The requestId must be 1 to 64 letters, digits, '-' or '_'."),
    ADDRESS_NOT_WHITELISTED(403, "Withdrawals go only to addresses in your address book."),
    ADDRESS_COOLING_DOWN(403, "A newly added address cannot receive withdrawals yet."),
    OWNERSHIP_PROOF_INVALID(403, "The signature does not prove ownership of this address for your account."),
    ADDRESS_ALREADY_WHITELISTED(409, "The address is in your address book already."),
    NOT_FOUND(404, "No such entry or withdrawal of yours."),
    TOTP_REQUIRED(403, "A TOTP code is required to withdraw."),
    TOTP_INVALID(403, "The TOTP code is wrong or expired."),
    TOTP_REUSED(403, "The TOTP code was used already; wait for the next one."),
    TOTP_NOT_ENROLLED(403, "Enable TOTP before withdrawing."),
    ACCOUNT_VELOCITY_EXCEEDED(403, "The withdrawal would pass your 24-hour withdrawal limit."),
    PLATFORM_VELOCITY_EXCEEDED(503, "The platform's 24-hour withdrawal limit is reached; try again later."),
    INSUFFICIENT_BALANCE(409, "Your available balance does not cover the amount and the fee."),
    CORE_REFUSED(409, "Your account cannot withdraw now."),
    DUPLICATE_REQUEST_MISMATCH(409, "This requestId was used before for a different withdrawal."),
    NOT_PENDING_REVIEW(409, "The withdrawal is not waiting for review."),
    SELF_REVIEW_FORBIDDEN(403, "A reviewer cannot decide on a withdrawal from their own account."),
    SERVICE_UNAVAILABLE(503, "The service is busy; check the withdrawal's status before trying again."),
    WITHDRAWALS_FROZEN(503, "Withdrawals of this asset are suspended while a reconciliation is checked."),
    HOT_RELEASE_LIMIT(503, "The hot wallet cannot release this amount now; try a smaller amount or later."),
    TRAVEL_RULE_DATA_MISSING(403, "Transfers of this value need originator and beneficiary data (travel rule)."),
    INVALID_TRAVEL_RULE_DATA(400, "The travel-rule data is not valid IVMS 101 data.");

    private final int httpStatus;
    private final String message;

    ChainCustodyError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** @return the error of the same name as the refusal. */
    public static ChainCustodyError of(WithdrawalRefusal refusal) {
        return valueOf(refusal.name());
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
