package io.lantau.compliance.campaign;

/** What a client must do to get a campaign's reward. */
public enum ConditionType {
    /** Nothing: every client of the segment gets it. */
    NONE,
    /** Open an account. */
    SIGN_UP,
    /** Refer another client. */
    REFERRAL,
    /** Deposit fiat money (the condition asset is the currency). */
    DEPOSIT_FIAT,
    /** Deposit a given virtual asset (the condition asset). */
    DEPOSIT_ASSET,
    /** Trade a given virtual asset (the condition asset). */
    TRADE_ASSET,
    /** Hold a given virtual asset (the condition asset). */
    HOLD_ASSET,
    /** Trade any virtual asset: a link to virtual assets as a class (HK-05). */
    TRADE_ANY_VIRTUAL_ASSET;

    /** @return whether the condition names an asset. */
    public boolean needsAsset() {
        return this == DEPOSIT_FIAT || this == DEPOSIT_ASSET || this == TRADE_ASSET || this == HOLD_ASSET;
    }
}
