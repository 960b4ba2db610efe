package io.lantau.gateway.fiat;

import io.lantau.custody.fiat.FiatException;
import io.lantau.custody.hotcold.HotColdException;
import io.lantau.custody.reconcile.ReconcileException;
import io.lantau.custody.travelrule.TravelRuleException;
import io.lantau.gateway.nativeapi.ErrorCode;
import io.lantau.gateway.nativeapi.NativeException;

/**
 * The custody endpoints' refusal codes: one per refusal of the custody services (same name), and the endpoints' own.
 * Never renamed or reused.
 */
public enum CustodyError implements ErrorCode {
    // fiat (HK-07)
    KYC_NOT_VERIFIED(409, "Complete KYC before designating a bank account."),
    HOLDER_NAME_MISMATCH(400, "The account holder must be you: the name must match your verified legal name."),
    BANK_ACCOUNT_ALREADY_DESIGNATED(409, "You have designated a bank account already; contact support to change it."),
    BANK_ACCOUNT_IN_USE(409, "This bank account cannot be designated."),
    INVALID_ACCOUNT_NUMBER(400, "Not a valid IBAN or bank account number."),
    INVALID_BANK_DETAILS(400, "Give the bank's name (and its BIC of 8 or 11 characters, if any)."),
    NO_DESIGNATED_ACCOUNT(409, "Designate your own bank account first."),
    NOT_DESIGNATED_ACCOUNT(403, "Fiat can only be withdrawn to your designated bank account."),
    UNSUPPORTED_CURRENCY(400, "Not a currency this platform holds."),
    INVALID_AMOUNT(400, "The amount must be a positive decimal with at most the currency's decimals."),
    INSUFFICIENT_BALANCE(409, "Your available balance is too small."),
    WITHDRAWALS_FROZEN(409, "Withdrawals of this asset are suspended while a reconciliation is investigated."),
    INVALID_STATEMENT(400, "Not a camt.053 statement or bank CSV of the platform's account."),
    WITHDRAWAL_NOT_FOUND(404, "No such withdrawal."),
    WITHDRAWAL_NOT_PENDING(409, "The withdrawal is not waiting for the bank."),
    CORE_REJECTED(409, "The ledger refused the request."),
    CORE_UNAVAILABLE(503, "The ledger did not answer in time; try again later."),
    // hot and cold (HK-16, HK-17)
    HOT_RELEASE_LIMIT(409, "The hot wallet cannot release this amount now; try a smaller amount later."),
    INSUFFICIENT_TIER_BALANCE(409, "The wallet tier does not hold that much."),
    TOPUP_ABOVE_HOT_CAP(409, "The top-up would take the hot wallet above its cap."),
    TOPUP_NOT_FOUND(404, "No such top-up."),
    TOPUP_ALREADY_EXECUTED(409, "The top-up has been executed already."),
    SAME_APPROVER_TWICE(403, "The same person cannot give both approvals of a cold-to-hot transfer."),
    SAME_ROLE_TWICE(403, "The second approval must come from the other role."),
    ROLE_REQUIRED(403, "Your roles may not do this."),
    // travel rule (HK-22)
    TRAVEL_RULE_DATA_MISSING(400, "Originator and beneficiary data (IVMS 101) are required for this transfer."),
    INVALID_IVMS101(400, "The travel-rule data does not meet IVMS 101."),
    DEPOSIT_NOT_HELD(404, "No deposit with that reference is held for travel-rule data."),
    TRAVEL_RULE_RECORD_CONFLICT(409, "Different travel-rule data was recorded for this transfer already."),
    // reconciliation (HK-33)
    INCIDENT_NOT_FOUND(404, "No such incident."),
    INCIDENT_ALREADY_RESOLVED(409, "The incident has been resolved already."),
    RESOLUTION_NOTE_REQUIRED(400, "Say what was found and done, in 1 to 500 characters."),
    // the endpoints' own
    UNKNOWN_ASSET(400, "Unknown asset."),
    UNSUPPORTED_STATEMENT_TYPE(415, "Send a camt.053 statement as application/xml or a bank CSV as text/csv.");

    private final int httpStatus;
    private final String message;

    CustodyError(int httpStatus, String message) {
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

    /**
     * @return the native refusal for a custody service's refusal, with its detail; the same exception for anything
     *     else.
     */
    static RuntimeException translate(RuntimeException e) {
        return switch (e) {
            case FiatException f -> new NativeException(valueOf(f.refusal().name()), f.detail());
            case HotColdException h -> new NativeException(valueOf(h.refusal().name()), detail(h));
            case TravelRuleException t -> new NativeException(valueOf(t.refusal().name()), t.detail());
            case ReconcileException r -> new NativeException(valueOf(r.refusal().name()));
            default -> e;
        };
    }

    private static String detail(RuntimeException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon < 0 ? null : m.substring(colon + 2);
    }
}
