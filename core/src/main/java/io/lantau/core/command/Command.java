package io.lantau.core.command;

/** A request to change core state. The sequencer gives each a sequence number and a timestamp. */
public sealed interface Command
        permits OpenAccount, SetFeeTier, Deposit, RequestWithdrawal, SettleWithdrawal, RevertWithdrawal,
        PlaceOrder, CancelOrder, CancelAllOrders, AmendOrder, SetMarketStatus, SetAccountStatus, SetInvestorProfile,
        SetReferencePrice, SetRetailAccess, MintItem, MintItemForPayment, TransferItem, GiftItem, LockItem, UnlockItem,
        BurnItem, SettleItemSale, HoldFunds, ReleaseHold {
}
