package io.lantau.app.platform;

import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.custody.travelrule.ReferencePriceValuation;
import io.lantau.custody.travelrule.Valuation;
import io.lantau.store.market.MarketData;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Values transfers for the travel rule (HK-22) at the prices the platform's reference price feed follows: the last
 * trade price of each virtual asset's market against the valuation currency, and before the first trade the
 * configured reference prices ({@code reference.prices}). The arithmetic (rounding up, so rounding never takes a
 * transfer below the threshold) is {@link ReferencePriceValuation}'s. An asset with neither price is valued as at or
 * above the threshold by the travel rule. Thread-safe.
 */
final class MarketValuation implements Valuation {
    private final ReferencePriceValuation prices;
    private final MarketData marketData;
    /** Virtual asset id → the market that prices it in the valuation currency. */
    private final Map<Integer, MarketSpec> pricingMarkets = new HashMap<>();

    /** @param seeds {@code ASSET=PRICE,...} in whole units of the valuation currency, or null. */
    MarketValuation(CoreConfig config, String valuationCurrency, MarketData marketData, String seeds) {
        this.prices = new ReferencePriceValuation(config, valuationCurrency);
        this.marketData = marketData;
        for (MarketSpec m : config.markets()) {
            if (!m.base().fiat() && m.quote().code().equals(valuationCurrency)) {
                pricingMarkets.put(m.base().assetId(), m);
            }
        }
        if (seeds != null && !seeds.isBlank()) {
            for (String pair : seeds.split(",")) {
                String[] parts = pair.trim().split("=");
                String code = parts[0].trim().toUpperCase(Locale.ROOT);
                pricingMarkets.values().stream().filter(m -> m.base().code().equals(code)).findFirst()
                        .ifPresent(m -> prices.setPrice(m.base().assetId(),
                                new BigDecimal(parts[1].trim()).movePointRight(m.quote().scale()).longValueExact()));
            }
        }
    }

    @Override
    public OptionalLong valueMinor(int assetId, long amountMinor) {
        MarketSpec market = pricingMarkets.get(assetId);
        if (market != null) {
            long ticks = marketData.lastPriceTicks(market.marketId());
            if (ticks > 0) {
                prices.setPrice(assetId, market.tickSize().multiply(BigDecimal.valueOf(ticks))
                        .movePointRight(market.quote().scale()).longValueExact());
            }
        }
        return prices.valueMinor(assetId, amountMinor);
    }
}
