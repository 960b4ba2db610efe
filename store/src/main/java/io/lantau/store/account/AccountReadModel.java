package io.lantau.store.account;

import io.lantau.core.OrderView;
import io.lantau.core.event.AccountOpened;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.FeeTierChanged;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Balances, open orders and the most recently ended orders of every account, rebuilt from events. Written by the
 * projection thread; read from any thread (each account's state is guarded by the account's own monitor, so readers
 * of one account never wait for another's writes).
 *
 * <p>After a restart it is initialised from the core (balances and open orders are core state) and fed from there.
 */
public final class AccountReadModel implements Projection {
    /** How many ended orders per account stay readable here; older ones are in the relational history. */
    static final int RECENT_ENDED_ORDERS = 200;

    private final int assetCount;
    private final Map<Long, AccountState> accounts = new ConcurrentHashMap<>();
    private volatile long lastAppliedSequence;

    public AccountReadModel(int assetCount) {
        this.assetCount = assetCount;
    }

    /** An account's balances at one moment, and its fee tier. */
    public record Balances(long[] availableMinor, long[] lockedMinor, long updateTimeNanos, int feeTier) {
    }

    private static final class AccountState {
        final long[] available;
        final long[] locked;
        long updateTimeNanos;
        int feeTier;
        final Map<Long, OrderSnapshot> open = new HashMap<>();
        final Deque<OrderSnapshot> ended = new ArrayDeque<>();

        AccountState(int assetCount) {
            available = new long[assetCount];
            locked = new long[assetCount];
        }
    }

    /** Seeds one account's balances and fee tier (start-up from the core's state). */
    public void seedBalances(long accountId, long[] availableMinor, long[] lockedMinor, int feeTier) {
        AccountState state = state(accountId);
        synchronized (state) {
            state.feeTier = feeTier;
            System.arraycopy(availableMinor, 0, state.available, 0, assetCount);
            System.arraycopy(lockedMinor, 0, state.locked, 0, assetCount);
        }
    }

    /** Seeds an open order (start-up from the core's state). */
    public void seedOpenOrder(OrderView order) {
        AccountState state = state(order.accountId());
        synchronized (state) {
            state.open.put(order.orderId(), OrderSnapshot.of(order));
        }
    }

    /** Sets where the model stands after seeding. */
    public void seedSequence(long sequence) {
        lastAppliedSequence = sequence;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent event : events) {
            switch (event) {
                case AccountOpened e -> setTier(e.accountId(), e.feeTier());
                case FeeTierChanged e -> setTier(e.accountId(), e.feeTier());
                case BalanceChanged e -> {
                    AccountState state = state(e.accountId());
                    synchronized (state) {
                        state.available[e.assetId()] = e.availableMinor();
                        state.locked[e.assetId()] = e.lockedMinor();
                        state.updateTimeNanos = e.timestampNanos();
                    }
                }
                case OrderAccepted e -> update(e.order());
                case OrderRested e -> update(e.order());
                case OrderAmended e -> update(e.order());
                case OrderCanceled e -> update(e.order());
                case OrderExpired e -> update(e.order());
                case TradeExecuted e -> {
                    update(e.taker());
                    update(e.maker());
                }
                default -> {
                }
            }
        }
        lastAppliedSequence = sequence;
    }

    private void setTier(long accountId, int feeTier) {
        AccountState state = state(accountId);
        synchronized (state) {
            state.feeTier = feeTier;
        }
    }

    private void update(OrderSnapshot order) {
        AccountState state = state(order.accountId());
        synchronized (state) {
            if (order.status().isOpen()) {
                state.open.put(order.orderId(), order);
            } else {
                state.open.remove(order.orderId());
                state.ended.addFirst(order);
                if (state.ended.size() > RECENT_ENDED_ORDERS) {
                    state.ended.removeLast();
                }
            }
        }
    }

    private AccountState state(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new AccountState(assetCount));
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /** @return a copy of the account's balances, or {@code null} if the account is unknown. */
    public Balances balances(long accountId) {
        AccountState state = accounts.get(accountId);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            return new Balances(state.available.clone(), state.locked.clone(), state.updateTimeNanos, state.feeTier);
        }
    }

    /** @return the account's open orders (in one market, or all if {@code marketId < 0}) by order id. */
    public List<OrderSnapshot> openOrders(long accountId, int marketId) {
        AccountState state = accounts.get(accountId);
        List<OrderSnapshot> orders = new ArrayList<>();
        if (state != null) {
            synchronized (state) {
                for (OrderSnapshot o : state.open.values()) {
                    if (marketId < 0 || o.marketId() == marketId) {
                        orders.add(o);
                    }
                }
            }
        }
        orders.sort(Comparator.comparingLong(OrderSnapshot::orderId));
        return orders;
    }

    /** @return the account's order if it is open or recently ended, else {@code null} (look in the history). */
    public OrderSnapshot order(long accountId, long orderId) {
        AccountState state = accounts.get(accountId);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            OrderSnapshot open = state.open.get(orderId);
            if (open != null) {
                return open;
            }
            for (OrderSnapshot o : state.ended) {
                if (o.orderId() == orderId) {
                    return o;
                }
            }
            return null;
        }
    }

    /**
     * @return the account's open order with this client order id, else the most recent ended one with it, else
     *     {@code null}.
     */
    public OrderSnapshot orderByClientId(long accountId, String clientOrderId) {
        AccountState state = accounts.get(accountId);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            for (OrderSnapshot o : state.open.values()) {
                if (clientOrderId.equals(o.clientOrderId())) {
                    return o;
                }
            }
            for (OrderSnapshot o : state.ended) {
                if (clientOrderId.equals(o.clientOrderId())) {
                    return o;
                }
            }
            return null;
        }
    }
}
