package io.lantau.app.platform;

import io.lantau.core.command.SetReferencePrice;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.store.dispatch.CommandSubmitter;
import io.lantau.store.market.MarketData;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the core's reference prices (what retail exposure is valued at, HK-04) near the market: every virtual asset
 * traded against the profile's valuation currency gets the last trade price of that market, sent as {@code
 * SetReferencePrice} when it first appears or moves by {@value #MOVE_BASIS_POINTS} basis points or more (each change
 * is an audited market parameter change, so small ticks are not sent). Configured seed prices stand in for an asset
 * the core has no price for yet, so that a fresh platform can value retail buys before its first trade.
 */
public final class ReferencePriceFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferencePriceFeed.class);
    static final long MOVE_BASIS_POINTS = 50;
    private static final long PERIOD_SECONDS = 10;

    private final CommandSubmitter submitter;
    /** Virtual asset id → the market that prices it in the valuation currency. */
    private final Map<Integer, MarketSpec> pricingMarkets = new HashMap<>();
    private final Map<Integer, Long> sent = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lantau-reference-prices");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param current what the core holds now for an asset id (0 for none).
     */
    ReferencePriceFeed(CoreConfig config, String valuationCurrency, CommandSubmitter submitter,
            IntToLongFunction current) {
        this.submitter = submitter;
        for (MarketSpec m : config.markets()) {
            if (!m.base().fiat() && m.quote().code().equals(valuationCurrency)) {
                pricingMarkets.put(m.base().assetId(), m);
            }
        }
        for (int assetId : pricingMarkets.keySet()) {
            long price = current.applyAsLong(assetId);
            if (price > 0) {
                sent.put(assetId, price);
            }
        }
    }

    /**
     * Sends the seed price of each asset the core has no price for.
     *
     * @param seeds {@code ASSET=PRICE,...} in whole units of the valuation currency, or null.
     * @throws IllegalArgumentException for a malformed list; an asset that no valuation market prices is skipped
     *                                  with a warning.
     */
    synchronized void seed(String seeds) {
        if (seeds == null || seeds.isBlank()) {
            return;
        }
        for (String pair : seeds.split(",")) {
            String[] parts = pair.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("reference prices: ASSET=PRICE,..., not " + pair);
            }
            String code = parts[0].trim().toUpperCase(Locale.ROOT);
            MarketSpec market = pricingMarkets.values().stream().filter(m -> m.base().code().equals(code))
                    .findFirst().orElse(null);
            if (market == null) {
                // E.g. the HKD demo prices under a profile valued in CNY: nothing to seed for it, but say so.
                LOG.warn("reference price for {} ignored: no market prices it in the valuation currency", code);
                continue;
            }
            long minor;
            try {
                minor = new BigDecimal(parts[1].trim()).movePointRight(market.quote().scale()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("reference prices: not a price: " + pair);
            }
            if (!sent.containsKey(market.base().assetId())) {
                send(market.base(), minor);
            }
        }
    }

    /** Starts following the last trade prices of {@code marketData}. */
    void follow(MarketData marketData) {
        timer.scheduleAtFixedRate(() -> {
            try {
                update(marketData);
            } catch (RuntimeException e) {
                LOG.warn("reference price update failed", e);
            }
        }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    synchronized void update(MarketData marketData) {
        for (MarketSpec m : pricingMarkets.values()) {
            long ticks = marketData.lastPriceTicks(m.marketId());
            if (ticks <= 0) {
                continue;
            }
            long minor = m.tickSize().multiply(BigDecimal.valueOf(ticks)).movePointRight(m.quote().scale())
                    .longValueExact();
            Long last = sent.get(m.base().assetId());
            if (last == null || Math.abs(minor - last) * 10_000L >= MOVE_BASIS_POINTS * last) {
                send(m.base(), minor);
            }
        }
    }

    private void send(Asset asset, long priceMinor) {
        if (submitter.submit(new SetReferencePrice(asset.assetId(), priceMinor), record -> { })) {
            sent.put(asset.assetId(), priceMinor);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
