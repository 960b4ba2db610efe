package io.lantau.store.account;

/** What an API key may do: read account data, trade, withdraw. */
public record ApiKeyPermissions(boolean canRead, boolean canTrade, boolean canWithdraw) {
    /** Read-only. */
    public static final ApiKeyPermissions READ_ONLY = new ApiKeyPermissions(true, false, false);
    /** Read and trade, no withdrawals: the usual trading key. */
    public static final ApiKeyPermissions TRADING = new ApiKeyPermissions(true, true, false);
}
