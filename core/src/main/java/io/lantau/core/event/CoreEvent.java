package io.lantau.core.event;

/** One fact the core emitted, stamped with the sequence number and time of the command that caused it. */
public sealed interface CoreEvent permits AccountOpened, FeeTierChanged, Deposited, WithdrawalRequested,
        WithdrawalSettled, WithdrawalReverted, BalanceChanged, OrderAccepted, OrderRejected, CommandRejected,
        TradeExecuted, OrderRested, OrderCanceled, OrderExpired, OrderAmended, MarketStatusChanged,
        AccountStatusChanged, InvestorProfileChanged, ReferencePriceChanged, RetailAccessChanged, FundsHeld, HoldReleased, ItemMinted,
        ItemTransferred, ItemLocked, ItemUnlocked, ItemSold {

    long sequence();

    long timestampNanos();
}
