package io.lantau.core;

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
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.event.OrderSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The trading core: order books, balances, collectible ownership and the rules that need them, as one deterministic
 * state machine.
 *
 * <p><b>Threading:</b> not thread-safe; one thread applies every command. <b>Determinism:</b> no clock, no
 * randomness, no I/O; the same commands with the same sequence numbers and timestamps give the same events and the
 * same {@link #stateHash()}. <b>Units:</b> see {@code core/SEMANTICS.md}, which is the contract of {@link #apply}.
 */
public final class ExchangeCore {
    private final CoreConfig config;
    final Emitter emitter = new Emitter();
    final Ledger ledger;
    final Market[] markets;
    final OpenOrders openOrders = new OpenOrders();
    private final OrderPool pool = new OrderPool();
    final Matcher matcher;
    final OrderEntry entry;
    private final OrderMaintenance maintenance;
    final Transfers transfers;
    final Exposure exposure;
    final Collectibles collectibles;
    long lastSequence;

    /**
     * A core with the configured markets, no client accounts, and the fee account open.
     *
     * @param bookKind which book implementation to use; both give identical events.
     */
    public ExchangeCore(CoreConfig config, BookKind bookKind) {
        this.config = config;
        this.ledger = new Ledger(config.assets().size(), emitter);
        this.markets = new Market[config.markets().size()];
        for (MarketSpec spec : config.markets()) {
            markets[spec.marketId()] = new Market(spec, bookKind);
        }
        this.exposure = new Exposure(config);
        this.matcher = new Matcher(ledger, openOrders, pool, emitter);
        this.entry = new OrderEntry(markets, ledger, openOrders, pool, matcher, emitter, config.fees(), exposure);
        this.maintenance = new OrderMaintenance(markets, ledger, openOrders, matcher, emitter, exposure);
        this.transfers = new Transfers(ledger, emitter);
        Account feeAccount = ledger.open(config.feeAccountId(), AccountKind.FEE, 0);
        matcher.feeAccount(feeAccount);
        this.collectibles = new Collectibles(ledger, emitter, new ItemPayment(ledger, transfers, emitter, feeAccount));
    }

    /**
     * Applies one command. Events go to {@code listener} before this returns, all stamped with {@code sequence} and
     * {@code timestampNanos}. A rejected command changes nothing and emits exactly one rejection event.
     *
     * @return {@link ResultCode#OK} or the rejection.
     */
    public ResultCode apply(long sequence, long timestampNanos, Command command, CoreEventListener listener) {
        emitter.begin(sequence, timestampNanos, listener);
        lastSequence = sequence;
        if (command == null) {
            listener.onCommandRejected(sequence, timestampNanos, null, ResultCode.INVALID_ARGUMENT);
            return ResultCode.INVALID_ARGUMENT;
        }
        if (command instanceof PlaceOrder place) {
            return entry.place(place); // emits its own OrderRejected
        }
        ResultCode code = switch (command) {
            case AmendOrder c -> maintenance.amend(c);
            case CancelOrder c -> maintenance.cancel(c);
            case CancelAllOrders c -> maintenance.cancelAll(c);
            case Deposit c -> transfers.deposit(c);
            case RequestWithdrawal c -> transfers.request(c);
            case SettleWithdrawal c -> transfers.settle(c);
            case RevertWithdrawal c -> transfers.revert(c);
            case OpenAccount c -> openAccount(c);
            case SetFeeTier c -> setFeeTier(c);
            case SetMarketStatus c -> setMarketStatus(c);
            case SetAccountStatus c -> setAccountStatus(c);
            case SetInvestorProfile c -> setInvestorProfile(c);
            case SetReferencePrice c -> setReferencePrice(c);
            case SetRetailAccess c -> setRetailAccess(c);
            case HoldFunds c -> transfers.hold(c);
            case ReleaseHold c -> transfers.release(c);
            case MintItem c -> collectibles.mint(c);
            case MintItemForPayment c -> collectibles.mintForPayment(c);
            case TransferItem c -> collectibles.transfer(c);
            case GiftItem c -> collectibles.gift(c);
            case LockItem c -> collectibles.lock(c);
            case UnlockItem c -> collectibles.unlock(c);
            case BurnItem c -> collectibles.burn(c);
            case SettleItemSale c -> collectibles.sell(c);
            case PlaceOrder c -> throw new AssertionError("handled above");
        };
        if (code != ResultCode.OK) {
            listener.onCommandRejected(sequence, timestampNanos, command, code);
        }
        return code;
    }

    private ResultCode openAccount(OpenAccount c) {
        if (c.accountId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        if (ledger.account(c.accountId()) != null) {
            return ResultCode.ACCOUNT_EXISTS;
        }
        if (c.kind() == null || c.kind() == AccountKind.FEE) {
            return ResultCode.INVALID_ACCOUNT_KIND;
        }
        if (c.feeTier() < 0 || c.feeTier() >= config.fees().tierCount()) {
            return ResultCode.INVALID_FEE_TIER;
        }
        ledger.open(c.accountId(), c.kind(), c.feeTier());
        emitter.listener.onAccountOpened(emitter.sequence, emitter.timestampNanos, c.accountId(), c.kind(),
                c.feeTier());
        return ResultCode.OK;
    }

    private ResultCode setFeeTier(SetFeeTier c) {
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.feeTier() < 0 || c.feeTier() >= config.fees().tierCount()) {
            return ResultCode.INVALID_FEE_TIER;
        }
        account.feeTier = c.feeTier();
        emitter.listener.onFeeTierChanged(emitter.sequence, emitter.timestampNanos, c.accountId(), c.feeTier());
        return ResultCode.OK;
    }

    private ResultCode setMarketStatus(SetMarketStatus c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (c.status() == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        Market market = markets[c.marketId()];
        MarketStatus old = market.status;
        if (old != c.status()) {
            market.status = c.status();
            emitter.listener.onMarketStatusChanged(emitter.sequence, emitter.timestampNanos, c.marketId(), old,
                    c.status());
        }
        return ResultCode.OK;
    }

    private ResultCode setAccountStatus(SetAccountStatus c) {
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.status() == null || account.kind == AccountKind.FEE) {
            return ResultCode.INVALID_ARGUMENT;
        }
        AccountStatus old = account.status;
        if (old != c.status()) {
            account.status = c.status();
            emitter.listener.onAccountStatusChanged(emitter.sequence, emitter.timestampNanos, c.accountId(), old,
                    c.status());
        }
        return ResultCode.OK;
    }

    private ResultCode setInvestorProfile(SetInvestorProfile c) {
        Account account = ledger.account(c.accountId());
        if (account == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.investorClass() == null || c.exposureLimitMinor() < 0 || account.kind == AccountKind.FEE) {
            return ResultCode.INVALID_ARGUMENT;
        }
        account.investorClass = c.investorClass();
        account.exposureLimitMinor = c.exposureLimitMinor();
        emitter.listener.onInvestorProfileChanged(emitter.sequence, emitter.timestampNanos, c.accountId(),
                c.investorClass(), c.exposureLimitMinor());
        for (Market market : markets) {
            cancelWhatRetailMayNotHold(market, account);
        }
        return ResultCode.OK;
    }

    private ResultCode setReferencePrice(SetReferencePrice c) {
        if (c.assetId() < 0 || c.assetId() >= ledger.assetCount()) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (c.priceMinor() <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        exposure.referencePriceMinor[c.assetId()] = c.priceMinor();
        emitter.listener.onReferencePriceChanged(emitter.sequence, emitter.timestampNanos, c.assetId(),
                c.priceMinor());
        return ResultCode.OK;
    }

    private ResultCode setRetailAccess(SetRetailAccess c) {
        if (c.marketId() < 0 || c.marketId() >= markets.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (c.access() == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        Market market = markets[c.marketId()];
        if (market.retailAccess != c.access()) {
            market.retailAccess = c.access();
            emitter.listener.onRetailAccessChanged(emitter.sequence, emitter.timestampNanos, c.marketId(),
                    c.access());
            cancelWhatRetailMayNotHold(market, null);
        }
        return ResultCode.OK;
    }

    /**
     * Cancels the resting orders of retail clients (all of them, or one account's) that the market's retail access
     * no longer allows: every order where retail is not eligible, buys where it is sell-only. In book order, bids
     * first.
     */
    private void cancelWhatRetailMayNotHold(Market market, Account only) {
        if (market.retailAccess == RetailAccess.ELIGIBLE) {
            return;
        }
        List<Order> doomed = new ArrayList<>();
        for (Side side : Side.values()) {
            if (side == Side.SELL && market.retailAccess == RetailAccess.SELL_ONLY) {
                continue;
            }
            for (Order o = market.book.best(side); o != null; o = market.book.next(o)) {
                if (o.account.isRetail() && (only == null || o.account == only)) {
                    doomed.add(o);
                }
            }
        }
        for (Order o : doomed) {
            matcher.cancel(market, o, CancelReason.RETAIL_ACCESS);
        }
    }

    public CoreConfig config() {
        return config;
    }

    /** @return the sequence number of the last command applied (0 before the first). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Writes the whole state canonically; {@link #readSnapshot} restores a core with the same {@link #stateHash}. */
    public void writeSnapshot(DataOutput out) throws IOException {
        CoreSnapshot.write(this, out);
    }

    /** Restores a core written by {@link #writeSnapshot}; the config comes from the snapshot itself. */
    public static ExchangeCore readSnapshot(DataInput in, BookKind bookKind) throws IOException {
        return CoreSnapshot.read(in, bookKind);
    }

    /**
     * @return SHA-256 of the canonical state (the snapshot without its header): equal for equal states, whichever book
     *     kind holds them; unchanged by a rejected command.
     */
    public byte[] stateHash() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            CoreSnapshot.writeState(this, new DataOutputStream(bytes));
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String stateHashHex() {
        return HexFormat.of().formatHex(stateHash());
    }

    /** @return available balance, or 0 for an unknown account or asset. */
    public long availableMinor(long accountId, int assetId) {
        Account account = ledger.account(accountId);
        return account == null || assetId < 0 || assetId >= ledger.assetCount() ? 0 : account.available[assetId];
    }

    /** @return locked balance, or 0 for an unknown account or asset. */
    public long lockedMinor(long accountId, int assetId) {
        Account account = ledger.account(accountId);
        return account == null || assetId < 0 || assetId >= ledger.assetCount() ? 0 : account.locked[assetId];
    }

    /** @return every account id, fee account included, ascending. */
    public List<Long> accountIds() {
        List<Long> ids = new ArrayList<>(ledger.accounts().keySet());
        ids.sort(null);
        return ids;
    }

    public boolean hasAccount(long accountId) {
        return ledger.account(accountId) != null;
    }

    /** @return the account's status, or {@code null} for an unknown account. */
    public AccountStatus accountStatus(long accountId) {
        Account account = ledger.account(accountId);
        return account == null ? null : account.status;
    }

    /** @return the account's investor class, or {@code null} for an unknown account. */
    public InvestorClass investorClass(long accountId) {
        Account account = ledger.account(accountId);
        return account == null ? null : account.investorClass;
    }

    /** @return the account's exposure limit (Long.MAX_VALUE when none was set), or -1 for an unknown account. */
    public long exposureLimitMinor(long accountId) {
        Account account = ledger.account(accountId);
        return account == null ? -1 : account.exposureLimitMinor;
    }

    /**
     * @return the account's virtual-asset exposure at the reference prices (holdings plus open buys, HK-04), or -1
     *     for an unknown account.
     */
    public long exposureMinor(long accountId) {
        Account account = ledger.account(accountId);
        return account == null ? -1 : exposure.of(account);
    }

    /** @return the asset's reference price, or 0 if none was set. */
    public long referencePriceMinor(int assetId) {
        return exposure.referencePriceMinor[assetId];
    }

    public RetailAccess retailAccess(int marketId) {
        return markets[marketId].retailAccess;
    }

    /** @return the account's fee tier, or -1 for an unknown account. */
    public int feeTier(long accountId) {
        Account account = ledger.account(accountId);
        return account == null ? -1 : account.feeTier;
    }

    /** @return the sum over all accounts of available plus locked. */
    public long totalHeldMinor(int assetId) {
        return ledger.totalHeld(assetId);
    }

    /** @return deposits minus settled withdrawals: what {@link #totalHeldMinor} must equal. */
    public long netDepositsMinor(int assetId) {
        return ledger.netDeposits(assetId);
    }

    /** @return copies of the account's open orders in order-id order (empty for an unknown account). */
    public List<OrderView> openOrders(long accountId) {
        List<OrderView> orders = new ArrayList<>();
        Account account = ledger.account(accountId);
        for (Order o = account == null ? null : account.firstOrder; o != null; o = o.nextOfAccount) {
            orders.add(OrderSnapshot.of(o));
        }
        return orders;
    }

    /** @return a copy of the open order, or {@code null} if no open order has this id. */
    public OrderView openOrder(long orderId) {
        Order order = openOrders.get(orderId);
        return order == null ? null : OrderSnapshot.of(order);
    }

    /** @return the number of open orders over all accounts. */
    public int openOrderCount() {
        return openOrders.size();
    }

    public MarketStatus marketStatus(int marketId) {
        return markets[marketId].status;
    }

    /** @return the best price of a side in ticks, or 0 if that side is empty. */
    public long bestPriceTicks(int marketId, Side side) {
        return markets[marketId].book.bestPrice(side);
    }

    /**
     * Copies up to {@code maxLevels} aggregated levels of one side of a book, best first.
     *
     * @return the number of levels copied.
     */
    public int bookLevels(int marketId, Side side, int maxLevels, long[] pricesOut, long[] quantitiesOut) {
        return markets[marketId].book.levels(side, maxLevels, pricesOut, quantitiesOut);
    }

    /** @return copies of the resting orders of one side of a book in price-time order. */
    public List<OrderView> bookOrders(int marketId, Side side) {
        List<OrderView> orders = new ArrayList<>();
        OrderBook book = markets[marketId].book;
        for (Order o = book.best(side); o != null; o = book.next(o)) {
            orders.add(OrderSnapshot.of(o));
        }
        return orders;
    }

    /** @return a copy of the item's state (burned items included), or {@code null} for an unknown id. */
    public ItemView item(long itemId) {
        Item item = collectibles.items.get(itemId);
        return item == null ? null : item.view();
    }

    /** @return copies of the items the account owns and has not burned, ascending by id (empty if none). */
    public List<ItemView> itemsOf(long accountId) {
        List<ItemView> views = new ArrayList<>();
        for (long id : collectibles.itemIdsOf(accountId)) {
            views.add(collectibles.items.get(id).view());
        }
        return views;
    }

    /** @return the number of items ever minted, burned ones included. */
    public int itemCount() {
        return collectibles.items.size();
    }
}
