package io.lantau.compliance.campaign;

/** What a campaign gives. Only the types in the profile's {@code incentives.retailAllowedRewards} may reach retail. */
public enum RewardType {
    /** A discount on trading fees: the one incentive HK-05 allows for retail. */
    FEE_DISCOUNT,
    /** An amount of a virtual asset (an airdrop, a "welcome BTC"). */
    VIRTUAL_ASSET,
    /** An amount of fiat money. */
    CASH,
    /** Goods, vouchers or other non-cash gifts. */
    NON_CASH_GIFT
}
