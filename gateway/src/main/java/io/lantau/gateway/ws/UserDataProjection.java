package io.lantau.gateway.ws;

import io.lantau.core.ExpiryReason;
import io.lantau.core.config.Asset;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.Deposited;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.core.event.WithdrawalRequested;
import io.lantau.core.event.WithdrawalReverted;
import io.lantau.gateway.binance.Markets;
import io.lantau.store.Projection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The user-data streams: turns each command's events into Binance's user events for the accounts that have a
 * subscription, and hands them to those subscriptions' connections. An account only ever receives events about its
 * own orders and balances: routing is by the account id in each event, and a subscription is bound to the account of
 * the key that authenticated it.
 *
 * <p>Per command and account, in event order: {@code executionReport} for each order accepted (NEW), fill (TRADE,
 * one per side), cancel (CANCELED), expiry (EXPIRED; TRADE_PREVENTION for self-trade prevention) and amendment
 * (REPLACED); {@code balanceUpdate} for deposits ({@code +}), withdrawal requests ({@code -}) and reverted
 * withdrawals ({@code +}); then one {@code outboundAccountPosition} with the final balances of the assets that
 * changed.
 *
 * <p><b>Threading:</b> {@link #onCommand} on the dispatcher thread (after durability); it encodes only for
 * subscribed accounts and never blocks: delivery is a task on each connection's event loop. Subscriptions are added
 * and removed from event loops.
 */
public final class UserDataProjection implements Projection {
    /** One subscription of one connection to one account. */
    record Subscription(UserDataSession session, long subscriptionId, long accountId) {
    }

    private final Markets markets;
    private final List<Asset> assets;
    private final ConcurrentHashMap<Long, CopyOnWriteArrayList<Subscription>> byAccount = new ConcurrentHashMap<>();
    private volatile long lastAppliedSequence;

    // Dispatcher thread only: what one command produced, per subscribed account.
    private final Map<Long, List<String>> eventsByAccount = new LinkedHashMap<>();
    private final Map<Long, Map<Integer, long[]>> balancesByAccount = new LinkedHashMap<>();

    UserDataProjection(Markets markets) {
        this.markets = markets;
        this.assets = markets.config().assets();
    }

    void add(Subscription subscription) {
        byAccount.computeIfAbsent(subscription.accountId(), a -> new CopyOnWriteArrayList<>()).add(subscription);
    }

    void remove(Subscription subscription) {
        byAccount.computeIfPresent(subscription.accountId(), (a, list) -> {
            list.remove(subscription);
            return list.isEmpty() ? null : list;
        });
    }

    /** @return the number of active subscriptions. */
    int subscriptions() {
        int n = 0;
        for (List<Subscription> list : byAccount.values()) {
            n += list.size();
        }
        return n;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        if (byAccount.isEmpty() || events.isEmpty()) {
            lastAppliedSequence = sequence;
            return;
        }
        long time = UserDataEncoder.millis(timestampNanos);
        for (int i = 0, n = events.size(); i < n; i++) {
            switch (events.get(i)) {
                case OrderAccepted e -> report(e.order(), "NEW", null, time);
                case TradeExecuted e -> {
                    report(e.taker(), "TRADE", e, time);
                    report(e.maker(), "TRADE", e, time);
                }
                case OrderCanceled e -> report(e.order(), "CANCELED", null, time);
                case OrderExpired e -> report(e.order(),
                        e.reason() == ExpiryReason.SELF_TRADE_PREVENTION ? "TRADE_PREVENTION" : "EXPIRED", null,
                        time);
                case OrderAmended e -> report(e.order(), "REPLACED", null, time);
                case Deposited e -> balanceUpdate(e.accountId(), e.assetId(), e.amountMinor(), time);
                case WithdrawalRequested e -> balanceUpdate(e.accountId(), e.assetId(), -e.amountMinor(), time);
                case WithdrawalReverted e -> balanceUpdate(e.accountId(), e.assetId(), e.amountMinor(), time);
                case BalanceChanged e -> {
                    if (byAccount.containsKey(e.accountId())) {
                        balancesByAccount.computeIfAbsent(e.accountId(), a -> new LinkedHashMap<>())
                                .put(e.assetId(), new long[] {e.availableMinor(), e.lockedMinor()});
                    }
                }
                default -> {
                }
            }
        }
        for (Map.Entry<Long, Map<Integer, long[]>> entry : balancesByAccount.entrySet()) {
            JsonArray balances = new JsonArray();
            entry.getValue().forEach((assetId, b) -> balances.add(UserDataEncoder.balance(assets.get(assetId), b[0],
                    b[1])));
            add(entry.getKey(), UserDataEncoder.accountPosition(time, balances));
        }
        balancesByAccount.clear();
        for (Map.Entry<Long, List<String>> entry : eventsByAccount.entrySet()) {
            List<Subscription> subscriptions = byAccount.get(entry.getKey());
            if (subscriptions == null) {
                continue;
            }
            List<String> encoded = entry.getValue();
            for (Subscription s : subscriptions) {
                s.session().deliver(s, encoded);
            }
        }
        eventsByAccount.clear();
        lastAppliedSequence = sequence;
    }

    private void report(OrderSnapshot order, String executionType, TradeExecuted trade, long time) {
        if (byAccount.containsKey(order.accountId())) {
            add(order.accountId(), UserDataEncoder.executionReport(markets.byId(order.marketId()), order,
                    executionType, trade, time));
        }
    }

    private void balanceUpdate(long accountId, int assetId, long deltaMinor, long time) {
        if (byAccount.containsKey(accountId)) {
            add(accountId, UserDataEncoder.balanceUpdate(assets.get(assetId), deltaMinor, time));
        }
    }

    private void add(long accountId, JsonObject event) {
        eventsByAccount.computeIfAbsent(accountId, a -> new ArrayList<>()).add(event.encode());
    }
}
