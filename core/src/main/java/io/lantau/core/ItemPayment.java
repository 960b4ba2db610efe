package io.lantau.core;

/**
 * The money half of an item sale, primary (a mint for payment) or secondary: checks that a payment can be made, then
 * makes it, atomically with the item's move that the caller does between the two calls.
 *
 * <p>Rounding (SEMANTICS.md, "Collectibles"): royalty {@code floor(price × royaltyBps / 10 000)}, platform fee
 * {@code ceil(price × feeBps / 10 000)} (fees round up, as on trades), the seller gets the exact rest; with
 * {@code royaltyBps + feeBps ≤ 10 000} the rest is never negative and every minor unit is accounted for.
 *
 * <p>Holds the accounts and amounts of the payment being made between {@link #check} and {@link #pay}; the core is
 * single-threaded, so one instance serves every command without allocating.
 */
final class ItemPayment {
    private final Ledger ledger;
    private final Transfers transfers;
    private final Emitter emitter;
    private final Account feeAccount;

    private Account buyer;
    private Account seller;
    private Account royaltyAccount;
    private int assetId;
    private long price;
    private long royalty;
    private long fee;
    private long holdId;

    ItemPayment(Ledger ledger, Transfers transfers, Emitter emitter, Account feeAccount) {
        this.ledger = ledger;
        this.transfers = transfers;
        this.emitter = emitter;
        this.feeAccount = feeAccount;
    }

    /**
     * Checks, in this order: the seller ({@code UNKNOWN_ACCOUNT}, {@code INVALID_ARGUMENT} for the fee account),
     * {@code SELF_TRANSFER}, {@code UNKNOWN_ASSET}, {@code INVALID_PRICE}, {@code INVALID_FEE_RATE},
     * {@code INVALID_ROYALTY}, the royalty account when there is a royalty, then the buyer's funds. The buyer is
     * known to exist.
     */
    ResultCode check(long buyerId, long sellerId, int assetId, long priceMinor, long royaltyAccountId,
            int royaltyBps, int feeBps, long holdId) {
        this.buyer = ledger.account(buyerId);
        this.seller = ledger.account(sellerId);
        if (seller == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (seller.kind == AccountKind.FEE) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (seller == buyer) {
            return ResultCode.SELF_TRANSFER;
        }
        if (assetId < 0 || assetId >= ledger.assetCount()) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (priceMinor <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (feeBps < 0 || feeBps > Fees.BPS_DENOMINATOR) {
            return ResultCode.INVALID_FEE_RATE;
        }
        if (royaltyBps < 0 || royaltyBps > Fees.BPS_DENOMINATOR - feeBps) {
            return ResultCode.INVALID_ROYALTY;
        }
        this.royaltyAccount = null;
        if (royaltyBps > 0) {
            royaltyAccount = ledger.account(royaltyAccountId);
            if (royaltyAccount == null) {
                return ResultCode.UNKNOWN_ACCOUNT;
            }
            if (royaltyAccount.kind == AccountKind.FEE) {
                return ResultCode.INVALID_ARGUMENT;
            }
        }
        if (holdId < 0) {
            return ResultCode.INVALID_ID;
        }
        ResultCode funds = holdId == 0
                ? buyer.available[assetId] < priceMinor ? ResultCode.INSUFFICIENT_BALANCE : ResultCode.OK
                : transfers.checkHoldCanPay(holdId, buyerId, assetId, priceMinor);
        if (funds != ResultCode.OK) {
            return funds;
        }
        this.assetId = assetId;
        this.price = priceMinor;
        this.royalty = royaltyFloor(priceMinor, royaltyBps);
        this.fee = Fees.fee(priceMinor, feeBps);
        this.holdId = holdId;
        return ResultCode.OK;
    }

    /**
     * Makes the payment last checked: moves every balance, then emits {@code ItemSold} and one balance event per
     * account touched (buyer, seller, royalty account if another, fee account if a fee was charged).
     */
    void pay(long saleId, long itemId) {
        long proceeds = price - royalty - fee;
        if (holdId == 0) {
            buyer.available[assetId] = Ledger.checked(buyer.available[assetId] - price);
        } else {
            transfers.useHold(holdId, price);
        }
        seller.available[assetId] += proceeds;
        if (royaltyAccount != null) {
            royaltyAccount.available[assetId] += royalty;
        }
        feeAccount.available[assetId] += fee;
        emitter.listener.onItemSold(emitter.sequence, emitter.timestampNanos, saleId, itemId, seller.accountId,
                buyer.accountId, assetId, price, proceeds, royaltyAccount == null ? 0 : royaltyAccount.accountId,
                royalty, fee, holdId);
        emitter.balanceChanged(buyer, assetId, BalanceChangeReason.ITEM_PAYMENT);
        emitter.balanceChanged(seller, assetId, BalanceChangeReason.ITEM_PAYMENT);
        if (royalty > 0 && royaltyAccount != buyer && royaltyAccount != seller) {
            emitter.balanceChanged(royaltyAccount, assetId, BalanceChangeReason.ROYALTY);
        }
        if (fee > 0) {
            emitter.balanceChanged(feeAccount, assetId, BalanceChangeReason.FEE);
        }
    }

    /** @return {@code floor(price × bps / 10 000)}, without overflow for {@code bps ≤ 10 000}. */
    static long royaltyFloor(long price, int bps) {
        return price / Fees.BPS_DENOMINATOR * bps + price % Fees.BPS_DENOMINATOR * bps / Fees.BPS_DENOMINATOR;
    }
}
