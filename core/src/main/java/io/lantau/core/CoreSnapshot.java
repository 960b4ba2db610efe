package io.lantau.core;

import io.lantau.core.Transfers.Transfer;
import io.lantau.core.Transfers.WithdrawalState;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.FeeSchedule;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.SettleItemSale;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The canonical binary form of the whole core state: a header (magic, format version, last sequence number) and a
 * body of config, counters, accounts ascending by id, transfers ascending by id, and every resting order in book
 * order, then holds, items ascending by id and accepted item sales ascending by id (v3). Canonical means equal states give equal bytes, so the SHA-256 of the body is the state hash. The sequence
 * number is in the header, not the body: it says where the state is in the log, and a rejected command, which
 * changes no state, still advances it.
 */
final class CoreSnapshot {
    private static final int MAGIC = 0x4C4E5443; // "LNTC"
    private static final int VERSION = 3;

    private CoreSnapshot() {
    }

    static void write(ExchangeCore core, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(core.lastSequence);
        writeState(core, out);
    }

    /** Writes the body: everything but the header, the input of the state hash. */
    static void writeState(ExchangeCore core, DataOutput out) throws IOException {
        writeConfig(core.config(), out);
        out.writeLong(core.entry.nextOrderId);
        out.writeLong(core.matcher.nextTradeId);
        Ledger ledger = core.ledger;
        for (int a = 0; a < ledger.assetCount(); a++) {
            out.writeLong(ledger.deposited[a]);
            out.writeLong(ledger.withdrawn[a]);
        }
        for (Market market : core.markets) {
            out.writeByte(market.status.ordinal());
            out.writeByte(market.retailAccess.ordinal());
        }
        for (int a = 0; a < ledger.assetCount(); a++) {
            out.writeLong(core.exposure.referencePriceMinor[a]);
        }
        long[] accountIds = sortedKeys(ledger.accounts());
        out.writeInt(accountIds.length);
        for (long id : accountIds) {
            Account account = ledger.account(id);
            out.writeLong(id);
            out.writeByte(account.kind.ordinal());
            out.writeInt(account.feeTier);
            out.writeByte(account.status.ordinal());
            out.writeByte(account.investorClass.ordinal());
            out.writeLong(account.exposureLimitMinor);
            for (int a = 0; a < ledger.assetCount(); a++) {
                out.writeLong(account.available[a]);
                out.writeLong(account.locked[a]);
            }
        }
        writeTransfers(core.transfers.deposits, out);
        writeTransfers(core.transfers.withdrawals, out);
        for (Market market : core.markets) {
            for (Side side : Side.values()) {
                out.writeInt(countSide(market.book, side));
                for (Order o = market.book.best(side); o != null; o = market.book.next(o)) {
                    writeOrder(o, out);
                }
            }
        }
        writeTransfers(core.transfers.holds, out);
        writeItems(core.collectibles, out);
    }

    static ExchangeCore read(DataInput in, BookKind bookKind) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Lantau core snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported snapshot version " + version);
        }
        long lastSequence = in.readLong();
        ExchangeCore core = new ExchangeCore(readConfig(in), bookKind);
        core.lastSequence = lastSequence;
        core.entry.nextOrderId = in.readLong();
        core.matcher.nextTradeId = in.readLong();
        Ledger ledger = core.ledger;
        for (int a = 0; a < ledger.assetCount(); a++) {
            ledger.deposited[a] = in.readLong();
            ledger.withdrawn[a] = in.readLong();
        }
        for (Market market : core.markets) {
            market.status = MarketStatus.values()[in.readUnsignedByte()];
            market.retailAccess = RetailAccess.values()[in.readUnsignedByte()];
        }
        for (int a = 0; a < ledger.assetCount(); a++) {
            core.exposure.referencePriceMinor[a] = in.readLong();
        }
        int accountCount = in.readInt();
        for (int i = 0; i < accountCount; i++) {
            long id = in.readLong();
            AccountKind kind = AccountKind.values()[in.readUnsignedByte()];
            int tier = in.readInt();
            Account account = ledger.account(id);
            if (account == null) {
                account = ledger.open(id, kind, tier);
            }
            account.feeTier = tier;
            account.status = AccountStatus.values()[in.readUnsignedByte()];
            account.investorClass = InvestorClass.values()[in.readUnsignedByte()];
            account.exposureLimitMinor = in.readLong();
            for (int a = 0; a < ledger.assetCount(); a++) {
                account.available[a] = in.readLong();
                account.locked[a] = in.readLong();
            }
        }
        readTransfers(core.transfers.deposits, in);
        readTransfers(core.transfers.withdrawals, in);
        List<Order> all = new ArrayList<>();
        for (Market market : core.markets) {
            for (int s = 0; s < Side.values().length; s++) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    Order order = readOrder(in, market.marketId, ledger);
                    market.rest(order);
                    all.add(order);
                }
            }
        }
        // Accounts list their open orders in order-id order; rebuild that order.
        all.sort(Comparator.comparingLong(o -> o.orderId));
        all.forEach(core.openOrders::add);
        readTransfers(core.transfers.holds, in);
        readItems(core.collectibles, in);
        return core;
    }

    private static final byte ORIGIN_MINT = 0;
    private static final byte ORIGIN_MINT_FOR_PAYMENT = 1;

    private static void writeItems(Collectibles collectibles, DataOutput out) throws IOException {
        long[] ids = sortedKeys(collectibles.items);
        out.writeInt(ids.length);
        for (long id : ids) {
            Item item = collectibles.items.get(id);
            writeMint(item.mint, out);
            if (item.origin instanceof MintItemForPayment p) {
                out.writeByte(ORIGIN_MINT_FOR_PAYMENT);
                out.writeLong(p.sellerAccountId());
                out.writeInt(p.assetId());
                out.writeLong(p.priceMinor());
                out.writeInt(p.feeBps());
                out.writeLong(p.holdId());
            } else {
                out.writeByte(ORIGIN_MINT);
            }
            out.writeLong(item.mintedAtNanos);
            out.writeLong(item.ownerAccountId);
            out.writeByte(item.lock == null ? -1 : item.lock.ordinal());
            out.writeBoolean(item.burned);
            out.writeLong(item.acquiredAtNanos);
            out.writeByte(item.acquiredKind.ordinal());
        }
        long[] saleIds = sortedKeys(collectibles.sales);
        out.writeInt(saleIds.length);
        for (long id : saleIds) {
            SettleItemSale s = collectibles.sales.get(id);
            out.writeLong(s.saleId());
            out.writeLong(s.itemId());
            out.writeLong(s.sellerAccountId());
            out.writeLong(s.buyerAccountId());
            out.writeInt(s.assetId());
            out.writeLong(s.priceMinor());
            out.writeLong(s.royaltyAccountId());
            out.writeInt(s.royaltyBps());
            out.writeInt(s.feeBps());
            out.writeLong(s.holdId());
        }
    }

    private static void readItems(Collectibles collectibles, DataInput in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            MintItem mint = readMint(in);
            byte origin = in.readByte();
            Item item = new Item(origin == ORIGIN_MINT_FOR_PAYMENT
                    ? new MintItemForPayment(mint, in.readLong(), in.readInt(), in.readLong(), in.readInt(),
                            in.readLong())
                    : mint, mint, in.readLong());
            item.ownerAccountId = in.readLong();
            byte lock = in.readByte();
            item.lock = lock < 0 ? null : ItemLockPurpose.values()[lock];
            item.burned = in.readBoolean();
            item.acquiredAtNanos = in.readLong();
            item.acquiredKind = ItemTransferKind.values()[in.readUnsignedByte()];
            collectibles.restore(item);
        }
        int sales = in.readInt();
        for (int i = 0; i < sales; i++) {
            SettleItemSale s = new SettleItemSale(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readLong());
            collectibles.sales.put(s.saleId(), s);
        }
    }

    private static void writeMint(MintItem m, DataOutput out) throws IOException {
        out.writeLong(m.itemId());
        out.writeLong(m.collectionId());
        out.writeLong(m.ownerAccountId());
        out.writeLong(m.editionNumber());
        ContentHash h = m.contentHash();
        out.writeLong(h.w0());
        out.writeLong(h.w1());
        out.writeLong(h.w2());
        out.writeLong(h.w3());
        out.writeLong(m.creatorAccountId());
        out.writeInt(m.royaltyBps());
        out.writeInt(m.flags());
    }

    private static MintItem readMint(DataInput in) throws IOException {
        return new MintItem(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                new ContentHash(in.readLong(), in.readLong(), in.readLong(), in.readLong()), in.readLong(),
                in.readInt(), in.readInt());
    }

    private static void writeConfig(CoreConfig config, DataOutput out) throws IOException {
        out.writeInt(config.assets().size());
        for (Asset asset : config.assets()) {
            out.writeUTF(asset.code());
            out.writeInt(asset.scale());
            out.writeBoolean(asset.fiat());
        }
        out.writeInt(config.markets().size());
        for (MarketSpec m : config.markets()) {
            out.writeUTF(m.symbol());
            out.writeInt(m.base().assetId());
            out.writeInt(m.quote().assetId());
            out.writeUTF(m.tickSize().toString());
            out.writeUTF(m.lotSize().toString());
            out.writeLong(m.minQuantityLots());
            out.writeLong(m.maxQuantityLots());
            out.writeLong(m.maxPriceTicks());
            out.writeLong(m.minNotionalMinor());
            out.writeByte(m.defaultStp().ordinal());
            out.writeByte(m.initialStatus().ordinal());
        }
        FeeSchedule fees = config.fees();
        out.writeInt(fees.tierCount());
        for (int t = 0; t < fees.tierCount(); t++) {
            out.writeInt(fees.makerBps(t));
            out.writeInt(fees.takerBps(t));
        }
        out.writeLong(config.feeAccountId());
    }

    private static CoreConfig readConfig(DataInput in) throws IOException {
        int assetCount = in.readInt();
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < assetCount; i++) {
            assets.add(new Asset(i, in.readUTF(), in.readInt(), in.readBoolean()));
        }
        int marketCount = in.readInt();
        List<MarketSpec> markets = new ArrayList<>();
        for (int i = 0; i < marketCount; i++) {
            markets.add(new MarketSpec(i, in.readUTF(), assets.get(in.readInt()), assets.get(in.readInt()),
                    new BigDecimal(in.readUTF()), new BigDecimal(in.readUTF()), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), SelfTradePrevention.values()[in.readUnsignedByte()],
                    MarketStatus.values()[in.readUnsignedByte()]));
        }
        int tiers = in.readInt();
        int[] maker = new int[tiers];
        int[] taker = new int[tiers];
        for (int t = 0; t < tiers; t++) {
            maker[t] = in.readInt();
            taker[t] = in.readInt();
        }
        return new CoreConfig(assets, markets, new FeeSchedule(maker, taker), in.readLong());
    }

    private static void writeTransfers(Long2ObjectHashMap<Transfer> transfers, DataOutput out) throws IOException {
        long[] ids = sortedKeys(transfers);
        out.writeInt(ids.length);
        for (long id : ids) {
            Transfer t = transfers.get(id);
            out.writeLong(id);
            out.writeLong(t.accountId);
            out.writeInt(t.assetId);
            out.writeLong(t.amountMinor);
            out.writeByte(t.state == null ? -1 : t.state.ordinal());
        }
    }

    private static void readTransfers(Long2ObjectHashMap<Transfer> transfers, DataInput in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long id = in.readLong();
            long accountId = in.readLong();
            int assetId = in.readInt();
            long amount = in.readLong();
            byte state = in.readByte();
            transfers.put(id, new Transfer(accountId, assetId, amount,
                    state < 0 ? null : WithdrawalState.values()[state]));
        }
    }

    private static void writeOrder(Order o, DataOutput out) throws IOException {
        out.writeLong(o.orderId);
        out.writeLong(o.account.accountId);
        out.writeBoolean(o.clientOrderId != null);
        if (o.clientOrderId != null) {
            out.writeUTF(o.clientOrderId);
        }
        out.writeByte(o.side.ordinal());
        out.writeByte(o.type.ordinal());
        out.writeByte(o.timeInForce.ordinal());
        out.writeByte(o.stp.ordinal());
        out.writeLong(o.priceTicks);
        out.writeLong(o.quantityLots);
        out.writeLong(o.quoteAmountMinor);
        out.writeLong(o.maxLots);
        out.writeBoolean(o.budgetBounded);
        out.writeInt(o.makerBps);
        out.writeInt(o.takerBps);
        out.writeLong(o.filledLots);
        out.writeLong(o.cumulativeQuoteMinor);
        out.writeLong(o.cumulativeFeeMinor);
        out.writeLong(o.feeWhole);
        out.writeInt(o.feeRemainder);
        out.writeLong(o.lockedMinor);
        out.writeByte(o.status.ordinal());
        out.writeLong(o.createdNanos);
        out.writeLong(o.updatedNanos);
    }

    private static Order readOrder(DataInput in, int marketId, Ledger ledger) throws IOException {
        Order o = new Order();
        o.orderId = in.readLong();
        o.account = ledger.account(in.readLong());
        if (o.account == null) {
            throw new IOException("order " + o.orderId + " of an unknown account");
        }
        o.marketId = marketId;
        o.clientOrderId = in.readBoolean() ? in.readUTF() : null;
        o.side = Side.values()[in.readUnsignedByte()];
        o.type = OrderType.values()[in.readUnsignedByte()];
        o.timeInForce = TimeInForce.values()[in.readUnsignedByte()];
        o.stp = SelfTradePrevention.values()[in.readUnsignedByte()];
        o.priceTicks = in.readLong();
        o.quantityLots = in.readLong();
        o.quoteAmountMinor = in.readLong();
        o.maxLots = in.readLong();
        o.budgetBounded = in.readBoolean();
        o.makerBps = in.readInt();
        o.takerBps = in.readInt();
        o.filledLots = in.readLong();
        o.cumulativeQuoteMinor = in.readLong();
        o.cumulativeFeeMinor = in.readLong();
        o.feeWhole = in.readLong();
        o.feeRemainder = in.readInt();
        o.lockedMinor = in.readLong();
        o.status = OrderStatus.values()[in.readUnsignedByte()];
        o.createdNanos = in.readLong();
        o.updatedNanos = in.readLong();
        return o;
    }

    private static int countSide(OrderBook book, Side side) {
        int count = 0;
        for (Order o = book.best(side); o != null; o = book.next(o)) {
            count++;
        }
        return count;
    }

    private static long[] sortedKeys(Long2ObjectHashMap<?> map) {
        long[] keys = new long[map.size()];
        int i = 0;
        for (Long2ObjectHashMap<?>.KeyIterator it = map.keySet().iterator(); it.hasNext(); ) {
            keys[i++] = it.nextLong();
        }
        Arrays.sort(keys);
        return keys;
    }
}
