package io.lantau.testsupport;

import io.lantau.core.MarketStatus;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.core.config.StandardMarkets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The core configuration a workload trades on, and a reference price for each of its markets.
 *
 * <p>Up to {@value #STANDARD_MARKET_COUNT} markets: {@link StandardMarkets} as shipped, so benchmarks measure the
 * configuration users get. More: a generated configuration of {@code n} markets {@code Xnnn-USD}, each with a tick of
 * 0.01 USD, a lot of one whole unit and a reference price of 100 USD.
 */
public final class WorkloadMarkets {
    /** Markets in {@link StandardMarkets#config()}. */
    public static final int STANDARD_MARKET_COUNT = 7;

    private static final String[] STANDARD_REFERENCE_PRICES = {
        "500000", // BTC-HKD
        "25000", // ETH-HKD
        "65000", // BTC-USD
        "3200", // ETH-USD
        "0.05", // ETH-BTC
        "65000", // BTC-USDT
        "3200", // ETH-USDT
    };

    private final CoreConfig config;
    private final int marketCount;

    private WorkloadMarkets(CoreConfig config, int marketCount) {
        this.config = config;
        this.marketCount = marketCount;
    }

    /** @return the configuration for a workload over {@code markets} markets. */
    public static WorkloadMarkets of(int markets) {
        if (markets < 1) {
            throw new IllegalArgumentException("markets must be positive: " + markets);
        }
        if (markets <= STANDARD_MARKET_COUNT) {
            return new WorkloadMarkets(StandardMarkets.config(), markets);
        }
        return new WorkloadMarkets(generated(markets), markets);
    }

    /** @return the whole core configuration (it may hold more markets than the workload trades). */
    public CoreConfig config() {
        return config;
    }

    /** @return how many markets, ids {@code 0 .. count-1}, the workload trades. */
    public int marketCount() {
        return marketCount;
    }

    /** @return the price, in ticks, around which orders in the market start. */
    public long referencePriceTicks(int marketId) {
        MarketSpec market = config.markets().get(marketId);
        BigDecimal price = marketCount <= STANDARD_MARKET_COUNT
                ? new BigDecimal(STANDARD_REFERENCE_PRICES[marketId])
                : new BigDecimal("100");
        return price.divide(market.tickSize(), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** @return the distinct assets the traded markets use, as asset ids. */
    public int[] tradedAssetIds() {
        boolean[] used = new boolean[config.assets().size()];
        for (int m = 0; m < marketCount; m++) {
            MarketSpec market = config.markets().get(m);
            used[market.base().assetId()] = true;
            used[market.quote().assetId()] = true;
        }
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        int[] ids = new int[count];
        int next = 0;
        for (int a = 0; a < used.length; a++) {
            if (used[a]) {
                ids[next++] = a;
            }
        }
        return ids;
    }

    private static CoreConfig generated(int markets) {
        Asset usd = new Asset(0, "USD", 2);
        List<Asset> assets = new ArrayList<>();
        assets.add(usd);
        List<MarketSpec> specs = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            Asset base = new Asset(m + 1, String.format("X%03d", m), 8);
            assets.add(base);
            specs.add(new MarketSpec(m, base.code() + "-USD", base, usd, new BigDecimal("0.01"), BigDecimal.ONE,
                    1, 10_000, 100_000_000, 1_000, SelfTradePrevention.EXPIRE_MAKER, MarketStatus.TRADING));
        }
        return new CoreConfig(assets, specs, StandardMarkets.FEES, StandardMarkets.FEE_ACCOUNT_ID);
    }
}
