package io.lantau.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the core needs before its first command: assets, markets, fees and the account that collects fees.
 * Asset and market ids must be dense and equal to their list positions.
 *
 * @param assets       assets indexed by {@link Asset#assetId()}.
 * @param markets      markets indexed by {@link MarketSpec#marketId()}.
 * @param fees         maker/taker rates per account tier.
 * @param feeAccountId the account (of kind FEE) that every fee is paid into; the core opens it at start.
 */
public record CoreConfig(List<Asset> assets, List<MarketSpec> markets, FeeSchedule fees, long feeAccountId) {

    public CoreConfig {
        assets = List.copyOf(assets);
        markets = List.copyOf(markets);
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).assetId() != i) {
                throw new IllegalArgumentException("asset ids must be dense: " + assets.get(i));
            }
        }
        for (int i = 0; i < markets.size(); i++) {
            MarketSpec m = markets.get(i);
            if (m.marketId() != i) {
                throw new IllegalArgumentException("market ids must be dense: " + m.symbol());
            }
            if (!assets.get(m.base().assetId()).equals(m.base()) || !assets.get(m.quote().assetId()).equals(m.quote())) {
                throw new IllegalArgumentException("market " + m.symbol() + " uses an asset not in the config");
            }
        }
    }

    public Optional<Asset> asset(String code) {
        return assets.stream().filter(a -> a.code().equalsIgnoreCase(code)).findFirst();
    }

    /** @return the market by either spelling of its symbol ({@code BTC-HKD} or {@code BTCHKD}), case-insensitive. */
    public Optional<MarketSpec> market(String symbol) {
        return markets.stream()
                .filter(m -> m.symbol().equalsIgnoreCase(symbol) || m.compactSymbol().equalsIgnoreCase(symbol))
                .findFirst();
    }

    /** @return markets keyed by compact symbol, for edges that look them up often. */
    public Map<String, MarketSpec> marketsByCompactSymbol() {
        Map<String, MarketSpec> map = new HashMap<>();
        markets.forEach(m -> map.put(m.compactSymbol(), m));
        return map;
    }
}
