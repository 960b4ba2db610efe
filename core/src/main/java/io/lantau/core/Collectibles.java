package io.lantau.core;

import io.lantau.core.command.BurnItem;
import io.lantau.core.command.Command;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongHashSet;

/**
 * Ownership of digital collectibles (issue 6, REGULATORY.md §B): mint, transfer, gift, lock, unlock, burn and sale.
 * Every item has exactly one owner until it is burned; each change of owner is one {@code ItemTransferred} event, so
 * an item's provenance is its event history. A sale moves the item and its payment in the same command
 * ({@link ItemPayment}). A rejected command changes nothing. See SEMANTICS.md, "Collectibles".
 *
 * <p>Deterministic: the holding period of a gift (CN-06) is measured with the command's timestamp, never a clock.
 */
final class Collectibles {
    /** An item's content hash is unique within its collection (CN-02), burned items included. */
    record ContentKey(long collectionId, ContentHash hash) {
    }

    private final Ledger ledger;
    private final Emitter emitter;
    private final ItemPayment payment;
    final Long2ObjectHashMap<Item> items = new Long2ObjectHashMap<>();
    /** Accepted sales by id, kept so that a repeat is recognised. */
    final Long2ObjectHashMap<SettleItemSale> sales = new Long2ObjectHashMap<>();
    private final Map<ContentKey, Long> itemByContent = new HashMap<>();
    private final Long2ObjectHashMap<LongHashSet> itemsByOwner = new Long2ObjectHashMap<>();
    /** The item found by the last {@link #findOwned} that returned OK. */
    private Item found;

    Collectibles(Ledger ledger, Emitter emitter, ItemPayment payment) {
        this.ledger = ledger;
        this.emitter = emitter;
        this.payment = payment;
    }

    ResultCode mint(MintItem c) {
        ResultCode code = checkMint(c, c);
        if (code == ResultCode.OK && !items.containsKey(c.itemId())) {
            create(c, c);
        }
        return code;
    }

    ResultCode mintForPayment(MintItemForPayment c) {
        MintItem m = c.item();
        if (m == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        ResultCode code = checkMint(c, m);
        if (code != ResultCode.OK || items.containsKey(m.itemId())) {
            return code; // a rejection, or an identical repeat
        }
        code = payment.check(m.ownerAccountId(), c.sellerAccountId(), c.assetId(), c.priceMinor(), 0, 0, c.feeBps(),
                c.holdId());
        if (code == ResultCode.OK) {
            create(c, m);
            payment.pay(0, m.itemId());
        }
        return code;
    }

    /** Checks a mint; OK for a new item or an identical repeat (the caller tells them apart). */
    private ResultCode checkMint(Command origin, MintItem m) {
        if (m.itemId() <= 0 || m.collectionId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Item seen = items.get(m.itemId());
        if (seen != null) {
            return seen.origin.equals(origin) ? ResultCode.OK : ResultCode.ITEM_EXISTS;
        }
        ResultCode code = checkReceiver(m.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (m.editionNumber() <= 0) {
            return ResultCode.INVALID_EDITION;
        }
        if (m.contentHash() == null || m.contentHash().isZero()) {
            return ResultCode.INVALID_CONTENT_HASH;
        }
        if (m.royaltyBps() < 0 || m.royaltyBps() > Fees.BPS_DENOMINATOR) {
            return ResultCode.INVALID_ROYALTY;
        }
        if (m.creatorAccountId() != 0 && ledger.account(m.creatorAccountId()) == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (itemByContent.containsKey(new ContentKey(m.collectionId(), m.contentHash()))) {
            return ResultCode.DUPLICATE_CONTENT;
        }
        return ResultCode.OK;
    }

    private void create(Command origin, MintItem m) {
        Item item = new Item(origin, m, emitter.timestampNanos);
        items.put(m.itemId(), item);
        itemByContent.put(new ContentKey(m.collectionId(), m.contentHash()), m.itemId());
        emitter.listener.onItemMinted(emitter.sequence, emitter.timestampNanos, m.itemId(), m.collectionId(),
                m.editionNumber(), m.contentHash(), m.creatorAccountId(), m.royaltyBps(), m.flags());
        moveTo(item, m.ownerAccountId(), ItemTransferKind.MINT);
    }

    ResultCode transfer(TransferItem c) {
        ResultCode code = checkMove(c.itemId(), c.fromAccountId(), c.toAccountId());
        if (code == ResultCode.OK) {
            moveTo(found, c.toAccountId(), ItemTransferKind.TRANSFER);
        }
        return code;
    }

    /** CN-06: a gift is refused until the sender has held the item for {@code minHoldNanos} (command time). */
    ResultCode gift(GiftItem c) {
        ResultCode code = checkMove(c.itemId(), c.fromAccountId(), c.toAccountId());
        if (code == ResultCode.OK && c.minHoldNanos() < 0) {
            code = ResultCode.INVALID_ARGUMENT;
        }
        if (code == ResultCode.OK && emitter.timestampNanos - found.acquiredAtNanos < c.minHoldNanos()) {
            code = ResultCode.HOLDING_PERIOD_NOT_MET;
        }
        if (code == ResultCode.OK) {
            moveTo(found, c.toAccountId(), ItemTransferKind.GIFT);
        }
        return code;
    }

    /** The checks shared by transfer and gift; leaves the item in {@link #found}. */
    private ResultCode checkMove(long itemId, long fromId, long toId) {
        ResultCode code = findOwned(itemId, fromId);
        if (code != ResultCode.OK) {
            return code;
        }
        code = checkReceiver(toId);
        if (code != ResultCode.OK) {
            return code;
        }
        if (toId == fromId) {
            return ResultCode.SELF_TRANSFER;
        }
        if (ledger.account(fromId).status != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        return found.lock != null ? ResultCode.ITEM_LOCKED : ResultCode.OK;
    }

    ResultCode lock(LockItem c) {
        ResultCode code = findOwned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (c.purpose() == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (found.lock != null) {
            return ResultCode.ITEM_LOCKED;
        }
        found.lock = c.purpose();
        emitter.listener.onItemLocked(emitter.sequence, emitter.timestampNanos, c.itemId(), c.ownerAccountId(),
                c.purpose());
        return ResultCode.OK;
    }

    ResultCode unlock(UnlockItem c) {
        ResultCode code = findOwned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (found.lock == null) {
            return ResultCode.ITEM_NOT_LOCKED;
        }
        unlock(found);
        return ResultCode.OK;
    }

    private void unlock(Item item) {
        ItemLockPurpose purpose = item.lock;
        item.lock = null;
        emitter.listener.onItemUnlocked(emitter.sequence, emitter.timestampNanos, item.mint.itemId(),
                item.ownerAccountId, purpose);
    }

    ResultCode burn(BurnItem c) {
        ResultCode code = findOwned(c.itemId(), c.ownerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (found.lock != null) {
            return ResultCode.ITEM_LOCKED;
        }
        moveTo(found, 0, ItemTransferKind.BURN);
        return ResultCode.OK;
    }

    ResultCode sell(SettleItemSale c) {
        if (c.saleId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        SettleItemSale seen = sales.get(c.saleId());
        if (seen != null) {
            return seen.equals(c) ? ResultCode.OK : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = findOwned(c.itemId(), c.sellerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        Item item = found;
        code = checkReceiver(c.buyerAccountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (c.buyerAccountId() == c.sellerAccountId()) {
            return ResultCode.SELF_TRANSFER;
        }
        if (ledger.account(c.sellerAccountId()).status != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        if (item.lock == ItemLockPurpose.EXPORT) {
            return ResultCode.ITEM_LOCKED;
        }
        code = payment.check(c.buyerAccountId(), c.sellerAccountId(), c.assetId(), c.priceMinor(),
                c.royaltyAccountId(), c.royaltyBps(), c.feeBps(), c.holdId());
        if (code != ResultCode.OK) {
            return code;
        }
        sales.put(c.saleId(), c);
        if (item.lock != null) {
            unlock(item); // the listing ends with its sale
        }
        moveTo(item, c.buyerAccountId(), ItemTransferKind.SALE);
        payment.pay(c.saleId(), c.itemId());
        return ResultCode.OK;
    }

    /**
     * Finds a live item owned by {@code ownerId} and leaves it in {@link #found}: {@code INVALID_ID},
     * {@code UNKNOWN_ITEM}, {@code ITEM_BURNED}, {@code NOT_ITEM_OWNER}.
     */
    private ResultCode findOwned(long itemId, long ownerId) {
        if (itemId <= 0) {
            return ResultCode.INVALID_ID;
        }
        Item item = items.get(itemId);
        if (item == null) {
            return ResultCode.UNKNOWN_ITEM;
        }
        if (item.burned) {
            return ResultCode.ITEM_BURNED;
        }
        if (item.ownerAccountId != ownerId) {
            return ResultCode.NOT_ITEM_OWNER;
        }
        found = item;
        return ResultCode.OK;
    }

    /** An account that may receive an item: known, not the fee account, ACTIVE (CN-05: verified accounts only). */
    private ResultCode checkReceiver(long accountId) {
        Account account = ledger.account(accountId);
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (account.kind == AccountKind.FEE) {
            return ResultCode.ACCOUNT_CANNOT_HOLD_ITEMS;
        }
        return account.status == AccountStatus.ACTIVE ? ResultCode.OK : ResultCode.ACCOUNT_NOT_ACTIVE;
    }

    /** Gives {@code item} to {@code toId} (0 burns it) and emits the provenance step. */
    private void moveTo(Item item, long toId, ItemTransferKind kind) {
        long fromId = item.ownerAccountId;
        if (fromId != 0) {
            LongHashSet owned = itemsByOwner.get(fromId);
            owned.remove(item.mint.itemId());
            if (owned.isEmpty()) {
                itemsByOwner.remove(fromId);
            }
        }
        if (kind == ItemTransferKind.BURN) {
            item.burned = true;
        } else {
            item.ownerAccountId = toId;
            itemsByOwner.computeIfAbsent(toId, id -> new LongHashSet()).add(item.mint.itemId());
        }
        item.acquiredAtNanos = emitter.timestampNanos;
        item.acquiredKind = kind;
        emitter.listener.onItemTransferred(emitter.sequence, emitter.timestampNanos, item.mint.itemId(), fromId,
                toId, kind);
    }

    /** Adds a restored item to the indexes (snapshot reading). */
    void restore(Item item) {
        items.put(item.mint.itemId(), item);
        itemByContent.put(new ContentKey(item.mint.collectionId(), item.mint.contentHash()), item.mint.itemId());
        if (!item.burned) {
            itemsByOwner.computeIfAbsent(item.ownerAccountId, id -> new LongHashSet()).add(item.mint.itemId());
        }
    }

    /** @return the ids of the live items {@code accountId} owns, ascending. */
    long[] itemIdsOf(long accountId) {
        LongHashSet owned = itemsByOwner.get(accountId);
        if (owned == null) {
            return new long[0];
        }
        long[] ids = new long[owned.size()];
        int i = 0;
        for (LongHashSet.LongIterator it = owned.iterator(); it.hasNext(); ) {
            ids[i++] = it.nextValue();
        }
        Arrays.sort(ids);
        return ids;
    }
}
