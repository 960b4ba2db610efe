package io.lantau.custody.reserves;

import io.lantau.core.ExchangeCore;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.AccountOpened;
import io.lantau.core.event.BalanceChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.store.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live source of liability snapshots in a running platform: an in-memory read model of every account's
 * available and locked balances, fed with the core's durable events by the dispatcher ({@link Projection}), from which
 * {@link #snapshot} takes the client liabilities at one command boundary. The running core itself cannot be read
 * from another thread; this model is as exact as the core (it copies the balances each {@code BalanceChanged}
 * carries) and states the sequence it has applied.
 *
 * <p>Which accounts are liabilities: as {@link LiabilitySnapshot#fromCore} — all but the fee account and the named
 * platform accounts. Thread-safe: events and snapshots take the same lock, so a snapshot never sees half a command.
 */
public final class LiabilityLedger implements Projection {
    private final List<AssetUnit> assets = new ArrayList<>();
    private final long feeAccountId;
    private final Set<Long> platformAccountIds;
    /** Per account: available then locked, per asset. Ascending account ids, as {@link ExchangeCore#accountIds}. */
    private final Map<Long, long[][]> balances = new TreeMap<>();
    private volatile long lastAppliedSequence;

    /** @param platformAccountIds the platform's own operator accounts, left out of every snapshot. */
    public LiabilityLedger(CoreConfig config, Set<Long> platformAccountIds) {
        config.assets().forEach(a -> assets.add(new AssetUnit(a.code(), a.scale())));
        this.feeAccountId = config.feeAccountId();
        this.platformAccountIds = Set.copyOf(platformAccountIds);
    }

    /** Starts from a recovered core (before the dispatcher feeds the events after its last sequence). */
    public synchronized void seed(ExchangeCore recovered) {
        balances.clear();
        for (long accountId : recovered.accountIds()) {
            long[][] account = account(accountId);
            for (int a = 0; a < assets.size(); a++) {
                account[0][a] = recovered.availableMinor(accountId, a);
                account[1][a] = recovered.lockedMinor(accountId, a);
            }
        }
        lastAppliedSequence = recovered.lastSequence();
    }

    @Override
    public synchronized void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent event : events) {
            if (event instanceof AccountOpened opened) {
                account(opened.accountId());
            } else if (event instanceof BalanceChanged changed) {
                long[][] account = account(changed.accountId());
                account[0][changed.assetId()] = changed.availableMinor();
                account[1][changed.assetId()] = changed.lockedMinor();
            }
        }
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /** @return the client liabilities at the last applied command, stamped {@code takenAt}. */
    public synchronized LiabilitySnapshot snapshot(Instant takenAt) {
        List<ClientLiability> clients = new ArrayList<>(balances.size());
        for (Map.Entry<Long, long[][]> entry : balances.entrySet()) {
            long accountId = entry.getKey();
            if (accountId == feeAccountId || platformAccountIds.contains(accountId)) {
                continue;
            }
            long[][] account = entry.getValue();
            List<Long> held = new ArrayList<>(assets.size());
            for (int a = 0; a < assets.size(); a++) {
                held.add(Math.addExact(account[0][a], account[1][a]));
            }
            clients.add(new ClientLiability(accountId, held));
        }
        return new LiabilitySnapshot(lastAppliedSequence, takenAt, assets, clients);
    }

    private long[][] account(long accountId) {
        return balances.computeIfAbsent(accountId, id -> new long[2][assets.size()]);
    }
}
