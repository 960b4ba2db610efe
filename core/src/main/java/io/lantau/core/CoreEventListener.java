package io.lantau.core;

import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;

/**
 * Receives the core's events, synchronously on the core thread, in the order they happen. Each call carries the
 * sequence number and timestamp of the command that caused it. Implementations must not block and must copy any
 * {@link OrderView} they keep. Every method has an empty default so a projection implements only what it reads.
 *
 * <p>The events of one command describe its whole effect: a projection that applies them in order rebuilds order
 * state, the book's depth and every balance without asking the core anything.
 */
public interface CoreEventListener {

    /** A listener that ignores everything. */
    CoreEventListener NO_OP = new CoreEventListener() {
    };

    default void onAccountOpened(long sequence, long timestampNanos, long accountId, AccountKind kind, int feeTier) {
    }

    default void onFeeTierChanged(long sequence, long timestampNanos, long accountId, int feeTier) {
    }

    default void onDeposited(long sequence, long timestampNanos, long depositId, long accountId, int assetId,
            long amountMinor) {
    }

    default void onWithdrawalRequested(long sequence, long timestampNanos, long withdrawalId, long accountId,
            int assetId, long amountMinor) {
    }

    default void onWithdrawalSettled(long sequence, long timestampNanos, long withdrawalId, long accountId,
            int assetId, long amountMinor) {
    }

    default void onWithdrawalReverted(long sequence, long timestampNanos, long withdrawalId, long accountId,
            int assetId, long amountMinor) {
    }

    /** A balance moved; carries the new available and locked amounts. */
    default void onBalanceChanged(long sequence, long timestampNanos, long accountId, int assetId,
            long availableMinor, long lockedMinor, BalanceChangeReason reason) {
    }

    /** The order passed validation and its funds are locked; matching follows. */
    default void onOrderAccepted(long sequence, long timestampNanos, OrderView order) {
    }

    default void onOrderRejected(long sequence, long timestampNanos, PlaceOrder command, ResultCode code) {
    }

    /** Any command other than {@link PlaceOrder} was rejected; nothing changed. */
    default void onCommandRejected(long sequence, long timestampNanos, Command command, ResultCode code) {
    }

    /**
     * A fill. Both views show the orders after this fill. The notional is {@code priceTicks * quantityLots *
     * tickValue}; each fee is in the quote asset and paid into the fee account.
     */
    default void onTradeExecuted(long sequence, long timestampNanos, long tradeId, OrderView taker, OrderView maker,
            long priceTicks, long quantityLots, long quoteMinor, long takerFeeMinor, long makerFeeMinor) {
    }

    /** The order's remainder was placed in the book at its price, behind the orders already there. */
    default void onOrderRested(long sequence, long timestampNanos, OrderView order) {
    }

    default void onOrderCanceled(long sequence, long timestampNanos, OrderView order, CancelReason reason) {
    }

    default void onOrderExpired(long sequence, long timestampNanos, OrderView order, ExpiryReason reason) {
    }

    /**
     * An open order's price or quantity changed. If {@code priorityKept} it stays where it was in its level; otherwise
     * it has left the book and is followed by trades and/or {@link #onOrderRested}, as a new order would be.
     */
    default void onOrderAmended(long sequence, long timestampNanos, OrderView order, long oldPriceTicks,
            long oldQuantityLots, boolean priorityKept) {
    }

    default void onMarketStatusChanged(long sequence, long timestampNanos, int marketId, MarketStatus oldStatus,
            MarketStatus newStatus) {
    }

    default void onAccountStatusChanged(long sequence, long timestampNanos, long accountId, AccountStatus oldStatus,
            AccountStatus newStatus) {
    }

    default void onInvestorProfileChanged(long sequence, long timestampNanos, long accountId,
            InvestorClass investorClass, long exposureLimitMinor) {
    }

    default void onReferencePriceChanged(long sequence, long timestampNanos, int assetId, long priceMinor) {
    }

    default void onRetailAccessChanged(long sequence, long timestampNanos, int marketId, RetailAccess access) {
    }

    /** Funds moved from available to locked for a later item payment. */
    default void onFundsHeld(long sequence, long timestampNanos, long holdId, long accountId, int assetId,
            long amountMinor) {
    }

    /** A hold ended without paying for anything; its amount returns to available. */
    default void onHoldReleased(long sequence, long timestampNanos, long holdId, long accountId, int assetId,
            long amountMinor) {
    }

    /**
     * A collectible was created; its ownership starts with the {@link #onItemTransferred} of kind MINT that follows.
     */
    default void onItemMinted(long sequence, long timestampNanos, long itemId, long collectionId, long editionNumber,
            ContentHash contentHash, long creatorAccountId, int royaltyBps, int flags) {
    }

    /**
     * An item changed hands; an item's provenance is the list of these. {@code fromAccountId} is 0 for MINT,
     * {@code toAccountId} is 0 for BURN.
     */
    default void onItemTransferred(long sequence, long timestampNanos, long itemId, long fromAccountId,
            long toAccountId, ItemTransferKind kind) {
    }

    default void onItemLocked(long sequence, long timestampNanos, long itemId, long ownerAccountId,
            ItemLockPurpose purpose) {
    }

    default void onItemUnlocked(long sequence, long timestampNanos, long itemId, long ownerAccountId,
            ItemLockPurpose purpose) {
    }

    /**
     * The payment for an item, settled in the same command as its transfer (SALE) or mint: the buyer paid
     * {@code priceMinor} (from hold {@code holdId} if not 0), the seller got {@code sellerProceedsMinor}, the
     * royalty account {@code royaltyMinor} and the fee account {@code feeMinor}; the four add up exactly.
     * {@code saleId} is 0 for a primary sale (a mint for payment). Balance events follow.
     */
    default void onItemSold(long sequence, long timestampNanos, long saleId, long itemId, long sellerAccountId,
            long buyerAccountId, int assetId, long priceMinor, long sellerProceedsMinor, long royaltyAccountId,
            long royaltyMinor, long feeMinor, long holdId) {
    }
}
