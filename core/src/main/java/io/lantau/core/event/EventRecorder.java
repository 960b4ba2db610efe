package io.lantau.core.event;

import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.InvestorClass;
import io.lantau.core.RetailAccess;
import io.lantau.core.BalanceChangeReason;
import io.lantau.core.CancelReason;
import io.lantau.core.ContentHash;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.ItemTransferKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExpiryReason;
import io.lantau.core.MarketStatus;
import io.lantau.core.OrderView;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Turns the core's callbacks into {@link CoreEvent} records and hands each to a consumer (by default, a list). */
public final class EventRecorder implements CoreEventListener {
    private final Consumer<CoreEvent> sink;
    private final List<CoreEvent> events;

    /** Records into a list readable with {@link #events()}. */
    public EventRecorder() {
        this.events = new ArrayList<>();
        this.sink = events::add;
    }

    /** Hands every event to {@code sink}; {@link #events()} stays empty. */
    public EventRecorder(Consumer<CoreEvent> sink) {
        this.events = new ArrayList<>();
        this.sink = sink;
    }

    public List<CoreEvent> events() {
        return events;
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void onAccountOpened(long seq, long ts, long accountId, AccountKind kind, int feeTier) {
        sink.accept(new AccountOpened(seq, ts, accountId, kind, feeTier));
    }

    @Override
    public void onFeeTierChanged(long seq, long ts, long accountId, int feeTier) {
        sink.accept(new FeeTierChanged(seq, ts, accountId, feeTier));
    }

    @Override
    public void onDeposited(long seq, long ts, long depositId, long accountId, int assetId, long amountMinor) {
        sink.accept(new Deposited(seq, ts, depositId, accountId, assetId, amountMinor));
    }

    @Override
    public void onWithdrawalRequested(long seq, long ts, long id, long accountId, int assetId, long amountMinor) {
        sink.accept(new WithdrawalRequested(seq, ts, id, accountId, assetId, amountMinor));
    }

    @Override
    public void onWithdrawalSettled(long seq, long ts, long id, long accountId, int assetId, long amountMinor) {
        sink.accept(new WithdrawalSettled(seq, ts, id, accountId, assetId, amountMinor));
    }

    @Override
    public void onWithdrawalReverted(long seq, long ts, long id, long accountId, int assetId, long amountMinor) {
        sink.accept(new WithdrawalReverted(seq, ts, id, accountId, assetId, amountMinor));
    }

    @Override
    public void onBalanceChanged(long seq, long ts, long accountId, int assetId, long availableMinor,
            long lockedMinor, BalanceChangeReason reason) {
        sink.accept(new BalanceChanged(seq, ts, accountId, assetId, availableMinor, lockedMinor, reason));
    }

    @Override
    public void onOrderAccepted(long seq, long ts, OrderView order) {
        sink.accept(new OrderAccepted(seq, ts, OrderSnapshot.of(order)));
    }

    @Override
    public void onOrderRejected(long seq, long ts, PlaceOrder command, ResultCode code) {
        sink.accept(new OrderRejected(seq, ts, command, code));
    }

    @Override
    public void onCommandRejected(long seq, long ts, Command command, ResultCode code) {
        sink.accept(new CommandRejected(seq, ts, command, code));
    }

    @Override
    public void onTradeExecuted(long seq, long ts, long tradeId, OrderView taker, OrderView maker, long priceTicks,
            long quantityLots, long quoteMinor, long takerFeeMinor, long makerFeeMinor) {
        sink.accept(new TradeExecuted(seq, ts, tradeId, OrderSnapshot.of(taker), OrderSnapshot.of(maker), priceTicks,
                quantityLots, quoteMinor, takerFeeMinor, makerFeeMinor));
    }

    @Override
    public void onOrderRested(long seq, long ts, OrderView order) {
        sink.accept(new OrderRested(seq, ts, OrderSnapshot.of(order)));
    }

    @Override
    public void onOrderCanceled(long seq, long ts, OrderView order, CancelReason reason) {
        sink.accept(new OrderCanceled(seq, ts, OrderSnapshot.of(order), reason));
    }

    @Override
    public void onOrderExpired(long seq, long ts, OrderView order, ExpiryReason reason) {
        sink.accept(new OrderExpired(seq, ts, OrderSnapshot.of(order), reason));
    }

    @Override
    public void onOrderAmended(long seq, long ts, OrderView order, long oldPriceTicks, long oldQuantityLots,
            boolean priorityKept) {
        sink.accept(new OrderAmended(seq, ts, OrderSnapshot.of(order), oldPriceTicks, oldQuantityLots, priorityKept));
    }

    @Override
    public void onMarketStatusChanged(long seq, long ts, int marketId, MarketStatus oldStatus, MarketStatus status) {
        sink.accept(new MarketStatusChanged(seq, ts, marketId, oldStatus, status));
    }

    @Override
    public void onAccountStatusChanged(long seq, long ts, long accountId, AccountStatus oldStatus,
            AccountStatus status) {
        sink.accept(new AccountStatusChanged(seq, ts, accountId, oldStatus, status));
    }

    @Override
    public void onInvestorProfileChanged(long seq, long ts, long accountId, InvestorClass investorClass,
            long exposureLimitMinor) {
        sink.accept(new InvestorProfileChanged(seq, ts, accountId, investorClass, exposureLimitMinor));
    }

    @Override
    public void onReferencePriceChanged(long seq, long ts, int assetId, long priceMinor) {
        sink.accept(new ReferencePriceChanged(seq, ts, assetId, priceMinor));
    }

    @Override
    public void onRetailAccessChanged(long seq, long ts, int marketId, RetailAccess access) {
        sink.accept(new RetailAccessChanged(seq, ts, marketId, access));
    }

    @Override
    public void onFundsHeld(long seq, long ts, long holdId, long accountId, int assetId, long amountMinor) {
        sink.accept(new FundsHeld(seq, ts, holdId, accountId, assetId, amountMinor));
    }

    @Override
    public void onHoldReleased(long seq, long ts, long holdId, long accountId, int assetId, long amountMinor) {
        sink.accept(new HoldReleased(seq, ts, holdId, accountId, assetId, amountMinor));
    }

    @Override
    public void onItemMinted(long seq, long ts, long itemId, long collectionId, long editionNumber,
            ContentHash contentHash, long creatorAccountId, int royaltyBps, int flags) {
        sink.accept(new ItemMinted(seq, ts, itemId, collectionId, editionNumber, contentHash, creatorAccountId,
                royaltyBps, flags));
    }

    @Override
    public void onItemTransferred(long seq, long ts, long itemId, long fromAccountId, long toAccountId,
            ItemTransferKind kind) {
        sink.accept(new ItemTransferred(seq, ts, itemId, fromAccountId, toAccountId, kind));
    }

    @Override
    public void onItemLocked(long seq, long ts, long itemId, long ownerAccountId, ItemLockPurpose purpose) {
        sink.accept(new ItemLocked(seq, ts, itemId, ownerAccountId, purpose));
    }

    @Override
    public void onItemUnlocked(long seq, long ts, long itemId, long ownerAccountId, ItemLockPurpose purpose) {
        sink.accept(new ItemUnlocked(seq, ts, itemId, ownerAccountId, purpose));
    }

    @Override
    public void onItemSold(long seq, long ts, long saleId, long itemId, long sellerAccountId, long buyerAccountId,
            int assetId, long priceMinor, long sellerProceedsMinor, long royaltyAccountId, long royaltyMinor,
            long feeMinor, long holdId) {
        sink.accept(new ItemSold(seq, ts, saleId, itemId, sellerAccountId, buyerAccountId, assetId, priceMinor,
                sellerProceedsMinor, royaltyAccountId, royaltyMinor, feeMinor, holdId));
    }
}
