package io.lantau.store.account;

import io.lantau.core.ExchangeCore;
import io.lantau.core.Side;
import io.lantau.core.Valuation;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.ReferencePriceChanged;
import io.lantau.store.Projection;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A client's virtual-asset exposure (HK-04) as the core values it, for showing it beside the limit: every virtual
 * asset held (available + locked) plus what resting buys may still buy, at the core's reference prices, rounded up
 * ({@link Valuation}, the core's own rule). Keeps the reference prices from the core's events (seeded from the
 * recovered core) and reads balances and open orders from the {@link AccountReadModel}, so it is as current as the
 * read models a client's queries see. Written by the dispatcher thread, read by any.
 */
public final class ExposureView implements Projection {
    private final CoreConfig config;
    private final AccountReadModel accounts;
    private final AtomicLongArray referencePrices;
    private final long[] unit;
    private volatile long lastAppliedSequence;

    public ExposureView(CoreConfig config, AccountReadModel accounts, ExchangeCore recovered) {
        this.config = config;
        this.accounts = accounts;
        int n = config.assets().size();
        this.referencePrices = new AtomicLongArray(n);
        this.unit = new long[n];
        for (Asset a : config.assets()) {
            unit[a.assetId()] = BigInteger.TEN.pow(a.scale()).longValueExact();
            referencePrices.set(a.assetId(), recovered.referencePriceMinor(a.assetId()));
        }
        this.lastAppliedSequence = recovered.lastSequence();
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent event : events) {
            if (event instanceof ReferencePriceChanged changed) {
                referencePrices.set(changed.assetId(), changed.priceMinor());
            }
        }
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /**
     * @return the account's exposure in the valuation currency's minor units (0 for an unknown account); assets
     *         without a reference price count nothing, as in the core.
     * @throws ArithmeticException if the value does not fit a long.
     */
    public long exposureMinor(long accountId) {
        AccountReadModel.Balances balances = accounts.balances(accountId);
        if (balances == null) {
            return 0;
        }
        long[] held = new long[unit.length];
        for (Asset a : config.assets()) {
            if (!a.fiat()) {
                held[a.assetId()] = Math.addExact(balances.availableMinor()[a.assetId()],
                        balances.lockedMinor()[a.assetId()]);
            }
        }
        for (MarketSpec m : config.markets()) {
            if (m.base().fiat()) {
                continue;
            }
            for (OrderSnapshot o : accounts.openOrders(accountId, m.marketId())) {
                if (o.side() == Side.BUY) {
                    long remaining = Math.multiplyExact(o.quantityLots() - o.filledLots(), m.lotSizeMinor());
                    held[m.base().assetId()] = Math.addExact(held[m.base().assetId()], remaining);
                }
            }
        }
        long total = 0;
        for (int a = 0; a < held.length; a++) {
            long price = referencePrices.get(a);
            if (held[a] != 0 && price > 0) {
                total = Math.addExact(total, Valuation.valueMinor(held[a], unit[a], price));
            }
        }
        return total;
    }
}
