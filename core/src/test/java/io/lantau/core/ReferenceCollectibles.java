package io.lantau.core;

import io.lantau.core.command.BurnItem;
import io.lantau.core.command.Command;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.FundsHeld;
import io.lantau.core.event.HoldReleased;
import io.lantau.core.event.ItemLocked;
import io.lantau.core.event.ItemMinted;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import io.lantau.core.event.ItemUnlocked;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reference model of SEMANTICS.md, "Collectibles" (holds, mint, transfer, gift, lock, unlock, burn, sale), for
 * {@link ReferenceExchange}: written from the document with plain maps, a linear search for duplicate content and
 * {@link BigInteger} for royalties and fees, independent of the engine's {@code Collectibles}.
 */
final class ReferenceCollectibles {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    /** What the model reads and changes of the exchange's accounts. */
    interface Accounts {
        boolean exists(long accountId);

        boolean isFee(long accountId);

        boolean isActive(long accountId);

        long[] available(long accountId);

        long[] locked(long accountId);

        int assetCount();

        long feeAccountId();
    }

    static final class ItemState {
        final Command origin;
        final MintItem mint;
        long owner;
        long mintedAt;
        ItemLockPurpose lock;
        boolean burned;
        long acquiredAt;
        ItemTransferKind acquiredKind;

        ItemState(Command origin, MintItem mint) {
            this.origin = origin;
            this.mint = mint;
        }

        @Override
        public String toString() {
            return origin + "/" + owner + "/" + mintedAt + "/" + lock + "/" + burned + "/" + acquiredAt + "/" + acquiredKind;
        }
    }

    private record Hold(HoldFunds request, String state) {
    }

    private final Accounts accounts;
    private final Map<Long, ItemState> items = new TreeMap<>();
    private final Map<Long, SettleItemSale> sales = new TreeMap<>();
    private final Map<Long, Hold> holds = new TreeMap<>();
    private long seq;
    private long ts;
    private List<CoreEvent> out;

    ReferenceCollectibles(Accounts accounts) {
        this.accounts = accounts;
    }

    ResultCode apply(long sequence, long timestampNanos, Command command, List<CoreEvent> events) {
        this.seq = sequence;
        this.ts = timestampNanos;
        this.out = events;
        return switch (command) {
            case HoldFunds c -> hold(c);
            case ReleaseHold c -> release(c);
            case MintItem c -> mint(c, c, null);
            case MintItemForPayment c -> c.item() == null ? ResultCode.INVALID_ARGUMENT : mint(c, c.item(), c);
            case TransferItem c -> move(c.itemId(), c.fromAccountId(), c.toAccountId(), false, 0);
            case GiftItem c -> move(c.itemId(), c.fromAccountId(), c.toAccountId(), true, c.minHoldNanos());
            case LockItem c -> lock(c);
            case UnlockItem c -> unlock(c);
            case BurnItem c -> burn(c);
            case SettleItemSale c -> sell(c);
            default -> throw new IllegalArgumentException("not a collectibles command: " + command);
        };
    }

    // ---------------------------------------------------------------- holds

    private ResultCode hold(HoldFunds c) {
        if (c.holdId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Hold seen = holds.get(c.holdId());
        if (seen != null) {
            return seen.request.equals(c) ? ResultCode.OK : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        if (!accounts.exists(c.accountId())) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.assetId() < 0 || c.assetId() >= accounts.assetCount()) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (c.amountMinor() <= 0) {
            return ResultCode.INVALID_AMOUNT;
        }
        if (accounts.available(c.accountId())[c.assetId()] < c.amountMinor()) {
            return ResultCode.INSUFFICIENT_BALANCE;
        }
        holds.put(c.holdId(), new Hold(c, "OPEN"));
        accounts.available(c.accountId())[c.assetId()] -= c.amountMinor();
        accounts.locked(c.accountId())[c.assetId()] += c.amountMinor();
        out.add(new FundsHeld(seq, ts, c.holdId(), c.accountId(), c.assetId(), c.amountMinor()));
        balance(c.accountId(), c.assetId(), BalanceChangeReason.HOLD_PLACED);
        return ResultCode.OK;
    }

    private ResultCode release(ReleaseHold c) {
        if (c.holdId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Hold h = holds.get(c.holdId());
        if (h == null) {
            return ResultCode.UNKNOWN_HOLD;
        }
        if (!h.state.equals("OPEN")) {
            return h.state.equals("RELEASED") ? ResultCode.OK : ResultCode.HOLD_NOT_OPEN;
        }
        HoldFunds r = h.request;
        holds.put(c.holdId(), new Hold(r, "RELEASED"));
        accounts.locked(r.accountId())[r.assetId()] -= r.amountMinor();
        accounts.available(r.accountId())[r.assetId()] += r.amountMinor();
        out.add(new HoldReleased(seq, ts, c.holdId(), r.accountId(), r.assetId(), r.amountMinor()));
        balance(r.accountId(), r.assetId(), BalanceChangeReason.HOLD_RELEASED);
        return ResultCode.OK;
    }

    // ---------------------------------------------------------------- items

    private ResultCode mint(Command origin, MintItem m, MintItemForPayment paid) {
        if (m.itemId() <= 0 || m.collectionId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        ItemState seen = items.get(m.itemId());
        if (seen != null) {
            return seen.origin.equals(origin) ? ResultCode.OK : ResultCode.ITEM_EXISTS;
        }
        ResultCode code = receiver(m.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (m.editionNumber() <= 0) {
            return ResultCode.INVALID_EDITION;
        }
        if (m.contentHash() == null || m.contentHash().equals(new ContentHash(0, 0, 0, 0))) {
            return ResultCode.INVALID_CONTENT_HASH;
        }
        if (m.royaltyBps() < 0 || m.royaltyBps() > 10_000) {
            return ResultCode.INVALID_ROYALTY;
        }
        if (m.creatorAccountId() != 0 && !accounts.exists(m.creatorAccountId())) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        for (ItemState other : items.values()) {
            if (other.mint.collectionId() == m.collectionId() && other.mint.contentHash().equals(m.contentHash())) {
                return ResultCode.DUPLICATE_CONTENT;
            }
        }
        if (paid != null) {
            code = checkPayment(m.ownerAccountId(), paid.sellerAccountId(), paid.assetId(), paid.priceMinor(), 0, 0,
                    paid.feeBps(), paid.holdId());
            if (code != ResultCode.OK) {
                return code;
            }
        }
        ItemState item = new ItemState(origin, m);
        item.mintedAt = ts;
        items.put(m.itemId(), item);
        out.add(new ItemMinted(seq, ts, m.itemId(), m.collectionId(), m.editionNumber(), m.contentHash(),
                m.creatorAccountId(), m.royaltyBps(), m.flags()));
        giveTo(item, m.ownerAccountId(), ItemTransferKind.MINT);
        if (paid != null) {
            pay(0, m.itemId(), m.ownerAccountId(), paid.sellerAccountId(), paid.assetId(), paid.priceMinor(), 0, 0,
                    paid.feeBps(), paid.holdId());
        }
        return ResultCode.OK;
    }

    private ResultCode move(long itemId, long from, long to, boolean gift, long minHold) {
        ResultCode code = owned(itemId, from);
        if (code == ResultCode.OK) {
            code = receiver(to);
        }
        if (code == ResultCode.OK && to == from) {
            code = ResultCode.SELF_TRANSFER;
        }
        if (code == ResultCode.OK && !accounts.isActive(from)) {
            code = ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        if (code == ResultCode.OK && items.get(itemId).lock != null) {
            code = ResultCode.ITEM_LOCKED;
        }
        if (code != ResultCode.OK) {
            return code;
        }
        ItemState item = items.get(itemId);
        if (gift && minHold < 0) {
            return ResultCode.INVALID_ARGUMENT;
        }
        // CN-06: not before the holding period, measured from the command timestamps.
        if (gift && BigInteger.valueOf(ts).subtract(BigInteger.valueOf(item.acquiredAt))
                .compareTo(BigInteger.valueOf(minHold)) < 0) {
            return ResultCode.HOLDING_PERIOD_NOT_MET;
        }
        giveTo(item, to, gift ? ItemTransferKind.GIFT : ItemTransferKind.TRANSFER);
        return ResultCode.OK;
    }

    private ResultCode lock(LockItem c) {
        ResultCode code = owned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (c.purpose() == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        ItemState item = items.get(c.itemId());
        if (item.lock != null) {
            return ResultCode.ITEM_LOCKED;
        }
        item.lock = c.purpose();
        out.add(new ItemLocked(seq, ts, c.itemId(), c.ownerAccountId(), c.purpose()));
        return ResultCode.OK;
    }

    private ResultCode unlock(UnlockItem c) {
        ResultCode code = owned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        ItemState item = items.get(c.itemId());
        if (item.lock == null) {
            return ResultCode.ITEM_NOT_LOCKED;
        }
        out.add(new ItemUnlocked(seq, ts, c.itemId(), c.ownerAccountId(), item.lock));
        item.lock = null;
        return ResultCode.OK;
    }

    private ResultCode burn(BurnItem c) {
        ResultCode code = owned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        ItemState item = items.get(c.itemId());
        if (item.lock != null) {
            return ResultCode.ITEM_LOCKED;
        }
        item.burned = true;
        item.acquiredAt = ts;
        item.acquiredKind = ItemTransferKind.BURN;
        out.add(new ItemTransferred(seq, ts, c.itemId(), c.ownerAccountId(), 0, ItemTransferKind.BURN));
        return ResultCode.OK;
    }

    private ResultCode sell(SettleItemSale c) {
        if (c.saleId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        if (sales.containsKey(c.saleId())) {
            return sales.get(c.saleId()).equals(c) ? ResultCode.OK : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = owned(c.itemId(), c.sellerAccountId());
        if (code == ResultCode.OK) {
            code = receiver(c.buyerAccountId());
        }
        if (code == ResultCode.OK && c.buyerAccountId() == c.sellerAccountId()) {
            code = ResultCode.SELF_TRANSFER;
        }
        if (code == ResultCode.OK && !accounts.isActive(c.sellerAccountId())) {
            code = ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        if (code == ResultCode.OK && items.get(c.itemId()).lock == ItemLockPurpose.EXPORT) {
            code = ResultCode.ITEM_LOCKED;
        }
        if (code == ResultCode.OK) {
            code = checkPayment(c.buyerAccountId(), c.sellerAccountId(), c.assetId(), c.priceMinor(),
                    c.royaltyAccountId(), c.royaltyBps(), c.feeBps(), c.holdId());
        }
        if (code != ResultCode.OK) {
            return code;
        }
        sales.put(c.saleId(), c);
        ItemState item = items.get(c.itemId());
        if (item.lock != null) {
            out.add(new ItemUnlocked(seq, ts, c.itemId(), item.owner, item.lock));
            item.lock = null;
        }
        giveTo(item, c.buyerAccountId(), ItemTransferKind.SALE);
        pay(c.saleId(), c.itemId(), c.buyerAccountId(), c.sellerAccountId(), c.assetId(), c.priceMinor(),
                c.royaltyAccountId(), c.royaltyBps(), c.feeBps(), c.holdId());
        return ResultCode.OK;
    }

    // ---------------------------------------------------------------- shared rules

    private ResultCode owned(long itemId, long owner) {
        if (itemId <= 0) {
            return ResultCode.INVALID_ID;
        }
        ItemState item = items.get(itemId);
        if (item == null) {
            return ResultCode.UNKNOWN_ITEM;
        }
        if (item.burned) {
            return ResultCode.ITEM_BURNED;
        }
        return item.owner == owner ? ResultCode.OK : ResultCode.NOT_ITEM_OWNER;
    }

    private ResultCode receiver(long accountId) {
        if (!accounts.exists(accountId)) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (accounts.isFee(accountId)) {
            return ResultCode.ACCOUNT_CANNOT_HOLD_ITEMS;
        }
        return accounts.isActive(accountId) ? ResultCode.OK : ResultCode.ACCOUNT_NOT_ACTIVE;
    }

    private ResultCode checkPayment(long buyer, long seller, int asset, long price, long royaltyAccount,
            int royaltyBps, int feeBps, long holdId) {
        if (!accounts.exists(seller)) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (accounts.isFee(seller)) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (seller == buyer) {
            return ResultCode.SELF_TRANSFER;
        }
        if (asset < 0 || asset >= accounts.assetCount()) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (price <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (feeBps < 0 || feeBps > 10_000) {
            return ResultCode.INVALID_FEE_RATE;
        }
        if (royaltyBps < 0 || royaltyBps + feeBps > 10_000) {
            return ResultCode.INVALID_ROYALTY;
        }
        if (royaltyBps > 0) {
            if (!accounts.exists(royaltyAccount)) {
                return ResultCode.UNKNOWN_ACCOUNT;
            }
            if (accounts.isFee(royaltyAccount)) {
                return ResultCode.INVALID_ARGUMENT;
            }
        }
        if (holdId < 0) {
            return ResultCode.INVALID_ID;
        }
        if (holdId == 0) {
            return accounts.available(buyer)[asset] < price ? ResultCode.INSUFFICIENT_BALANCE : ResultCode.OK;
        }
        Hold h = holds.get(holdId);
        if (h == null) {
            return ResultCode.UNKNOWN_HOLD;
        }
        if (!h.state.equals("OPEN")) {
            return ResultCode.HOLD_NOT_OPEN;
        }
        if (h.request.accountId() != buyer || h.request.assetId() != asset) {
            return ResultCode.HOLD_MISMATCH;
        }
        return h.request.amountMinor() < price ? ResultCode.INSUFFICIENT_BALANCE : ResultCode.OK;
    }

    private void pay(long saleId, long itemId, long buyer, long seller, int asset, long price, long royaltyAccount,
            int royaltyBps, int feeBps, long holdId) {
        BigInteger p = BigInteger.valueOf(price);
        long royalty = p.multiply(BigInteger.valueOf(royaltyBps)).divide(TEN_THOUSAND).longValueExact();
        BigInteger[] qr = p.multiply(BigInteger.valueOf(feeBps)).divideAndRemainder(TEN_THOUSAND);
        long fee = qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
        long proceeds = price - royalty - fee;
        if (holdId == 0) {
            accounts.available(buyer)[asset] -= price;
        } else {
            HoldFunds r = holds.get(holdId).request;
            holds.put(holdId, new Hold(r, "USED"));
            accounts.locked(buyer)[asset] -= r.amountMinor();
            accounts.available(buyer)[asset] += r.amountMinor() - price;
        }
        accounts.available(seller)[asset] += proceeds;
        long feeAccount = accounts.feeAccountId();
        if (royaltyBps > 0) {
            accounts.available(royaltyAccount)[asset] += royalty;
        }
        accounts.available(feeAccount)[asset] += fee;
        out.add(new ItemSold(seq, ts, saleId, itemId, seller, buyer, asset, price, proceeds,
                royaltyBps > 0 ? royaltyAccount : 0, royalty, fee, holdId));
        Set<Long> told = new LinkedHashSet<>(List.of(buyer, seller));
        balance(buyer, asset, BalanceChangeReason.ITEM_PAYMENT);
        balance(seller, asset, BalanceChangeReason.ITEM_PAYMENT);
        if (royalty > 0 && told.add(royaltyAccount)) {
            balance(royaltyAccount, asset, BalanceChangeReason.ROYALTY);
        }
        if (fee > 0) {
            balance(feeAccount, asset, BalanceChangeReason.FEE);
        }
    }

    private void giveTo(ItemState item, long to, ItemTransferKind kind) {
        long from = item.owner;
        item.owner = to;
        item.acquiredAt = ts;
        item.acquiredKind = kind;
        out.add(new ItemTransferred(seq, ts, item.mint.itemId(), from, to, kind));
    }

    private void balance(long accountId, int asset, BalanceChangeReason reason) {
        out.add(new BalanceChanged(seq, ts, accountId, asset, accounts.available(accountId)[asset],
                accounts.locked(accountId)[asset], reason));
    }

    // ---------------------------------------------------------------- queries

    ItemView view(long itemId) {
        ItemState i = items.get(itemId);
        if (i == null) {
            return null;
        }
        MintItem m = i.mint;
        long mintedAt = i.mintedAt;
        return new ItemView(m.itemId(), m.collectionId(), m.editionNumber(), m.contentHash(), m.creatorAccountId(),
                m.royaltyBps(), m.flags(), i.owner, i.lock, i.burned, i.acquiredAt, i.acquiredKind, mintedAt);
    }

    /** @return the live items' owners by item id, and -1 for burned ones. */
    Map<Long, Long> owners() {
        Map<Long, Long> owners = new TreeMap<>();
        items.forEach((id, item) -> owners.put(id, item.burned ? -1 : item.owner));
        return owners;
    }

    /** @return the open holds' amounts locked in this account and asset. */
    long openHoldsMinor(long accountId, int assetId) {
        long sum = 0;
        for (Hold h : holds.values()) {
            if (h.state.equals("OPEN") && h.request.accountId() == accountId && h.request.assetId() == assetId) {
                sum += h.request.amountMinor();
            }
        }
        return sum;
    }

    String digest() {
        List<String> parts = new ArrayList<>();
        items.forEach((id, item) -> parts.add(id + "=" + item));
        sales.forEach((id, s) -> parts.add(id + "=" + s));
        holds.forEach((id, h) -> parts.add(id + "=" + h));
        return String.join("\n", parts);
    }
}
