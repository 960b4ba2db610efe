package io.lantau.custody.fiat;

/** Why a fiat request was refused: stable codes, never renamed or reused. A refusal changes nothing. */
public enum FiatRefusal {
    /** The client has no approved KYC identity to match a bank account holder against. */
    KYC_NOT_VERIFIED,
    /** The account holder's name is not the client's KYC legal name (HK-07: own-name accounts only). */
    HOLDER_NAME_MISMATCH,
    /** The client has designated an account already; a change needs re-verification by staff. */
    BANK_ACCOUNT_ALREADY_DESIGNATED,
    /** Another client has designated this account number. */
    BANK_ACCOUNT_IN_USE,
    /** The account number is not an IBAN with a valid check or a local number of 5 to 34 letters and digits. */
    INVALID_ACCOUNT_NUMBER,
    /** The bank name or bank code is missing or malformed. */
    INVALID_BANK_DETAILS,
    /** The client has not designated a bank account. */
    NO_DESIGNATED_ACCOUNT,
    /** Fiat goes only to the client's designated account (HK-07). */
    NOT_DESIGNATED_ACCOUNT,
    /** Not a fiat currency of the platform. */
    UNSUPPORTED_CURRENCY,
    /** Not a positive amount with at most the currency's decimals. */
    INVALID_AMOUNT,
    /** The client's available balance is too small. */
    INSUFFICIENT_BALANCE,
    /** Withdrawals of this asset are frozen by a reconciliation incident (HK-33). */
    WITHDRAWALS_FROZEN,
    /** The statement is not a camt.053 / bank CSV this platform reads, or not of the platform's account. */
    INVALID_STATEMENT,
    /** No such withdrawal. */
    WITHDRAWAL_NOT_FOUND,
    /** The withdrawal is not waiting for the bank. */
    WITHDRAWAL_NOT_PENDING,
    /** The core refused the command (the detail names its code). */
    CORE_REJECTED,
    /** The core did not answer in time; the request may complete later. */
    CORE_UNAVAILABLE
}
