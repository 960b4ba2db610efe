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
import io.lantau.core.event.AccountOpened;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CommandRejected;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.Deposited;
import io.lantau.core.event.FeeTierChanged;
import io.lantau.core.event.MarketStatusChanged;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRejected;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.TradeExecuted;
import io.lantau.core.event.WithdrawalRequested;
import io.lantau.core.event.WithdrawalReverted;
import io.lantau.core.event.WithdrawalSettled;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An independent, deliberately plain model of {@code core/SEMANTICS.md}: lists and maps, {@link BigInteger} for every
 * product, a linear scan of the book for the best maker. It takes the engine's commands and emits the same
 * {@link CoreEvent} records, so property tests can demand identical event streams. Not fast, not clever: obviously
 * correct is the point.
 */
final class ReferenceExchange implements Venue {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final CoreConfig config;
    private final Map<Long, Account> accounts = new TreeMap<>();
    /** Per market, its open orders (both sides) in time priority: earlier in the list is earlier in the queue. */
    private final List<List<Order>> books = new ArrayList<>();
    private final List<MarketStatus> statuses = new ArrayList<>();
    private final Map<Long, Remembered<Deposit>> deposits = new TreeMap<>();
    private final Map<Long, Withdrawal> withdrawals = new TreeMap<>();
    private final long[] netDeposits;
    private final long[] grossDeposits;
    private final ReferenceLicensing licensing;
    private final ReferenceCollectibles collectibles;
    private long nextOrderId = 1;
    private long nextTradeId = 1;

    private long sequence;
    private long timestamp;
    private List<CoreEvent> out;

    ReferenceExchange(CoreConfig config) {
        this.config = config;
        this.licensing = new ReferenceLicensing(config);
        this.collectibles = new ReferenceCollectibles(new ReferenceCollectibles.Accounts() {
            @Override
            public boolean exists(long accountId) {
                return accounts.containsKey(accountId);
            }

            @Override
            public boolean isFee(long accountId) {
                return ReferenceExchange.this.isFee(accountId);
            }

            @Override
            public boolean isActive(long accountId) {
                return licensing.status(accountId) == AccountStatus.ACTIVE;
            }

            @Override
            public long[] available(long accountId) {
                return accounts.get(accountId).available;
            }

            @Override
            public long[] locked(long accountId) {
                return accounts.get(accountId).locked;
            }

            @Override
            public int assetCount() {
                return config.assets().size();
            }

            @Override
            public long feeAccountId() {
                return config.feeAccountId();
            }
        });
        for (MarketSpec m : config.markets()) {
            books.add(new ArrayList<>());
            statuses.add(m.initialStatus());
        }
        netDeposits = new long[config.assets().size()];
        grossDeposits = new long[config.assets().size()];
        accounts.put(config.feeAccountId(), new Account(config.feeAccountId(), AccountKind.FEE, 0, netDeposits.length));
    }

    // ---------------------------------------------------------------- commands

    @Override
    public ResultCode apply(long sequence, long timestampNanos, Command command, List<CoreEvent> out) {
        this.sequence = sequence;
        this.timestamp = timestampNanos;
        this.out = out;
        ResultCode code = switch (command) {
            case OpenAccount c -> openAccount(c);
            case SetFeeTier c -> setFeeTier(c);
            case Deposit c -> deposit(c);
            case RequestWithdrawal c -> requestWithdrawal(c);
            case SettleWithdrawal c -> endWithdrawal(c.withdrawalId(), true);
            case RevertWithdrawal c -> endWithdrawal(c.withdrawalId(), false);
            case PlaceOrder c -> place(c);
            case CancelOrder c -> cancel(c);
            case CancelAllOrders c -> cancelAll(c);
            case AmendOrder c -> amend(c);
            case SetMarketStatus c -> setMarketStatus(c);
            case SetAccountStatus c -> licensing.setStatus(c.accountId(), c.status(),
                    accounts.containsKey(c.accountId()), isFee(c.accountId()), sequence, timestampNanos, out);
            case SetInvestorProfile c -> setInvestorProfile(c);
            case SetReferencePrice c -> licensing.setReferencePrice(c.assetId(), c.priceMinor(), sequence,
                    timestampNanos, out);
            case SetRetailAccess c -> setRetailAccess(c);
            case HoldFunds c -> collectibles.apply(sequence, timestampNanos, c, out);
            case ReleaseHold c -> collectibles.apply(sequence, timestampNanos, c, out);
            case MintItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case MintItemForPayment c -> collectibles.apply(sequence, timestampNanos, c, out);
            case TransferItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case GiftItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case LockItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case UnlockItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case BurnItem c -> collectibles.apply(sequence, timestampNanos, c, out);
            case SettleItemSale c -> collectibles.apply(sequence, timestampNanos, c, out);
        };
        if (!code.isOk() && !(command instanceof PlaceOrder)) {
            out.add(new CommandRejected(sequence, timestampNanos, command, code));
        }
        return code;
    }

    private ResultCode openAccount(OpenAccount c) {
        if (c.accountId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        if (accounts.containsKey(c.accountId())) {
            return ResultCode.ACCOUNT_EXISTS;
        }
        if (c.kind() == null || c.kind() == AccountKind.FEE) {
            return ResultCode.INVALID_ACCOUNT_KIND;
        }
        if (c.feeTier() < 0 || c.feeTier() >= config.fees().tierCount()) {
            return ResultCode.INVALID_FEE_TIER;
        }
        accounts.put(c.accountId(), new Account(c.accountId(), c.kind(), c.feeTier(), netDeposits.length));
        out.add(new AccountOpened(sequence, timestamp, c.accountId(), c.kind(), c.feeTier()));
        return ResultCode.OK;
    }

    private ResultCode setFeeTier(SetFeeTier c) {
        Account a = accounts.get(c.accountId());
        if (a == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.feeTier() < 0 || c.feeTier() >= config.fees().tierCount()) {
            return ResultCode.INVALID_FEE_TIER;
        }
        a.tier = c.feeTier();
        out.add(new FeeTierChanged(sequence, timestamp, a.id, a.tier));
        return ResultCode.OK;
    }

    private ResultCode deposit(Deposit c) {
        if (c.depositId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Remembered<Deposit> first = deposits.get(c.depositId());
        if (first != null) {
            return first.command.equals(c) ? first.result : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = checkTransfer(c.accountId(), c.assetId(), c.amountMinor());
        // Gross deposits must stay representable, so every sum of balances does too.
        if (code == ResultCode.OK
                && !fitsLong(big(grossDeposits[c.assetId()]).add(big(c.amountMinor())))) {
            code = ResultCode.OVERFLOW;
        }
        if (code != ResultCode.OK) {
            return code; // SEMANTICS: a rejected id is not remembered; a retry may succeed
        }
        deposits.put(c.depositId(), new Remembered<>(c, code));
        Account a = accounts.get(c.accountId());
        grossDeposits[c.assetId()] += c.amountMinor();
        netDeposits[c.assetId()] += c.amountMinor();
        a.available[c.assetId()] += c.amountMinor();
        out.add(new Deposited(sequence, timestamp, c.depositId(), a.id, c.assetId(), c.amountMinor()));
        balanceEvent(a, c.assetId(), BalanceChangeReason.DEPOSIT);
        return ResultCode.OK;
    }

    private ResultCode checkTransfer(long accountId, int assetId, long amountMinor) {
        if (!accounts.containsKey(accountId)) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (assetId < 0 || assetId >= netDeposits.length) {
            return ResultCode.UNKNOWN_ASSET;
        }
        return amountMinor <= 0 ? ResultCode.INVALID_AMOUNT : ResultCode.OK;
    }

    private ResultCode requestWithdrawal(RequestWithdrawal c) {
        if (c.withdrawalId() <= 0) {
            return ResultCode.INVALID_ID;
        }
        Withdrawal first = withdrawals.get(c.withdrawalId());
        if (first != null) {
            return first.request.equals(c) ? first.result : ResultCode.DUPLICATE_ID_MISMATCH;
        }
        ResultCode code = checkTransfer(c.accountId(), c.assetId(), c.amountMinor());
        if (code == ResultCode.OK && accounts.get(c.accountId()).available[c.assetId()] < c.amountMinor()) {
            code = ResultCode.INSUFFICIENT_BALANCE;
        }
        if (code != ResultCode.OK) {
            return code;
        }
        withdrawals.put(c.withdrawalId(), new Withdrawal(c, code));
        Account a = accounts.get(c.accountId());
        a.available[c.assetId()] -= c.amountMinor();
        a.locked[c.assetId()] += c.amountMinor();
        out.add(new WithdrawalRequested(sequence, timestamp, c.withdrawalId(), a.id, c.assetId(), c.amountMinor()));
        balanceEvent(a, c.assetId(), BalanceChangeReason.WITHDRAWAL_REQUESTED);
        return ResultCode.OK;
    }

    private ResultCode endWithdrawal(long withdrawalId, boolean settle) {
        if (withdrawalId <= 0) {
            return ResultCode.INVALID_ID;
        }
        Withdrawal w = withdrawals.get(withdrawalId);
        if (w == null || w.result != ResultCode.OK) {
            return ResultCode.UNKNOWN_WITHDRAWAL;
        }
        if (w.state != Withdrawal.PENDING) {
            boolean same = w.state == (settle ? Withdrawal.SETTLED : Withdrawal.REVERTED);
            return same ? ResultCode.OK : ResultCode.WITHDRAWAL_NOT_PENDING;
        }
        RequestWithdrawal r = w.request;
        Account a = accounts.get(r.accountId());
        a.locked[r.assetId()] -= r.amountMinor();
        if (settle) {
            w.state = Withdrawal.SETTLED;
            netDeposits[r.assetId()] -= r.amountMinor();
            out.add(new WithdrawalSettled(sequence, timestamp, withdrawalId, a.id, r.assetId(), r.amountMinor()));
            balanceEvent(a, r.assetId(), BalanceChangeReason.WITHDRAWAL_SETTLED);
        } else {
            w.state = Withdrawal.REVERTED;
            a.available[r.assetId()] += r.amountMinor();
            out.add(new WithdrawalReverted(sequence, timestamp, withdrawalId, a.id, r.assetId(), r.amountMinor()));
            balanceEvent(a, r.assetId(), BalanceChangeReason.WITHDRAWAL_REVERTED);
        }
        return ResultCode.OK;
    }

    private ResultCode setMarketStatus(SetMarketStatus c) {
        if (c.marketId() < 0 || c.marketId() >= books.size()) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (c.status() == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        MarketStatus old = statuses.set(c.marketId(), c.status());
        if (old != c.status()) {
            out.add(new MarketStatusChanged(sequence, timestamp, c.marketId(), old, c.status()));
        }
        return ResultCode.OK;
    }

    // ---------------------------------------------------------------- orders

    private ResultCode place(PlaceOrder c) {
        BigInteger[] lock = new BigInteger[1];
        ResultCode code = validatePlace(c, lock);
        if (code != ResultCode.OK) {
            out.add(new OrderRejected(sequence, timestamp, c, code));
            return code;
        }
        MarketSpec m = config.markets().get(c.marketId());
        Account a = accounts.get(c.accountId());
        Order o = new Order();
        o.orderId = nextOrderId++;
        o.accountId = a.id;
        o.marketId = m.marketId();
        o.clientOrderId = c.clientOrderId();
        o.side = c.side();
        o.type = c.type();
        o.timeInForce = c.timeInForce();
        o.stp = c.selfTradePrevention() == SelfTradePrevention.MARKET_DEFAULT ? m.defaultStp()
                : c.selfTradePrevention();
        o.priceTicks = c.priceTicks();
        o.quantityLots = c.quantityLots();
        o.quoteAmountMinor = c.quoteAmountMinor();
        o.budgetBounded = c.type() == OrderType.MARKET && c.side() == Side.BUY;
        // SEMANTICS: the rates are fixed per order at entry.
        o.makerBps = config.fees().makerBps(a.tier);
        o.takerBps = config.fees().takerBps(a.tier);
        o.lockedMinor = lock[0].longValueExact();
        o.budgetMinor = o.lockedMinor;
        o.status = OrderStatus.NEW;
        o.createdNanos = timestamp;
        o.updatedNanos = timestamp;
        int lockAsset = lockAsset(m, o.side);
        a.available[lockAsset] -= o.lockedMinor;
        a.locked[lockAsset] += o.lockedMinor;
        out.add(new OrderAccepted(sequence, timestamp, o.snapshot()));
        balanceEvent(a, lockAsset, BalanceChangeReason.ORDER_LOCKED);

        if (o.timeInForce == TimeInForce.FOK && !fillOrKillCanFill(o, m)) {
            o.status = OrderStatus.EXPIRED;
            out.add(new OrderExpired(sequence, timestamp, o.snapshot(), ExpiryReason.FILL_OR_KILL));
            release(o, m);
            return ResultCode.OK;
        }
        takeAndFinish(o, m);
        return ResultCode.OK;
    }

    private ResultCode validatePlace(PlaceOrder c, BigInteger[] lock) {
        if (c.marketId() < 0 || c.marketId() >= books.size()) {
            return ResultCode.UNKNOWN_MARKET;
        }
        MarketSpec m = config.markets().get(c.marketId());
        Account a = accounts.get(c.accountId());
        if (a == null) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (a.kind == AccountKind.FEE) {
            return ResultCode.ACCOUNT_CANNOT_TRADE;
        }
        if (licensing.status(a.id) != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        if (statuses.get(m.marketId()) == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        if (statuses.get(m.marketId()) == MarketStatus.CANCEL_ONLY) {
            return ResultCode.MARKET_CANCEL_ONLY;
        }
        if (c.side() == null || c.type() == null || c.timeInForce() == null || c.selfTradePrevention() == null) {
            return ResultCode.INVALID_ORDER_PARAMETERS;
        }
        boolean market = c.type() == OrderType.MARKET;
        boolean byQuote = market && c.quoteAmountMinor() != 0;
        if (c.type() == OrderType.LIMIT && c.quoteAmountMinor() != 0
                || c.type() == OrderType.LIMIT_MAKER && (c.timeInForce() != TimeInForce.GTC || c.quoteAmountMinor() != 0)
                || market && (c.priceTicks() != 0 || c.timeInForce() != TimeInForce.IOC
                        || (c.quantityLots() != 0) == (c.quoteAmountMinor() != 0)
                        || byQuote && c.side() == Side.SELL)) {
            return ResultCode.INVALID_ORDER_PARAMETERS;
        }
        ResultCode access = licensing.accessFor(a.id, m.marketId(), c.side());
        if (access != ResultCode.OK) {
            return access;
        }
        if (c.clientOrderId() != null && (c.clientOrderId().isEmpty() || c.clientOrderId().length() > 36)) {
            return ResultCode.INVALID_CLIENT_ORDER_ID;
        }
        if (!market) {
            if (c.priceTicks() <= 0) {
                return ResultCode.INVALID_PRICE;
            }
            if (c.priceTicks() > m.maxPriceTicks()) {
                return ResultCode.PRICE_ABOVE_MAX;
            }
        }
        if (byQuote) {
            if (c.quoteAmountMinor() <= 0) {
                return ResultCode.INVALID_AMOUNT;
            }
        } else {
            ResultCode q = checkQuantity(m, c.quantityLots());
            if (q != ResultCode.OK) {
                return q;
            }
        }
        if (!market && notional(m, c.priceTicks(), c.quantityLots()).compareTo(big(m.minNotionalMinor())) < 0
                || byQuote && c.quoteAmountMinor() < m.minNotionalMinor()) {
            return ResultCode.NOTIONAL_BELOW_MIN;
        }
        if (c.clientOrderId() != null) {
            for (Order o : openOrdersOf(a.id)) {
                if (c.clientOrderId().equals(o.clientOrderId)) {
                    return ResultCode.DUPLICATE_CLIENT_ORDER_ID;
                }
            }
        }
        if (c.type() == OrderType.LIMIT_MAKER && crossesBest(m, c.side(), c.priceTicks())) {
            return ResultCode.WOULD_TAKE;
        }
        if (licensing.retail(a.id) && c.side() == Side.BUY) {
            ResultCode exposure = byQuote
                    ? licensing.withinLimit(a.id, m.quote().assetId(), c.quoteAmountMinor(), this::heldWithOpenBuys)
                    : licensing.withinLimit(a.id, m.base().assetId(), c.quantityLots() * m.lotSizeMinor(),
                            this::heldWithOpenBuys);
            if (exposure != ResultCode.OK) {
                return exposure;
            }
        }
        BigInteger need;
        if (c.side() == Side.SELL) {
            need = big(c.quantityLots()).multiply(big(m.lotSizeMinor()));
        } else if (!market) {
            BigInteger n = notional(m, c.priceTicks(), c.quantityLots());
            need = n.add(fee(n, config.fees().maxBps(a.tier)));
        } else if (byQuote) {
            need = big(c.quoteAmountMinor());
        } else {
            need = marketBuyCost(m, c.quantityLots(), config.fees().takerBps(a.tier));
        }
        if (!fitsLong(need)) {
            return ResultCode.OVERFLOW;
        }
        if (big(a.available[lockAsset(m, c.side())]).compareTo(need) < 0) {
            return ResultCode.INSUFFICIENT_BALANCE;
        }
        lock[0] = need;
        return ResultCode.OK;
    }

    private static ResultCode checkQuantity(MarketSpec m, long quantityLots) {
        if (quantityLots <= 0) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (quantityLots < m.minQuantityLots()) {
            return ResultCode.QUANTITY_BELOW_MIN;
        }
        if (quantityLots > m.maxQuantityLots()) {
            return ResultCode.QUANTITY_ABOVE_MAX;
        }
        return ResultCode.OK;
    }

    /** The exact cost of buying {@code quantityLots} from the asks as they are, own orders included. */
    private BigInteger marketBuyCost(MarketSpec m, long quantityLots, int takerBps) {
        long left = quantityLots;
        BigInteger total = BigInteger.ZERO;
        for (Order maker : inPriority(m, Side.SELL)) {
            if (left == 0) {
                break;
            }
            long q = Math.min(left, maker.remainingLots());
            total = total.add(notional(m, maker.priceTicks, q));
            left -= q;
        }
        return total.add(fee(total, takerBps));
    }

    private boolean fillOrKillCanFill(Order taker, MarketSpec m) {
        long needed = taker.remainingLots();
        for (Order maker : inPriority(m, taker.side.opposite())) {
            if (!crosses(taker, maker) || needed == 0) {
                break;
            }
            if (maker.accountId == taker.accountId && taker.stp != SelfTradePrevention.NONE) {
                return false;
            }
            needed -= Math.min(needed, maker.remainingLots());
        }
        return needed == 0;
    }

    /** Matches the taker, then rests, fills or expires it as its type and time in force say. */
    private void takeAndFinish(Order taker, MarketSpec m) {
        ExpiryReason stopped = match(taker, m);
        if (taker.status == OrderStatus.FILLED) {
            release(taker, m);
        } else if (stopped == ExpiryReason.SELF_TRADE_PREVENTION) {
            taker.status = OrderStatus.EXPIRED_IN_MATCH;
            out.add(new OrderExpired(sequence, timestamp, taker.snapshot(), stopped));
            release(taker, m);
        } else if (taker.type != OrderType.MARKET && taker.timeInForce == TimeInForce.GTC) {
            books.get(m.marketId()).add(taker);
            out.add(new OrderRested(sequence, timestamp, taker.snapshot()));
        } else {
            taker.status = OrderStatus.EXPIRED;
            out.add(new OrderExpired(sequence, timestamp, taker.snapshot(), stopped));
            release(taker, m);
        }
    }

    /** @return why matching stopped, or null if the taker's quantity is filled. */
    private ExpiryReason match(Order taker, MarketSpec m) {
        while (taker.status != OrderStatus.FILLED) {
            List<Order> makers = inPriority(m, taker.side.opposite());
            if (makers.isEmpty() || !crosses(taker, makers.get(0))) {
                return ExpiryReason.NO_MORE_LIQUIDITY;
            }
            Order maker = makers.get(0);
            if (maker.accountId == taker.accountId && taker.stp != SelfTradePrevention.NONE) {
                if (taker.stp == SelfTradePrevention.EXPIRE_MAKER || taker.stp == SelfTradePrevention.EXPIRE_BOTH) {
                    books.get(m.marketId()).remove(maker);
                    maker.status = OrderStatus.EXPIRED_IN_MATCH;
                    maker.updatedNanos = timestamp;
                    out.add(new OrderExpired(sequence, timestamp, maker.snapshot(),
                            ExpiryReason.SELF_TRADE_PREVENTION));
                    release(maker, m);
                }
                if (taker.stp == SelfTradePrevention.EXPIRE_TAKER || taker.stp == SelfTradePrevention.EXPIRE_BOTH) {
                    return ExpiryReason.SELF_TRADE_PREVENTION;
                }
                continue;
            }
            long q = maker.remainingLots();
            if (taker.quantityLots > 0) {
                q = Math.min(q, taker.remainingLots());
            }
            if (taker.budgetBounded) {
                long affordable = largestAffordable(taker, m, maker.priceTicks, q, taker.takerBps);
                if (affordable == 0) {
                    return ExpiryReason.BUDGET_EXHAUSTED;
                }
                // SEMANTICS: a market buy by quote amount is FILLED by the fill after which its budget cannot pay
                // for one more lot at the next resting price (the budget limited this fill, or the next is too dear).
                if (taker.quantityLots == 0) {
                    Order next = makers.size() > 1 ? makers.get(1) : null;
                    taker.capped = affordable < q
                            || next != null && !affordsOneMoreLot(taker, m, maker.priceTicks, affordable, next.priceTicks);
                }
                q = affordable;
            }
            fill(taker, maker, m, q);
        }
        return null;
    }

    private long largestAffordable(Order taker, MarketSpec m, long priceTicks, long upTo, int takerBps) {
        long lo = 0;
        long hi = upTo;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            BigInteger n = notional(m, priceTicks, mid);
            BigInteger cost = n.add(taker.feeIncrease(n, takerBps));
            if (big(taker.spentMinor).add(cost).compareTo(big(taker.budgetMinor)) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private boolean affordsOneMoreLot(Order taker, MarketSpec m, long priceTicks, long lots, long nextPriceTicks) {
        BigInteger n = notional(m, priceTicks, lots);
        BigInteger numeratorAfter = taker.feeNumerator.add(n.multiply(big(taker.takerBps)));
        BigInteger chargedAfter = ceilDiv(numeratorAfter, TEN_THOUSAND);
        BigInteger spentAfter = big(taker.spentMinor).add(n).add(chargedAfter).subtract(big(taker.cumulativeFeeMinor));
        BigInteger next = notional(m, nextPriceTicks, 1);
        BigInteger nextFee = ceilDiv(numeratorAfter.add(next.multiply(big(taker.takerBps))), TEN_THOUSAND)
                .subtract(chargedAfter);
        return spentAfter.add(next).add(nextFee).compareTo(big(taker.budgetMinor)) <= 0;
    }

    private void fill(Order taker, Order maker, MarketSpec m, long q) {
        Account takerAccount = accounts.get(taker.accountId);
        Account makerAccount = accounts.get(maker.accountId);
        Account feeAccount = accounts.get(config.feeAccountId());
        long price = maker.priceTicks;
        long notional = notional(m, price, q).longValueExact();
        long base = Math.multiplyExact(q, m.lotSizeMinor());
        long takerFee = taker.chargeFee(notional, taker.takerBps);
        long makerFee = maker.chargeFee(notional, maker.makerBps);
        taker.applyFill(q, notional, takerFee, base, timestamp);
        maker.applyFill(q, notional, makerFee, base, timestamp);
        long tradeId = nextTradeId++;
        out.add(new TradeExecuted(sequence, timestamp, tradeId, taker.snapshot(), maker.snapshot(), price, q, notional,
                takerFee, makerFee));
        // All four movements first, then the events: a self-trade's events all show the balances after the fill.
        settle(takerAccount, taker.side, m, base, notional, takerFee);
        settle(makerAccount, maker.side, m, base, notional, makerFee);
        feeAccount.available[m.quote().assetId()] += takerFee + makerFee;
        for (Account a : List.of(takerAccount, makerAccount)) {
            balanceEvent(a, m.base().assetId(), BalanceChangeReason.TRADE);
            balanceEvent(a, m.quote().assetId(), BalanceChangeReason.TRADE);
        }
        if (takerFee + makerFee > 0) {
            balanceEvent(feeAccount, m.quote().assetId(), BalanceChangeReason.FEE);
        }
        if (maker.filledLots == maker.quantityLots) {
            books.get(m.marketId()).remove(maker);
            release(maker, m);
        }
    }

    /** One side of a fill. */
    private static void settle(Account a, Side side, MarketSpec m, long base, long notional, long fee) {
        int b = m.base().assetId();
        int q = m.quote().assetId();
        if (side == Side.BUY) {
            a.available[b] += base;
            a.locked[q] -= notional + fee;
        } else {
            a.locked[b] -= base;
            a.available[q] += notional - fee;
        }
    }

    /** Returns what the ended order still holds to its owner's available balance. */
    private void release(Order o, MarketSpec m) {
        if (o.lockedMinor == 0) {
            return;
        }
        Account a = accounts.get(o.accountId);
        int asset = lockAsset(m, o.side);
        a.locked[asset] -= o.lockedMinor;
        a.available[asset] += o.lockedMinor;
        o.lockedMinor = 0;
        balanceEvent(a, asset, BalanceChangeReason.ORDER_RELEASED);
    }

    private ResultCode cancel(CancelOrder c) {
        ResultCode code = checkMarketAndAccount(c.marketId(), c.accountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (statuses.get(c.marketId()) == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        Order o = findOwnOpenOrder(c.accountId(), c.marketId(), c.orderId(), c.clientOrderId());
        if (o == null) {
            return ResultCode.UNKNOWN_ORDER;
        }
        cancelOne(o, CancelReason.USER);
        return ResultCode.OK;
    }

    private ResultCode cancelAll(CancelAllOrders c) {
        if (c.marketId() != CancelAllOrders.ALL_MARKETS && (c.marketId() < 0 || c.marketId() >= books.size())) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (!accounts.containsKey(c.accountId())) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (c.marketId() != CancelAllOrders.ALL_MARKETS && statuses.get(c.marketId()) == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        for (Order o : openOrdersOf(c.accountId())) {
            boolean inScope = c.marketId() == CancelAllOrders.ALL_MARKETS || o.marketId == c.marketId();
            if (inScope && statuses.get(o.marketId) != MarketStatus.HALTED) {
                cancelOne(o, CancelReason.CANCEL_ALL);
            }
        }
        return ResultCode.OK;
    }

    private void cancelOne(Order o, CancelReason reason) {
        MarketSpec m = config.markets().get(o.marketId);
        books.get(o.marketId).remove(o);
        o.status = OrderStatus.CANCELED;
        o.updatedNanos = timestamp;
        out.add(new OrderCanceled(sequence, timestamp, o.snapshot(), reason));
        release(o, m);
    }

    private ResultCode amend(AmendOrder c) {
        ResultCode code = checkMarketAndAccount(c.marketId(), c.accountId());
        if (code != ResultCode.OK) {
            return code;
        }
        if (statuses.get(c.marketId()) == MarketStatus.HALTED) {
            return ResultCode.MARKET_HALTED;
        }
        if (statuses.get(c.marketId()) == MarketStatus.CANCEL_ONLY) {
            return ResultCode.MARKET_CANCEL_ONLY;
        }
        Order o = c.orderId() > 0 ? findOwnOpenOrder(c.accountId(), c.marketId(), c.orderId(), null) : null;
        if (o == null) {
            return ResultCode.UNKNOWN_ORDER;
        }
        if (licensing.status(o.accountId) != AccountStatus.ACTIVE) {
            return ResultCode.ACCOUNT_NOT_ACTIVE;
        }
        MarketSpec m = config.markets().get(c.marketId());
        if (c.newPriceTicks() <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (c.newPriceTicks() > m.maxPriceTicks()) {
            return ResultCode.PRICE_ABOVE_MAX;
        }
        code = checkQuantity(m, c.newQuantityLots());
        if (code != ResultCode.OK) {
            return code;
        }
        if (c.newQuantityLots() <= o.filledLots) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (notional(m, c.newPriceTicks(), c.newQuantityLots()).compareTo(big(m.minNotionalMinor())) < 0) {
            return ResultCode.NOTIONAL_BELOW_MIN;
        }
        if (c.newPriceTicks() == o.priceTicks && c.newQuantityLots() == o.quantityLots) {
            return ResultCode.AMEND_NO_CHANGE;
        }
        Account a = accounts.get(o.accountId);
        int asset = lockAsset(m, o.side);
        long newLock = lockFor(m, o, c.newPriceTicks(), c.newQuantityLots() - o.filledLots);
        long oldPrice = o.priceTicks;
        long oldQuantity = o.quantityLots;
        long diff = newLock - o.lockedMinor;
        if (c.newPriceTicks() == o.priceTicks && c.newQuantityLots() < o.quantityLots) {
            o.quantityLots = c.newQuantityLots();
            moveLock(a, asset, o, diff);
            o.updatedNanos = timestamp;
            out.add(new OrderAmended(sequence, timestamp, o.snapshot(), oldPrice, oldQuantity, true));
            lockEvent(a, asset, diff);
            return ResultCode.OK;
        }
        if (o.side == Side.BUY && licensing.retail(o.accountId)) {
            code = licensing.accessFor(o.accountId, m.marketId(), Side.BUY);
            long extra = c.newQuantityLots() - o.quantityLots;
            if (code == ResultCode.OK && extra > 0) {
                code = licensing.withinLimit(o.accountId, m.base().assetId(), extra * m.lotSizeMinor(),
                        this::heldWithOpenBuys);
            }
            if (code != ResultCode.OK) {
                return code;
            }
        }
        if (o.type == OrderType.LIMIT_MAKER && crossesBest(m, o.side, c.newPriceTicks())) {
            return ResultCode.WOULD_TAKE;
        }
        if (diff > a.available[asset]) {
            return ResultCode.INSUFFICIENT_BALANCE;
        }
        books.get(m.marketId()).remove(o);
        o.priceTicks = c.newPriceTicks();
        o.quantityLots = c.newQuantityLots();
        moveLock(a, asset, o, diff);
        o.updatedNanos = timestamp;
        out.add(new OrderAmended(sequence, timestamp, o.snapshot(), oldPrice, oldQuantity, false));
        lockEvent(a, asset, diff);
        takeAndFinish(o, m);
        return ResultCode.OK;
    }

    /** A recomputed lock: base for a sell; for a buy the notional plus the fee headroom (carry of earlier fills kept). */
    private static long lockFor(MarketSpec m, Order o, long priceTicks, long remainingLots) {
        if (o.side == Side.SELL) {
            return Math.multiplyExact(remainingLots, m.lotSizeMinor());
        }
        BigInteger n = notional(m, priceTicks, remainingLots);
        return n.add(o.feeIncrease(n, Math.max(o.makerBps, o.takerBps))).longValueExact();
    }

    private static void moveLock(Account a, int asset, Order o, long diff) {
        o.lockedMinor += diff;
        a.locked[asset] += diff;
        a.available[asset] -= diff;
    }

    private void lockEvent(Account a, int asset, long diff) {
        if (diff != 0) {
            balanceEvent(a, asset, diff > 0 ? BalanceChangeReason.ORDER_LOCKED : BalanceChangeReason.ORDER_RELEASED);
        }
    }

    private ResultCode checkMarketAndAccount(int marketId, long accountId) {
        if (marketId < 0 || marketId >= books.size()) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (!accounts.containsKey(accountId)) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        return ResultCode.OK;
    }

    private Order findOwnOpenOrder(long accountId, int marketId, long orderId, String clientOrderId) {
        for (Order o : books.get(marketId)) {
            boolean named = orderId > 0 ? o.orderId == orderId
                    : clientOrderId != null && clientOrderId.equals(o.clientOrderId);
            if (named && o.accountId == accountId) {
                return o;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- book helpers

    /** @return the open orders of one side, best first: best price, then earliest. */
    private List<Order> inPriority(MarketSpec m, Side side) {
        List<Order> result = new ArrayList<>();
        for (Order o : books.get(m.marketId())) {
            if (o.side == side) {
                result.add(o);
            }
        }
        Comparator<Order> byPrice = Comparator.comparingLong(o -> o.priceTicks);
        // List.sort is stable: equal prices keep time priority.
        result.sort(side == Side.BUY ? byPrice.reversed() : byPrice);
        return result;
    }

    private boolean crossesBest(MarketSpec m, Side side, long priceTicks) {
        List<Order> opposite = inPriority(m, side.opposite());
        if (opposite.isEmpty()) {
            return false;
        }
        long best = opposite.get(0).priceTicks;
        return side == Side.BUY ? priceTicks >= best : priceTicks <= best;
    }

    private static boolean crosses(Order taker, Order maker) {
        if (taker.type == OrderType.MARKET) {
            return true;
        }
        return taker.side == Side.BUY ? maker.priceTicks <= taker.priceTicks : maker.priceTicks >= taker.priceTicks;
    }

    private static int lockAsset(MarketSpec m, Side side) {
        return side == Side.BUY ? m.quote().assetId() : m.base().assetId();
    }

    private ResultCode setInvestorProfile(SetInvestorProfile c) {
        ResultCode code = licensing.setProfile(c.accountId(), c.investorClass(), c.exposureLimitMinor(),
                accounts.containsKey(c.accountId()), isFee(c.accountId()), sequence, timestamp, out);
        if (code == ResultCode.OK) {
            config.markets().forEach(m -> cancelWhatRetailMayNotHold(m, c.accountId()));
        }
        return code;
    }

    private ResultCode setRetailAccess(SetRetailAccess c) {
        int before = out.size();
        ResultCode code = licensing.setAccess(c.marketId(), c.access(), sequence, timestamp, out);
        if (code == ResultCode.OK && out.size() > before) {
            cancelWhatRetailMayNotHold(config.markets().get(c.marketId()), 0);
        }
        return code;
    }

    /** SEMANTICS: retail orders the market's access no longer allows are canceled, bids first, in book order. */
    private void cancelWhatRetailMayNotHold(MarketSpec m, long onlyAccount) {
        for (Side side : Side.values()) {
            for (Order o : inPriority(m, side)) {
                boolean forAccount = onlyAccount == 0 || o.accountId == onlyAccount;
                if (forAccount && licensing.retail(o.accountId)
                        && licensing.accessFor(o.accountId, m.marketId(), side) != ResultCode.OK) {
                    cancelOne(o, CancelReason.RETAIL_ACCESS);
                }
            }
        }
    }

    private boolean isFee(long accountId) {
        Account a = accounts.get(accountId);
        return a != null && a.kind == AccountKind.FEE;
    }

    /** Holdings (available + locked) plus what the account's resting buys may still buy, of one asset. */
    private BigInteger heldWithOpenBuys(long accountId, int assetId) {
        Account a = accounts.get(accountId);
        BigInteger held = big(a.available[assetId]).add(big(a.locked[assetId]));
        for (Order o : openOrdersOf(accountId)) {
            MarketSpec m = config.markets().get(o.marketId);
            if (o.side == Side.BUY && m.base().assetId() == assetId) {
                held = held.add(big(o.remainingLots()).multiply(big(m.lotSizeMinor())));
            }
        }
        return held;
    }

    private List<Order> openOrdersOf(long accountId) {
        List<Order> result = new ArrayList<>();
        for (List<Order> book : books) {
            for (Order o : book) {
                if (o.accountId == accountId) {
                    result.add(o);
                }
            }
        }
        result.sort(Comparator.comparingLong(o -> o.orderId));
        return result;
    }

    // ---------------------------------------------------------------- arithmetic

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    static BigInteger notional(MarketSpec m, long priceTicks, long quantityLots) {
        return big(priceTicks).multiply(big(quantityLots)).multiply(big(m.tickValueMinor()));
    }

    /** {@code ceil(n × bps / 10 000)}. */
    static BigInteger fee(BigInteger notional, int bps) {
        return ceilDiv(notional.multiply(big(bps)), TEN_THOUSAND);
    }

    static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    private static boolean fitsLong(BigInteger v) {
        return v.compareTo(LONG_MAX) <= 0;
    }

    private void balanceEvent(Account a, int asset, BalanceChangeReason reason) {
        out.add(new BalanceChanged(sequence, timestamp, a.id, asset, a.available[asset], a.locked[asset], reason));
    }

    // ---------------------------------------------------------------- queries

    @Override
    public CoreConfig config() {
        return config;
    }

    @Override
    public long availableMinor(long accountId, int assetId) {
        return accounts.get(accountId).available[assetId];
    }

    @Override
    public long lockedMinor(long accountId, int assetId) {
        return accounts.get(accountId).locked[assetId];
    }

    @Override
    public List<Long> accountIds() {
        return List.copyOf(accounts.keySet());
    }

    @Override
    public long totalHeldMinor(int assetId) {
        long sum = 0;
        for (Account a : accounts.values()) {
            sum = Math.addExact(sum, Math.addExact(a.available[assetId], a.locked[assetId]));
        }
        return sum;
    }

    @Override
    public long netDepositsMinor(int assetId) {
        return netDeposits[assetId];
    }

    @Override
    public List<OrderView> openOrders(long accountId) {
        List<OrderView> views = new ArrayList<>();
        for (Order o : openOrdersOf(accountId)) {
            views.add(o.snapshot());
        }
        return views;
    }

    @Override
    public OrderView openOrder(long orderId) {
        for (List<Order> book : books) {
            for (Order o : book) {
                if (o.orderId == orderId) {
                    return o.snapshot();
                }
            }
        }
        return null;
    }

    @Override
    public MarketStatus marketStatus(int marketId) {
        return statuses.get(marketId);
    }

    @Override
    public ItemView item(long itemId) {
        return collectibles.view(itemId);
    }

    /** @return the live items' owners by item id, -1 for burned ones. */
    Map<Long, Long> itemOwners() {
        return collectibles.owners();
    }

    /** @return the pending withdrawals' amounts locked in this account and asset. */
    long pendingWithdrawalsMinor(long accountId, int assetId) {
        long sum = 0;
        for (Withdrawal w : withdrawals.values()) {
            if (w.result == ResultCode.OK && w.state == Withdrawal.PENDING && w.request.accountId() == accountId && w.request.assetId() == assetId) {
                sum += w.request.amountMinor();
            }
        }
        return sum;
    }

    @Override
    public String stateDigest() {
        StringBuilder s = new StringBuilder();
        s.append(nextOrderId).append('/').append(nextTradeId).append(statuses).append('\n');
        accounts.values().forEach(a -> s.append(a.id).append(a.kind).append(a.tier)
                .append(java.util.Arrays.toString(a.available)).append(java.util.Arrays.toString(a.locked)).append('\n'));
        books.forEach(book -> book.forEach(o -> s.append(o.snapshot()).append(o.feeNumerator).append('\n')));
        s.append(deposits).append('\n');
        withdrawals.forEach((id, w) -> s.append(id).append(w.request).append(w.result).append(w.state).append('\n'));
        s.append(java.util.Arrays.toString(netDeposits)).append('\n');
        s.append(collectibles.digest());
        return s.toString();
    }

    // ---------------------------------------------------------------- state records

    private static final class Account {
        final long id;
        final AccountKind kind;
        int tier;
        final long[] available;
        final long[] locked;

        Account(long id, AccountKind kind, int tier, int assets) {
            this.id = id;
            this.kind = kind;
            this.tier = tier;
            this.available = new long[assets];
            this.locked = new long[assets];
        }
    }

    private record Remembered<C>(C command, ResultCode result) {
    }

    private static final class Withdrawal {
        static final int PENDING = 0;
        static final int SETTLED = 1;
        static final int REVERTED = 2;
        final RequestWithdrawal request;
        final ResultCode result;
        int state = PENDING;

        Withdrawal(RequestWithdrawal request, ResultCode result) {
            this.request = Objects.requireNonNull(request);
            this.result = result;
        }
    }

    private static final class Order {
        long orderId;
        long accountId;
        int marketId;
        String clientOrderId;
        Side side;
        OrderType type;
        TimeInForce timeInForce;
        SelfTradePrevention stp;
        long priceTicks;
        long quantityLots;
        long quoteAmountMinor;
        long filledLots;
        long cumulativeQuoteMinor;
        long cumulativeFeeMinor;
        long lockedMinor;
        OrderStatus status;
        long createdNanos;
        long updatedNanos;
        /** Budget-bounded (market buy) orders: what they may spend, notional and fees together. */
        boolean budgetBounded;
        /** A market buy by quote amount that its budget completes with the current fill. */
        boolean capped;
        int makerBps;
        int takerBps;
        long budgetMinor;
        long spentMinor;
        /** The exact fee so far times 10 000: {@code Σ notional_i × bps_i}. */
        BigInteger feeNumerator = BigInteger.ZERO;

        long remainingLots() {
            return quantityLots - filledLots;
        }

        /** @return what a fill of this notional at this rate would add to the fee charged (the rounding rule). */
        BigInteger feeIncrease(BigInteger notional, int bps) {
            BigInteger after = ceilDiv(feeNumerator.add(notional.multiply(big(bps))), TEN_THOUSAND);
            return after.subtract(big(cumulativeFeeMinor));
        }

        long chargeFee(long notional, int bps) {
            long fee = feeIncrease(big(notional), bps).longValueExact();
            feeNumerator = feeNumerator.add(big(notional).multiply(big(bps)));
            return fee;
        }

        void applyFill(long q, long notional, long fee, long base, long timestamp) {
            filledLots += q;
            cumulativeQuoteMinor += notional;
            cumulativeFeeMinor += fee;
            if (side == Side.BUY) {
                lockedMinor -= notional + fee;
                spentMinor += notional + fee;
            } else {
                lockedMinor -= base;
            }
            status = quantityLots > 0 && filledLots == quantityLots || capped ? OrderStatus.FILLED
                    : OrderStatus.PARTIALLY_FILLED;
            updatedNanos = timestamp;
        }

        io.lantau.core.event.OrderSnapshot snapshot() {
            return new io.lantau.core.event.OrderSnapshot(orderId, accountId, marketId, clientOrderId, side, type,
                    timeInForce, stp, priceTicks, quantityLots, quoteAmountMinor, filledLots, cumulativeQuoteMinor,
                    cumulativeFeeMinor, lockedMinor, status, createdNanos, updatedNanos);
        }
    }
}
