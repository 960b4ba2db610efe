package io.lantau.custody.travelrule;

import io.lantau.core.ExchangeCore;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.ReferencePriceChanged;
import io.lantau.store.Projection;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A {@link Valuation} from the core's reference prices ({@code SetReferencePrice}: the price of one whole unit in
 * minor units of the valuation currency, HK-04), kept current from {@link ReferencePriceChanged} events; prices may
 * also be configured ({@link #setPrice}) where the core has none. The valuation currency itself is worth its amount.
 * Values round up, so rounding never takes a transfer below the travel-rule threshold.
 */
public final class ReferencePriceValuation implements Valuation, Projection {
    private final List<Asset> assets;
    private final int valuationAssetId;
    private final AtomicLongArray prices;
    private volatile long lastAppliedSequence;

    /**
     * @param config            the core's assets.
     * @param valuationCurrency the profile's valuation currency code (e.g. {@code HKD}); must be a core asset whose
     *                          minor unit is the one prices are quoted in.
     */
    public ReferencePriceValuation(CoreConfig config, String valuationCurrency) {
        this.assets = config.assets();
        this.valuationAssetId = assets.stream().filter(a -> a.code().equals(valuationCurrency)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no asset " + valuationCurrency)).assetId();
        this.prices = new AtomicLongArray(assets.size());
    }

    /** Seeds the prices from the recovered core. */
    public ReferencePriceValuation seed(ExchangeCore recovered) {
        for (Asset a : assets) {
            long price = recovered.referencePriceMinor(a.assetId());
            if (price > 0) {
                prices.set(a.assetId(), price);
            }
        }
        lastAppliedSequence = recovered.lastSequence();
        return this;
    }

    /** Sets a configured price: one whole unit of the asset in valuation-currency minor units (positive). */
    public ReferencePriceValuation setPrice(int assetId, long priceMinor) {
        if (priceMinor <= 0) {
            throw new IllegalArgumentException("a price must be positive");
        }
        prices.set(assetId, priceMinor);
        return this;
    }

    @Override
    public OptionalLong valueMinor(int assetId, long amountMinor) {
        if (assetId < 0 || assetId >= assets.size()) {
            return OptionalLong.empty();
        }
        if (assetId == valuationAssetId) {
            return OptionalLong.of(amountMinor);
        }
        long price = prices.get(assetId);
        if (price <= 0) {
            return OptionalLong.empty();
        }
        BigInteger value = new java.math.BigDecimal(BigInteger.valueOf(amountMinor).multiply(BigInteger.valueOf(price)),
                assets.get(assetId).scale()).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return value.bitLength() < 64 ? OptionalLong.of(value.longValue()) : OptionalLong.of(Long.MAX_VALUE);
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        for (CoreEvent event : events) {
            if (event instanceof ReferencePriceChanged p && p.assetId() >= 0 && p.assetId() < prices.length()) {
                prices.set(p.assetId(), p.priceMinor());
            }
        }
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }
}
