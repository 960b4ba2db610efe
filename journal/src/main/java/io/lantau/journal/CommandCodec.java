package io.lantau.journal;

import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.ContentHash;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.InvestorClass;
import io.lantau.core.RetailAccess;
import io.lantau.core.MarketStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.BurnItem;
import io.lantau.core.command.GiftItem;
import io.lantau.core.command.HoldFunds;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.MintItem;
import io.lantau.core.command.MintItemForPayment;
import io.lantau.core.command.ReleaseHold;
import io.lantau.core.command.SettleItemSale;
import io.lantau.core.command.TransferItem;
import io.lantau.core.command.UnlockItem;
import io.lantau.core.command.CancelAllOrders;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SetFeeTier;
import io.lantau.core.command.SetAccountStatus;
import io.lantau.core.command.SetInvestorProfile;
import io.lantau.core.command.SetMarketStatus;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.command.SetRetailAccess;
import io.lantau.core.command.SettleWithdrawal;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Compact binary encoding of every {@link Command}, the payload of a journal record.
 *
 * <p>Layout: one type byte, then the record's fields in declaration order, little-endian; {@code long} 8 bytes,
 * {@code int} 4 bytes, an enum 1 byte (its ordinal, {@code -1} for {@code null}), a string (client order id) as one
 * unsigned length byte ({@code 255} for {@code null}) followed by that many bytes of UTF-8. Lone surrogates are kept
 * as three-byte sequences, so {@code decode(encode(c)).equals(c)} for every command, including invalid ones that the
 * core will reject: the journal records what was asked, not what was valid. A field that is itself a record (a
 * {@link ContentHash}, the {@link MintItem} of a {@link MintItemForPayment}) is one presence byte ({@code 0} for
 * {@code null}, {@code 1}) followed, if present, by its fields; a content hash is its four words.
 *
 * <p>Type bytes and field order are a persistent format: never renumber or reorder, only append.
 *
 * <p>Thread-safe (stateless). Encoding allocates nothing.
 */
public final class CommandCodec {
    /** Largest encoded command: a {@link PlaceOrder} with a client order id of {@link #MAX_STRING_BYTES}. */
    public static final int MAX_ENCODED_LENGTH = 1 + 8 + 4 + 1 + 254 + 3 + 8 + 8 + 8 + 1;

    /** Most UTF-8 bytes a client order id may take; the core itself accepts at most 36 characters. */
    public static final int MAX_STRING_BYTES = 254;

    static final byte OPEN_ACCOUNT = 1;
    static final byte SET_FEE_TIER = 2;
    static final byte DEPOSIT = 3;
    static final byte REQUEST_WITHDRAWAL = 4;
    static final byte SETTLE_WITHDRAWAL = 5;
    static final byte REVERT_WITHDRAWAL = 6;
    static final byte PLACE_ORDER = 7;
    static final byte CANCEL_ORDER = 8;
    static final byte CANCEL_ALL_ORDERS = 9;
    static final byte AMEND_ORDER = 10;
    static final byte SET_MARKET_STATUS = 11;
    static final byte SET_ACCOUNT_STATUS = 12;
    static final byte SET_INVESTOR_PROFILE = 13;
    static final byte SET_REFERENCE_PRICE = 14;
    static final byte SET_RETAIL_ACCESS = 15;
    static final byte MINT_ITEM = 16;
    static final byte MINT_ITEM_FOR_PAYMENT = 17;
    static final byte TRANSFER_ITEM = 18;
    static final byte GIFT_ITEM = 19;
    static final byte LOCK_ITEM = 20;
    static final byte UNLOCK_ITEM = 21;
    static final byte BURN_ITEM = 22;
    static final byte SETTLE_ITEM_SALE = 23;
    static final byte HOLD_FUNDS = 24;
    static final byte RELEASE_HOLD = 25;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int NULL_STRING = 255;

    private static final AccountKind[] ACCOUNT_KINDS = AccountKind.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] ORDER_TYPES = OrderType.values();
    private static final TimeInForce[] TIME_IN_FORCES = TimeInForce.values();
    private static final SelfTradePrevention[] STP_MODES = SelfTradePrevention.values();
    private static final MarketStatus[] MARKET_STATUSES = MarketStatus.values();
    private static final AccountStatus[] ACCOUNT_STATUSES = AccountStatus.values();
    private static final InvestorClass[] INVESTOR_CLASSES = InvestorClass.values();
    private static final RetailAccess[] RETAIL_ACCESSES = RetailAccess.values();
    private static final ItemLockPurpose[] LOCK_PURPOSES = ItemLockPurpose.values();

    private CommandCodec() {
    }

    /**
     * Encodes {@code command} at {@code offset}.
     *
     * @param buffer room for at least {@link #MAX_ENCODED_LENGTH} bytes from {@code offset}.
     * @return the number of bytes written.
     * @throws IllegalArgumentException if a client order id takes more than {@link #MAX_STRING_BYTES} bytes (see
     *                                  {@link #checkEncodable(Command)}).
     */
    public static int encode(Command command, MutableDirectBuffer buffer, int offset) {
        int i = offset;
        switch (command) {
            case OpenAccount c -> {
                buffer.putByte(i++, OPEN_ACCOUNT);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                i = putEnum(buffer, i, c.kind());
                buffer.putInt(i, c.feeTier(), ORDER);
                i += 4;
            }
            case SetFeeTier c -> {
                buffer.putByte(i++, SET_FEE_TIER);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                buffer.putInt(i, c.feeTier(), ORDER);
                i += 4;
            }
            case Deposit c -> {
                buffer.putByte(i++, DEPOSIT);
                i = putMovement(buffer, i, c.depositId(), c.accountId(), c.assetId(), c.amountMinor());
            }
            case RequestWithdrawal c -> {
                buffer.putByte(i++, REQUEST_WITHDRAWAL);
                i = putMovement(buffer, i, c.withdrawalId(), c.accountId(), c.assetId(), c.amountMinor());
            }
            case SettleWithdrawal c -> {
                buffer.putByte(i++, SETTLE_WITHDRAWAL);
                buffer.putLong(i, c.withdrawalId(), ORDER);
                i += 8;
            }
            case RevertWithdrawal c -> {
                buffer.putByte(i++, REVERT_WITHDRAWAL);
                buffer.putLong(i, c.withdrawalId(), ORDER);
                i += 8;
            }
            case PlaceOrder c -> {
                buffer.putByte(i++, PLACE_ORDER);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
                i = putString(buffer, i, c.clientOrderId());
                i = putEnum(buffer, i, c.side());
                i = putEnum(buffer, i, c.type());
                i = putEnum(buffer, i, c.timeInForce());
                buffer.putLong(i, c.priceTicks(), ORDER);
                i += 8;
                buffer.putLong(i, c.quantityLots(), ORDER);
                i += 8;
                buffer.putLong(i, c.quoteAmountMinor(), ORDER);
                i += 8;
                i = putEnum(buffer, i, c.selfTradePrevention());
            }
            case CancelOrder c -> {
                buffer.putByte(i++, CANCEL_ORDER);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
                buffer.putLong(i, c.orderId(), ORDER);
                i += 8;
                i = putString(buffer, i, c.clientOrderId());
            }
            case CancelAllOrders c -> {
                buffer.putByte(i++, CANCEL_ALL_ORDERS);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
            }
            case AmendOrder c -> {
                buffer.putByte(i++, AMEND_ORDER);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
                buffer.putLong(i, c.orderId(), ORDER);
                i += 8;
                buffer.putLong(i, c.newPriceTicks(), ORDER);
                i += 8;
                buffer.putLong(i, c.newQuantityLots(), ORDER);
                i += 8;
            }
            case SetMarketStatus c -> {
                buffer.putByte(i++, SET_MARKET_STATUS);
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
                i = putEnum(buffer, i, c.status());
            }
            case SetAccountStatus c -> {
                buffer.putByte(i++, SET_ACCOUNT_STATUS);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                i = putEnum(buffer, i, c.status());
            }
            case SetInvestorProfile c -> {
                buffer.putByte(i++, SET_INVESTOR_PROFILE);
                buffer.putLong(i, c.accountId(), ORDER);
                i += 8;
                i = putEnum(buffer, i, c.investorClass());
                buffer.putLong(i, c.exposureLimitMinor(), ORDER);
                i += 8;
            }
            case SetReferencePrice c -> {
                buffer.putByte(i++, SET_REFERENCE_PRICE);
                buffer.putInt(i, c.assetId(), ORDER);
                i += 4;
                buffer.putLong(i, c.priceMinor(), ORDER);
                i += 8;
            }
            case SetRetailAccess c -> {
                buffer.putByte(i++, SET_RETAIL_ACCESS);
                buffer.putInt(i, c.marketId(), ORDER);
                i += 4;
                i = putEnum(buffer, i, c.access());
            }
            case MintItem c -> {
                buffer.putByte(i++, MINT_ITEM);
                i = putMint(buffer, i, c);
            }
            case MintItemForPayment c -> {
                buffer.putByte(i++, MINT_ITEM_FOR_PAYMENT);
                buffer.putByte(i++, (byte) (c.item() == null ? 0 : 1));
                if (c.item() != null) {
                    i = putMint(buffer, i, c.item());
                }
                i = putLong(buffer, i, c.sellerAccountId());
                i = putInt(buffer, i, c.assetId());
                i = putLong(buffer, i, c.priceMinor());
                i = putInt(buffer, i, c.feeBps());
                i = putLong(buffer, i, c.holdId());
            }
            case TransferItem c -> {
                buffer.putByte(i++, TRANSFER_ITEM);
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.fromAccountId());
                i = putLong(buffer, i, c.toAccountId());
            }
            case GiftItem c -> {
                buffer.putByte(i++, GIFT_ITEM);
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.fromAccountId());
                i = putLong(buffer, i, c.toAccountId());
                i = putLong(buffer, i, c.minHoldNanos());
            }
            case LockItem c -> {
                buffer.putByte(i++, LOCK_ITEM);
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.ownerAccountId());
                i = putEnum(buffer, i, c.purpose());
            }
            case UnlockItem c -> {
                buffer.putByte(i++, UNLOCK_ITEM);
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.ownerAccountId());
            }
            case BurnItem c -> {
                buffer.putByte(i++, BURN_ITEM);
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.ownerAccountId());
            }
            case SettleItemSale c -> {
                buffer.putByte(i++, SETTLE_ITEM_SALE);
                i = putLong(buffer, i, c.saleId());
                i = putLong(buffer, i, c.itemId());
                i = putLong(buffer, i, c.sellerAccountId());
                i = putLong(buffer, i, c.buyerAccountId());
                i = putInt(buffer, i, c.assetId());
                i = putLong(buffer, i, c.priceMinor());
                i = putLong(buffer, i, c.royaltyAccountId());
                i = putInt(buffer, i, c.royaltyBps());
                i = putInt(buffer, i, c.feeBps());
                i = putLong(buffer, i, c.holdId());
            }
            case HoldFunds c -> {
                buffer.putByte(i++, HOLD_FUNDS);
                i = putMovement(buffer, i, c.holdId(), c.accountId(), c.assetId(), c.amountMinor());
            }
            case ReleaseHold c -> {
                buffer.putByte(i++, RELEASE_HOLD);
                i = putLong(buffer, i, c.holdId());
            }
        }
        return i - offset;
    }

    /**
     * Decodes the command encoded in {@code length} bytes at {@code offset}.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one command (unknown type, enum ordinal or
     *                                  string length out of range, trailing or missing bytes).
     */
    public static Command decode(DirectBuffer buffer, int offset, int length) {
        Reader r = new Reader(buffer, offset, length);
        byte type = r.readByte();
        Command command = switch (type) {
            case OPEN_ACCOUNT -> new OpenAccount(r.readLong(), r.readEnum(ACCOUNT_KINDS), r.readInt());
            case SET_FEE_TIER -> new SetFeeTier(r.readLong(), r.readInt());
            case DEPOSIT -> new Deposit(r.readLong(), r.readLong(), r.readInt(), r.readLong());
            case REQUEST_WITHDRAWAL -> new RequestWithdrawal(r.readLong(), r.readLong(), r.readInt(), r.readLong());
            case SETTLE_WITHDRAWAL -> new SettleWithdrawal(r.readLong());
            case REVERT_WITHDRAWAL -> new RevertWithdrawal(r.readLong());
            case PLACE_ORDER -> new PlaceOrder(r.readLong(), r.readInt(), r.readString(), r.readEnum(SIDES),
                    r.readEnum(ORDER_TYPES), r.readEnum(TIME_IN_FORCES), r.readLong(), r.readLong(), r.readLong(),
                    r.readEnum(STP_MODES));
            case CANCEL_ORDER -> new CancelOrder(r.readLong(), r.readInt(), r.readLong(), r.readString());
            case CANCEL_ALL_ORDERS -> new CancelAllOrders(r.readLong(), r.readInt());
            case AMEND_ORDER -> new AmendOrder(r.readLong(), r.readInt(), r.readLong(), r.readLong(), r.readLong());
            case SET_MARKET_STATUS -> new SetMarketStatus(r.readInt(), r.readEnum(MARKET_STATUSES));
            case SET_ACCOUNT_STATUS -> new SetAccountStatus(r.readLong(), r.readEnum(ACCOUNT_STATUSES));
            case SET_INVESTOR_PROFILE -> new SetInvestorProfile(r.readLong(), r.readEnum(INVESTOR_CLASSES),
                    r.readLong());
            case SET_REFERENCE_PRICE -> new SetReferencePrice(r.readInt(), r.readLong());
            case SET_RETAIL_ACCESS -> new SetRetailAccess(r.readInt(), r.readEnum(RETAIL_ACCESSES));
            case MINT_ITEM -> readMint(r);
            case MINT_ITEM_FOR_PAYMENT -> new MintItemForPayment(r.readPresence() ? readMint(r) : null, r.readLong(),
                    r.readInt(), r.readLong(), r.readInt(), r.readLong());
            case TRANSFER_ITEM -> new TransferItem(r.readLong(), r.readLong(), r.readLong());
            case GIFT_ITEM -> new GiftItem(r.readLong(), r.readLong(), r.readLong(), r.readLong());
            case LOCK_ITEM -> new LockItem(r.readLong(), r.readLong(), r.readEnum(LOCK_PURPOSES));
            case UNLOCK_ITEM -> new UnlockItem(r.readLong(), r.readLong());
            case BURN_ITEM -> new BurnItem(r.readLong(), r.readLong());
            case SETTLE_ITEM_SALE -> new SettleItemSale(r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                    r.readInt(), r.readLong(), r.readLong(), r.readInt(), r.readInt(), r.readLong());
            case HOLD_FUNDS -> new HoldFunds(r.readLong(), r.readLong(), r.readInt(), r.readLong());
            case RELEASE_HOLD -> new ReleaseHold(r.readLong());
            default -> throw new IllegalArgumentException("unknown command type " + type);
        };
        r.expectEnd();
        return command;
    }

    /**
     * Checks, without encoding, that {@code command} can be encoded: it is not {@code null} and its client order id,
     * if any, fits {@link #MAX_STRING_BYTES}.
     *
     * @throws IllegalArgumentException if it cannot.
     */
    public static void checkEncodable(Command command) {
        if (command == null) {
            throw new IllegalArgumentException("command is null");
        }
        String id = switch (command) {
            case PlaceOrder c -> c.clientOrderId();
            case CancelOrder c -> c.clientOrderId();
            default -> null;
        };
        if (id != null && utf8Length(id) > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("client order id longer than " + MAX_STRING_BYTES + " bytes");
        }
    }

    private static MintItem readMint(Reader r) {
        return new MintItem(r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                r.readPresence() ? new ContentHash(r.readLong(), r.readLong(), r.readLong(), r.readLong()) : null,
                r.readLong(), r.readInt(), r.readInt());
    }

    private static int putMint(MutableDirectBuffer buffer, int i, MintItem m) {
        i = putLong(buffer, i, m.itemId());
        i = putLong(buffer, i, m.collectionId());
        i = putLong(buffer, i, m.ownerAccountId());
        i = putLong(buffer, i, m.editionNumber());
        ContentHash h = m.contentHash();
        buffer.putByte(i++, (byte) (h == null ? 0 : 1));
        if (h != null) {
            i = putLong(buffer, i, h.w0());
            i = putLong(buffer, i, h.w1());
            i = putLong(buffer, i, h.w2());
            i = putLong(buffer, i, h.w3());
        }
        i = putLong(buffer, i, m.creatorAccountId());
        i = putInt(buffer, i, m.royaltyBps());
        return putInt(buffer, i, m.flags());
    }

    private static int putLong(MutableDirectBuffer buffer, int i, long value) {
        buffer.putLong(i, value, ORDER);
        return i + 8;
    }

    private static int putInt(MutableDirectBuffer buffer, int i, int value) {
        buffer.putInt(i, value, ORDER);
        return i + 4;
    }

    private static int putMovement(MutableDirectBuffer buffer, int i, long id, long accountId, int assetId,
            long amountMinor) {
        buffer.putLong(i, id, ORDER);
        buffer.putLong(i + 8, accountId, ORDER);
        buffer.putInt(i + 16, assetId, ORDER);
        buffer.putLong(i + 20, amountMinor, ORDER);
        return i + 28;
    }

    private static int putEnum(MutableDirectBuffer buffer, int i, Enum<?> value) {
        buffer.putByte(i, value == null ? -1 : (byte) value.ordinal());
        return i + 1;
    }

    private static int putString(MutableDirectBuffer buffer, int i, String value) {
        if (value == null) {
            buffer.putByte(i, (byte) NULL_STRING);
            return i + 1;
        }
        int bytes = utf8Length(value);
        if (bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("client order id longer than " + MAX_STRING_BYTES + " bytes");
        }
        buffer.putByte(i++, (byte) bytes);
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                buffer.putByte(i++, (byte) c);
            } else if (c < 0x800) {
                buffer.putByte(i++, (byte) (0xC0 | (c >> 6)));
                buffer.putByte(i++, (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && k + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(k + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++k));
                buffer.putByte(i++, (byte) (0xF0 | (cp >> 18)));
                buffer.putByte(i++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                buffer.putByte(i++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                buffer.putByte(i++, (byte) (0x80 | (cp & 0x3F)));
            } else {
                // Includes lone surrogates, kept as three bytes so the decoded string equals the original.
                buffer.putByte(i++, (byte) (0xE0 | (c >> 12)));
                buffer.putByte(i++, (byte) (0x80 | ((c >> 6) & 0x3F)));
                buffer.putByte(i++, (byte) (0x80 | (c & 0x3F)));
            }
        }
        return i;
    }

    static int utf8Length(String value) {
        int bytes = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && k + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(k + 1))) {
                bytes += 4;
                k++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Bounds-checked cursor over one encoded command; decoding is off the hot path, so it may allocate. */
    private static final class Reader {
        private final DirectBuffer buffer;
        private final int end;
        private int i;

        Reader(DirectBuffer buffer, int offset, int length) {
            if (length < 1 || offset < 0 || offset + length > buffer.capacity()) {
                throw new IllegalArgumentException("bad command bounds " + offset + "+" + length);
            }
            this.buffer = buffer;
            this.i = offset;
            this.end = offset + length;
        }

        private void need(int bytes) {
            if (end - i < bytes) {
                throw new IllegalArgumentException("command truncated");
            }
        }

        byte readByte() {
            need(1);
            return buffer.getByte(i++);
        }

        int readInt() {
            need(4);
            int v = buffer.getInt(i, ORDER);
            i += 4;
            return v;
        }

        long readLong() {
            need(8);
            long v = buffer.getLong(i, ORDER);
            i += 8;
            return v;
        }

        boolean readPresence() {
            byte b = readByte();
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("bad presence byte " + b);
            }
            return b == 1;
        }

        <E extends Enum<E>> E readEnum(E[] values) {
            byte b = readByte();
            if (b == -1) {
                return null;
            }
            if (b < 0 || b >= values.length) {
                throw new IllegalArgumentException("bad ordinal " + b + " for " + values[0].getDeclaringClass());
            }
            return values[b];
        }

        String readString() {
            int bytes = readByte() & 0xFF;
            if (bytes == NULL_STRING) {
                return null;
            }
            need(bytes);
            int stop = i + bytes;
            char[] chars = new char[bytes];
            int n = 0;
            while (i < stop) {
                int b0 = buffer.getByte(i++) & 0xFF;
                if (b0 < 0x80) {
                    chars[n++] = (char) b0;
                } else if ((b0 & 0xE0) == 0xC0) {
                    chars[n++] = (char) (((b0 & 0x1F) << 6) | continuation(stop));
                } else if ((b0 & 0xF0) == 0xE0) {
                    int c1 = continuation(stop);
                    chars[n++] = (char) (((b0 & 0x0F) << 12) | (c1 << 6) | continuation(stop));
                } else if ((b0 & 0xF8) == 0xF0) {
                    int c1 = continuation(stop);
                    int c2 = continuation(stop);
                    int cp = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | continuation(stop);
                    if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
                        throw new IllegalArgumentException("bad UTF-8 code point");
                    }
                    chars[n++] = Character.highSurrogate(cp);
                    chars[n++] = Character.lowSurrogate(cp);
                } else {
                    throw new IllegalArgumentException("bad UTF-8 lead byte");
                }
            }
            return new String(chars, 0, n);
        }

        private int continuation(int stop) {
            if (i >= stop) {
                throw new IllegalArgumentException("truncated UTF-8");
            }
            int b = buffer.getByte(i++) & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw new IllegalArgumentException("bad UTF-8 continuation byte");
            }
            return b & 0x3F;
        }

        void expectEnd() {
            if (i != end) {
                throw new IllegalArgumentException((end - i) + " trailing bytes after command");
            }
        }
    }
}
