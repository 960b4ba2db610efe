package io.lantau.gateway.binance;

import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The markets by Binance symbol ({@code BTCHKD}) and by id, each with its {@link MarketFormat}. Immutable. */
public final class Markets {
    private final CoreConfig config;
    private final Map<String, MarketFormat> bySymbol = new HashMap<>();
    private final List<MarketFormat> byId = new ArrayList<>();

    public Markets(CoreConfig config) {
        this.config = config;
        for (MarketSpec spec : config.markets()) {
            MarketFormat format = new MarketFormat(spec);
            bySymbol.put(spec.compactSymbol(), format);
            byId.add(format);
        }
    }

    public CoreConfig config() {
        return config;
    }

    /** @throws BinanceException {@code -1121} if there is no such symbol (symbols are upper case, as Binance's). */
    public MarketFormat bySymbol(String symbol) {
        MarketFormat market = symbol == null ? null : bySymbol.get(symbol);
        if (market == null) {
            throw new BinanceException(BinanceError.BAD_SYMBOL);
        }
        return market;
    }

    public MarketFormat byId(int marketId) {
        return byId.get(marketId);
    }

    public List<MarketFormat> all() {
        return byId;
    }
}
