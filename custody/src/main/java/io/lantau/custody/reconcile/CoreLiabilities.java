package io.lantau.custody.reconcile;

import io.lantau.core.ExchangeCore;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.Deposited;
import io.lantau.core.event.WithdrawalSettled;
import io.lantau.store.Projection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The core's ledger totals per asset, kept from its events: deposits add, settled withdrawals subtract (trades and
 * fees move amounts between accounts and leave the total alone: SEMANTICS.md, the ledger conserves every minor unit).
 * Seeded from the recovered core at start-up, then fed by the projection dispatcher. Written by one thread, read by
 * any.
 */
public final class CoreLiabilities implements CoreLedger, Projection {
    private final AtomicLongArray totals;
    private volatile long lastAppliedSequence;

    /** Starts from the recovered core's totals. */
    public CoreLiabilities(ExchangeCore recovered) {
        int assets = recovered.config().assets().size();
        totals = new AtomicLongArray(assets);
        for (int a = 0; a < assets; a++) {
            totals.set(a, recovered.netDepositsMinor(a));
        }
        lastAppliedSequence = recovered.lastSequence();
    }

    @Override
    public long liabilitiesMinor(int assetId) {
        return assetId >= 0 && assetId < totals.length() ? totals.get(assetId) : 0;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent event : events) {
            if (event instanceof Deposited d) {
                totals.set(d.assetId(), Math.addExact(totals.get(d.assetId()), d.amountMinor()));
            } else if (event instanceof WithdrawalSettled w) {
                totals.set(w.assetId(), Math.subtractExact(totals.get(w.assetId()), w.amountMinor()));
            }
        }
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }
}
