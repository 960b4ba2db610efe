package io.lantau.gateway.ws;

import io.lantau.gateway.binance.MarketFormat;
import io.lantau.gateway.binance.Markets;
import io.lantau.store.market.KlineInterval;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every market stream that exists, made once at start: per market the diff and partial depth streams, trades,
 * aggregate trades, klines of each interval, tickers and the book ticker; and the all-market ticker arrays. Names are
 * Binance's, with the symbol in lower case. Immutable after construction; lookups from any thread.
 */
final class StreamCatalog {
    static final int[] PARTIAL_LEVELS = {5, 10, 20};

    private final Map<String, Topic> byName = new HashMap<>();
    private final Topic[] diffFast;
    private final Topic[] diffSlow;
    private final Topic[][] partialFast;
    private final Topic[][] partialSlow;
    private final Topic[] trades;
    private final Topic[] aggTrades;
    private final Topic[][] klines;
    private final Topic[] miniTickers;
    private final Topic[] tickers;
    private final Topic[] bookTickers;
    private final Topic allMiniTickers;
    private final Topic allTickers;

    StreamCatalog(Markets markets) {
        int n = markets.all().size();
        diffFast = new Topic[n];
        diffSlow = new Topic[n];
        partialFast = new Topic[n][PARTIAL_LEVELS.length];
        partialSlow = new Topic[n][PARTIAL_LEVELS.length];
        trades = new Topic[n];
        aggTrades = new Topic[n];
        klines = new Topic[n][KlineInterval.values().length];
        miniTickers = new Topic[n];
        tickers = new Topic[n];
        bookTickers = new Topic[n];
        for (MarketFormat m : markets.all()) {
            int id = m.spec().marketId();
            String s = m.symbol().toLowerCase(Locale.ROOT);
            diffSlow[id] = add(new Topic(s + "@depth", Topic.Kind.DEPTH_DIFF, id, false, 0, null));
            diffFast[id] = add(new Topic(s + "@depth@100ms", Topic.Kind.DEPTH_DIFF, id, true, 0, null));
            for (int i = 0; i < PARTIAL_LEVELS.length; i++) {
                int levels = PARTIAL_LEVELS[i];
                partialSlow[id][i] = add(new Topic(s + "@depth" + levels, Topic.Kind.DEPTH_PARTIAL, id, false,
                        levels, null));
                partialFast[id][i] = add(new Topic(s + "@depth" + levels + "@100ms", Topic.Kind.DEPTH_PARTIAL, id,
                        true, levels, null));
            }
            trades[id] = add(new Topic(s + "@trade", Topic.Kind.TRADE, id, false, 0, null));
            aggTrades[id] = add(new Topic(s + "@aggTrade", Topic.Kind.AGG_TRADE, id, false, 0, null));
            for (KlineInterval interval : KlineInterval.values()) {
                klines[id][interval.ordinal()] = add(new Topic(s + "@kline_" + interval.code(), Topic.Kind.KLINE,
                        id, false, 0, interval));
            }
            miniTickers[id] = add(new Topic(s + "@miniTicker", Topic.Kind.MINI_TICKER, id, false, 0, null));
            tickers[id] = add(new Topic(s + "@ticker", Topic.Kind.TICKER, id, false, 0, null));
            bookTickers[id] = add(new Topic(s + "@bookTicker", Topic.Kind.BOOK_TICKER, id, false, 0, null));
        }
        allMiniTickers = add(new Topic("!miniTicker@arr", Topic.Kind.ALL_MINI_TICKERS, -1, false, 0, null));
        allTickers = add(new Topic("!ticker@arr", Topic.Kind.ALL_TICKERS, -1, false, 0, null));
    }

    private Topic add(Topic topic) {
        byName.put(topic.name, topic);
        return topic;
    }

    /**
     * @return the stream of this name, or {@code null} if there is none. The symbol part may be in any case (Binance
     *     documents lower case); the rest is exact ({@code 1m} and {@code 1M} are different intervals).
     */
    Topic byName(String name) {
        if (name == null) {
            return null;
        }
        Topic exact = byName.get(name);
        if (exact != null) {
            return exact;
        }
        int at = name.indexOf('@');
        if (at <= 0) {
            return null;
        }
        return byName.get(name.substring(0, at).toLowerCase(Locale.ROOT) + name.substring(at));
    }

    int marketCount() {
        return trades.length;
    }

    Topic diff(int marketId, boolean fast) {
        return fast ? diffFast[marketId] : diffSlow[marketId];
    }

    Topic partial(int marketId, int levelIndex, boolean fast) {
        return fast ? partialFast[marketId][levelIndex] : partialSlow[marketId][levelIndex];
    }

    Topic trade(int marketId) {
        return trades[marketId];
    }

    Topic aggTrade(int marketId) {
        return aggTrades[marketId];
    }

    Topic kline(int marketId, KlineInterval interval) {
        return klines[marketId][interval.ordinal()];
    }

    Topic miniTicker(int marketId) {
        return miniTickers[marketId];
    }

    Topic ticker(int marketId) {
        return tickers[marketId];
    }

    Topic bookTicker(int marketId) {
        return bookTickers[marketId];
    }

    Topic allMiniTickers() {
        return allMiniTickers;
    }

    Topic allTickers() {
        return allTickers;
    }
}
