package io.lantau.core.config;

import io.lantau.core.MarketStatus;
import io.lantau.core.SelfTradePrevention;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The assets and markets Lantau ships with. Tick and lot are chosen so that one lot at one tick is a whole number of
 * quote minor units (HKD and USD have 2 decimals on the books), see {@link MarketSpec}. CNY is an asset without markets.
 */
public final class StandardMarkets {
    public static final long FEE_ACCOUNT_ID = 1L;

    public static final Asset BTC = new Asset(0, "BTC", 8);
    public static final Asset ETH = new Asset(1, "ETH", 8);
    public static final Asset HKD = new Asset(2, "HKD", 2, true);
    public static final Asset USD = new Asset(3, "USD", 2, true);
    public static final Asset USDT = new Asset(4, "USDT", 6);
    /**
     * Renminbi: no market trades it; it is the only currency of the mainland collectibles profile (CN-04), where
     * drops are priced and paid in it.
     */
    public static final Asset CNY = new Asset(5, "CNY", 2, true);

    /** Tier 0: retail default; tier 1: high volume; tier 2: market maker (zero maker fee). */
    public static final FeeSchedule FEES = new FeeSchedule(new int[] {10, 8, 0}, new int[] {20, 15, 10});

    private StandardMarkets() {
    }

    public static CoreConfig config() {
        List<MarketSpec> markets = new ArrayList<>();
        markets.add(market(markets.size(), BTC, HKD, "10", "0.001", "100", "100000000"));
        markets.add(market(markets.size(), ETH, HKD, "1", "0.01", "100", "10000000"));
        markets.add(market(markets.size(), BTC, USD, "1", "0.01", "10", "10000000"));
        markets.add(market(markets.size(), ETH, USD, "1", "0.01", "10", "1000000"));
        markets.add(market(markets.size(), ETH, BTC, "0.00001", "0.001", "0.0001", "1000"));
        markets.add(market(markets.size(), BTC, USDT, "0.01", "0.0001", "10", "10000000"));
        markets.add(market(markets.size(), ETH, USDT, "0.01", "0.0001", "10", "1000000"));
        return new CoreConfig(List.of(BTC, ETH, HKD, USD, USDT, CNY), markets, FEES, FEE_ACCOUNT_ID);
    }

    private static MarketSpec market(int id, Asset base, Asset quote, String tick, String lot, String minNotional,
            String maxPrice) {
        BigDecimal lotSize = new BigDecimal(lot);
        // At most 10,000 whole base units per order; the price ceiling is per market.
        long maxQuantityLots = BigDecimal.valueOf(10_000).divide(lotSize).longValueExact();
        long maxPriceTicks = new BigDecimal(maxPrice).divide(new BigDecimal(tick)).longValueExact();
        return new MarketSpec(id, base.code() + "-" + quote.code(), base, quote, new BigDecimal(tick), lotSize,
                1, maxQuantityLots, maxPriceTicks, quote.toMinor(new BigDecimal(minNotional)),
                SelfTradePrevention.EXPIRE_MAKER, MarketStatus.TRADING);
    }
}
