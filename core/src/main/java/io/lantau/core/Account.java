package io.lantau.core;

import org.agrona.collections.Object2ObjectHashMap;

/**
 * One account's balances (available and locked per asset) and its open orders. Mutated only by the core thread,
 * through {@link Ledger} for balances and {@link OpenOrders} for orders.
 */
final class Account {
    final long accountId;
    final AccountKind kind;
    int feeTier;
    final long[] available;
    final long[] locked;
    AccountStatus status = AccountStatus.ACTIVE;
    InvestorClass investorClass = InvestorClass.PROFESSIONAL;
    /** HK-04: most the virtual-asset holdings plus open buys may be worth (valuation minor units); retail only. */
    long exposureLimitMinor = Long.MAX_VALUE;
    /** Base minor units that the account's resting buy orders may still buy, per asset (derived from the books). */
    final long[] openBuyBaseMinor;

    // Open orders in order-id order (an intrusive list through Order.prevOfAccount / nextOfAccount).
    Order firstOrder;
    Order lastOrder;
    int openOrderCount;
    /** Open orders by client order id; created on first use since most accounts of a bot never set one. */
    Object2ObjectHashMap<String, Order> ordersByClientId;

    Account(long accountId, AccountKind kind, int feeTier, int assetCount) {
        this.accountId = accountId;
        this.kind = kind;
        this.feeTier = feeTier;
        this.available = new long[assetCount];
        this.locked = new long[assetCount];
        this.openBuyBaseMinor = new long[assetCount];
    }

    boolean isRetail() {
        return investorClass == InvestorClass.RETAIL;
    }
}
