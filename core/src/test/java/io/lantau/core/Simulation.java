package io.lantau.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.Deposited;
import io.lantau.core.event.FundsHeld;
import io.lantau.core.event.HoldReleased;
import io.lantau.core.event.ItemSold;
import io.lantau.core.event.ItemTransferred;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.TradeExecuted;
import io.lantau.core.event.WithdrawalRequested;
import io.lantau.core.event.WithdrawalReverted;
import io.lantau.core.event.WithdrawalSettled;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives {@link ExchangeCore} (fast book) with one seed's command sequence and checks the chosen invariants after
 * every command; where asked, also the reference-book engine and the {@link ReferenceExchange}, demanding equal events.
 */
final class Simulation {

    enum Check {
        LEDGER, LOCKS, BOOK_NOT_CROSSED, FILL_PRICES, FILL_OR_KILL, POST_ONLY, SELF_TRADE, BOOKS_AGREE, MODEL_AGREES,
        /** Every item has exactly one owner or is burned, and its event history says who. */
        ITEM_OWNERSHIP,
        /** No sale moves the item without its payment, or the payment without the item. */
        SALES_ATOMIC
    }

    private final long seed;
    private final Set<Check> checks;
    private final CoreConfig config = StandardMarkets.config();
    private final Venue fast = Venue.Kind.FAST_BOOK.create(config);
    private final Venue slow;
    private final ReferenceExchange model;
    private final CommandGenerator generator;
    private final long[] deposited = new long[config.assets().size()];
    private final long[] withdrawn = new long[config.assets().size()];
    /** Pending withdrawals by id: account, asset, amount — from the engine's own events. */
    private final Map<Long, long[]> pending = new HashMap<>();
    /** Open holds by id: account, asset, amount — from the engine's own events. */
    private final Map<Long, long[]> holds = new HashMap<>();
    /** Each item's owner as its ItemTransferred events tell it; -1 once burned. */
    private final Map<Long, Long> provenance = new java.util.TreeMap<>();
    private long sequence;

    Simulation(long seed, Check first, Check... rest) {
        this.seed = seed;
        this.checks = EnumSet.of(first, rest);
        this.slow = checks.contains(Check.BOOKS_AGREE) ? Venue.Kind.REFERENCE_BOOK.create(config) : null;
        this.model = checks.contains(Check.MODEL_AGREES) ? new ReferenceExchange(config) : null;
        this.generator = new CommandGenerator(seed, config, fast);
    }

    /** Runs the setup and then {@code commands} generated commands, checking after each. */
    void run(int commands) {
        for (Command c : generator.setup()) {
            step(c);
        }
        for (int i = 0; i < commands; i++) {
            step(generator.next());
        }
    }

    private void step(Command command) {
        sequence++;
        String where = "seed " + seed + ", sequence " + sequence + ", " + command;
        Map<Long, List<Long>> balancesBefore = checks.contains(Check.FILL_OR_KILL)
                || checks.contains(Check.SALES_ATOMIC) ? balances(fast) : null;
        Map<Long, Long> ownersBefore = new java.util.TreeMap<>(provenance);
        List<CoreEvent> events = new ArrayList<>();
        ResultCode code = fast.apply(sequence, sequence * 1_000, command, events);
        track(events);
        if (slow != null) {
            List<CoreEvent> slowEvents = new ArrayList<>();
            ResultCode slowCode = slow.apply(sequence, sequence * 1_000, command, slowEvents);
            assertThat(slowCode).as(where).isEqualTo(code);
            assertThat(slowEvents).as(where).isEqualTo(events);
            assertThat(slow.stateDigest()).as("state hash, " + where).isEqualTo(fast.stateDigest());
        }
        if (model != null) {
            List<CoreEvent> modelEvents = new ArrayList<>();
            ResultCode modelCode = model.apply(sequence, sequence * 1_000, command, modelEvents);
            assertThat(events).as("engine vs reference exchange, " + where).isEqualTo(modelEvents);
            assertThat(code).as(where).isEqualTo(modelCode);
            assertThat(balances(fast)).as("balances, " + where).isEqualTo(balances(model));
            for (long id : provenance.keySet()) {
                assertThat(fast.item(id)).as("item %d, %s", id, where).isEqualTo(model.item(id));
            }
        }
        if (checks.contains(Check.ITEM_OWNERSHIP)) {
            new ItemInvariants(fast, provenance).checkOwnership(where);
        }
        if (checks.contains(Check.SALES_ATOMIC)) {
            new ItemInvariants(fast, provenance).checkSale(command, code, events, ownersBefore, balancesBefore,
                    balances(fast), where);
        }
        if (checks.contains(Check.LEDGER)) {
            checkLedger(where);
        }
        if (checks.contains(Check.LOCKS)) {
            checkLocks(where);
        }
        if (checks.contains(Check.BOOK_NOT_CROSSED)) {
            checkBookNotCrossed(where);
        }
        List<TradeExecuted> trades = events.stream().filter(TradeExecuted.class::isInstance)
                .map(TradeExecuted.class::cast).toList();
        for (TradeExecuted t : trades) {
            if (checks.contains(Check.FILL_PRICES)) {
                checkFillPrice(t, where);
            }
            if (checks.contains(Check.POST_ONLY)) {
                assertThat(t.taker().type()).as("post-only took, " + where).isNotEqualTo(OrderType.LIMIT_MAKER);
            }
            if (checks.contains(Check.SELF_TRADE) && t.taker().accountId() == t.maker().accountId()) {
                assertThat(t.taker().selfTradePrevention()).as("self-trade, " + where)
                        .isEqualTo(SelfTradePrevention.NONE);
            }
        }
        if (checks.contains(Check.FILL_OR_KILL) && code == ResultCode.OK && command instanceof PlaceOrder p
                && p.timeInForce() == TimeInForce.FOK) {
            checkFillOrKill(p, events, trades, balancesBefore, where);
        }
    }

    private void track(List<CoreEvent> events) {
        for (CoreEvent e : events) {
            switch (e) {
                case Deposited d -> deposited[d.assetId()] += d.amountMinor();
                case WithdrawalRequested w -> pending.put(w.withdrawalId(),
                        new long[] {w.accountId(), w.assetId(), w.amountMinor()});
                case WithdrawalSettled w -> {
                    withdrawn[w.assetId()] += w.amountMinor();
                    pending.remove(w.withdrawalId());
                }
                case WithdrawalReverted w -> pending.remove(w.withdrawalId());
                case FundsHeld h -> holds.put(h.holdId(), new long[] {h.accountId(), h.assetId(), h.amountMinor()});
                case HoldReleased h -> holds.remove(h.holdId());
                case ItemSold sold -> holds.remove(sold.holdId());
                case ItemTransferred t -> {
                    assertThat(provenance.getOrDefault(t.itemId(), 0L)).as("provenance chain of %s", t)
                            .isEqualTo(t.fromAccountId());
                    provenance.put(t.itemId(), t.kind() == ItemTransferKind.BURN ? -1 : t.toAccountId());
                }
                default -> {
                }
            }
        }
    }

    private void checkLedger(String where) {
        for (int asset = 0; asset < deposited.length; asset++) {
            long sum = 0;
            for (long account : fast.accountIds()) {
                long available = fast.availableMinor(account, asset);
                long locked = fast.lockedMinor(account, asset);
                assertThat(available).as("available of %d in asset %d, %s", account, asset, where).isNotNegative();
                assertThat(locked).as("locked of %d in asset %d, %s", account, asset, where).isNotNegative();
                sum = Math.addExact(sum, Math.addExact(available, locked));
            }
            long expected = deposited[asset] - withdrawn[asset];
            assertThat(sum).as("Σ balances of asset %d, %s", asset, where).isEqualTo(expected);
            assertThat(fast.totalHeldMinor(asset)).as("totalHeldMinor %d, %s", asset, where).isEqualTo(expected);
            assertThat(fast.netDepositsMinor(asset)).as("netDepositsMinor %d, %s", asset, where).isEqualTo(expected);
        }
    }

    private void checkLocks(String where) {
        for (long account : fast.accountIds()) {
            long[] held = new long[deposited.length];
            for (OrderView o : fast.openOrders(account)) {
                MarketSpec m = config.markets().get(o.marketId());
                held[o.side() == Side.BUY ? m.quote().assetId() : m.base().assetId()] += o.lockedMinor();
                assertThat(o.lockedMinor()).as("lock of order %d, %s", o.orderId(), where).isPositive();
            }
            for (Map<Long, long[]> locks : List.of(pending, holds)) {
                for (long[] w : locks.values()) {
                    if (w[0] == account) {
                        held[(int) w[1]] += w[2];
                    }
                }
            }
            for (int asset = 0; asset < held.length; asset++) {
                assertThat(fast.lockedMinor(account, asset)).as("locked of %d in asset %d, %s", account, asset, where)
                        .isEqualTo(held[asset]);
            }
        }
    }

    private void checkBookNotCrossed(String where) {
        int markets = config.markets().size();
        long[] bestBid = new long[markets];
        long[] bestAsk = new long[markets];
        java.util.Arrays.fill(bestAsk, Long.MAX_VALUE);
        for (long account : fast.accountIds()) {
            for (OrderView o : fast.openOrders(account)) {
                if (o.side() == Side.BUY) {
                    bestBid[o.marketId()] = Math.max(bestBid[o.marketId()], o.priceTicks());
                } else {
                    bestAsk[o.marketId()] = Math.min(bestAsk[o.marketId()], o.priceTicks());
                }
            }
        }
        for (int m = 0; m < markets; m++) {
            assertThat(bestBid[m]).as("best bid < best ask in market %d, %s", m, where).isLessThan(bestAsk[m]);
        }
    }

    private static void checkFillPrice(TradeExecuted t, String where) {
        assertThat(t.priceTicks()).as("fill at the maker's price, " + where).isEqualTo(t.maker().priceTicks());
        for (OrderView o : List.of(t.taker(), t.maker())) {
            if (o.type() == OrderType.MARKET) {
                continue;
            }
            if (o.side() == Side.BUY) {
                assertThat(t.priceTicks()).as("buy limit, " + where).isLessThanOrEqualTo(o.priceTicks());
            } else {
                assertThat(t.priceTicks()).as("sell limit, " + where).isGreaterThanOrEqualTo(o.priceTicks());
            }
        }
    }

    private void checkFillOrKill(PlaceOrder p, List<CoreEvent> events, List<TradeExecuted> trades,
            Map<Long, List<Long>> before, String where) {
        List<OrderExpired> killed = events.stream().filter(OrderExpired.class::isInstance)
                .map(OrderExpired.class::cast).filter(e -> e.reason() == ExpiryReason.FILL_OR_KILL).toList();
        if (trades.isEmpty()) {
            assertThat(killed).as("FOK without trades is killed, " + where).hasSize(1);
            assertThat(events).as("FOK kill changes no one else, " + where).hasSize(4);
            assertThat(balances(fast)).as("FOK kill leaves balances, " + where).isEqualTo(before);
        } else {
            assertThat(killed).as(where).isEmpty();
            OrderView last = trades.get(trades.size() - 1).taker();
            assertThat(last.status()).as("FOK fills completely, " + where).isEqualTo(OrderStatus.FILLED);
            assertThat(last.filledLots()).as(where).isEqualTo(p.quantityLots());
        }
    }

    static Map<Long, List<Long>> balances(Venue venue) {
        Map<Long, List<Long>> result = new java.util.TreeMap<>();
        int assets = venue.config().assets().size();
        for (long account : venue.accountIds()) {
            List<Long> row = new ArrayList<>();
            for (int a = 0; a < assets; a++) {
                row.add(venue.availableMinor(account, a));
                row.add(venue.lockedMinor(account, a));
            }
            result.put(account, row);
        }
        return result;
    }
}
