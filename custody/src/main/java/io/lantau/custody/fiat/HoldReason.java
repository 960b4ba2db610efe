package io.lantau.custody.fiat;

/** Why an incoming bank payment was held for return instead of credited (HK-07). Stable names. */
public enum HoldReason {
    /** The payment names a client but does not come from that client's designated account. */
    THIRD_PARTY_DEPOSIT,
    /** The client it names has no designated account. */
    NO_DESIGNATED_ACCOUNT,
    /** Neither the reference nor the payer account identifies a client. */
    UNIDENTIFIED_CLIENT,
    /** Not a currency the platform holds. */
    UNSUPPORTED_CURRENCY,
    /** The core refused the deposit (closed account…). */
    CORE_REJECTED
}
