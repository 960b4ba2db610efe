package io.lantau.gateway.binance;

import io.lantau.gateway.binance.BinanceApi.Security;
import io.lantau.store.dispatch.BackgroundProjection;
import io.lantau.store.history.AggTrade;
import io.lantau.store.history.CandleRepository;
import io.lantau.store.history.HistoryQuery;
import io.lantau.store.history.TradeHistoryRepository;
import io.lantau.store.history.TradeRecord;
import io.lantau.store.market.AggregateTrade;
import io.lantau.store.market.AveragePrice;
import io.lantau.store.market.BookLevels;
import io.lantau.store.market.BookTicker;
import io.lantau.store.market.Candle;
import io.lantau.store.market.DepthSnapshot;
import io.lantau.store.market.KlineInterval;
import io.lantau.store.market.MarketData;
import io.lantau.store.market.TickerStatistics;
import io.lantau.store.market.Trade;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Public market data under {@code /api/v3}, with Binance's weights: {@code depth}, {@code trades},
 * {@code historicalTrades}, {@code aggTrades}, {@code klines}, {@code ticker/24hr}, {@code ticker/price},
 * {@code ticker/bookTicker}, {@code avgPrice}.
 *
 * <p><b>Sources:</b> the in-memory {@link MarketData} answers whatever it provably holds (the book, the latest trades
 * and candles); older trades and candles come from the relational history, read off the event loop once it has caught
 * up with the in-memory state, so the two never disagree about what exists. Without a history store (tests, a
 * memory-only deployment) everything comes from memory.
 *
 * <p><b>Aggregate trade ids</b> ({@code a}) are the aggregate's first trade id everywhere: in memory, in the store
 * (which numbers them so) and on the {@code @aggTrade} stream. They increase but are not dense; {@code fromId} selects
 * trades with an id at or above it, as Binance's does.
 */
public final class MarketDataEndpoints {
    static final int DEPTH_DEFAULT_LIMIT = 100;
    static final int DEPTH_MAX_LIMIT = 5000;
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;
    static final long MAX_AGG_TRADES_WINDOW_MILLIS = 3_600_000;
    private static final BinanceError AGG_WINDOW_TOO_LONG = new BinanceError(400, -1127,
            "More than 1 hours between startTime and endTime.");
    private static final Set<String> NOTHING_MORE = Set.of();

    private final Markets markets;
    private final MarketData marketData;
    private final TradeHistoryRepository trades;
    private final CandleRepository candles;
    private final BackgroundProjection history;
    private final LongSupplier clockMillis;

    /**
     * @param trades  the stored trades, or {@code null} to serve trades from memory only.
     * @param candles the stored candles, or {@code null} to serve klines from memory only.
     * @param history the projection writing {@code trades} and {@code candles}, waited for before reading them; may be
     *                {@code null} only if both are.
     */
    public MarketDataEndpoints(Markets markets, MarketData marketData, TradeHistoryRepository trades,
            CandleRepository candles, BackgroundProjection history, LongSupplier clockMillis) {
        if (history == null && (trades != null || candles != null)) {
            throw new IllegalArgumentException("reading the history needs its projection to wait for");
        }
        this.markets = markets;
        this.marketData = marketData;
        this.trades = trades;
        this.candles = candles;
        this.history = history;
        this.clockMillis = clockMillis;
    }

    public void mount(BinanceApi api, Router router) {
        api.route(router, HttpMethod.GET, "/depth", 5, Security.PUBLIC, c -> depth(api, c));
        api.route(router, HttpMethod.GET, "/trades", 25, Security.PUBLIC, this::trades);
        api.route(router, HttpMethod.GET, "/historicalTrades", 25, Security.PUBLIC, this::historicalTrades);
        api.route(router, HttpMethod.GET, "/aggTrades", 4, Security.PUBLIC, this::aggTrades);
        api.route(router, HttpMethod.GET, "/klines", 2, Security.PUBLIC, this::klines);
        api.route(router, HttpMethod.GET, "/uiKlines", 2, Security.PUBLIC, this::klines);
        api.route(router, HttpMethod.GET, "/ticker/24hr", 2, Security.PUBLIC, c -> ticker24h(api, c));
        api.route(router, HttpMethod.GET, "/ticker/price", 2, Security.PUBLIC, c -> tickerPrice(api, c));
        api.route(router, HttpMethod.GET, "/ticker/bookTicker", 2, Security.PUBLIC, c -> bookTicker(api, c));
        api.route(router, HttpMethod.GET, "/avgPrice", 2, Security.PUBLIC, this::avgPrice);
    }

    // ---------------------------------------------------------------- depth

    private void depth(BinanceApi api, BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        long limit = call.params().optionalLong("limit", DEPTH_DEFAULT_LIMIT);
        call.params().optional("symbolStatus");
        call.params().requireAllRead(NOTHING_MORE);
        if (limit <= 0) {
            throw new BinanceException(BinanceError.invalidData("limit"));
        }
        int levels = (int) Math.min(limit, DEPTH_MAX_LIMIT);
        int weight = levels <= 100 ? 5 : levels <= 500 ? 25 : levels <= 1000 ? 50 : 250;
        charge(api, call, weight - 5);
        DepthSnapshot snapshot = marketData.depth(m.spec().marketId(), levels);
        call.ok(new JsonObject().put("lastUpdateId", snapshot.lastUpdateId())
                .put("bids", levels(m, snapshot.bids()))
                .put("asks", levels(m, snapshot.asks())));
    }

    static JsonArray levels(MarketFormat m, BookLevels levels) {
        JsonArray list = new JsonArray(new ArrayList<>(levels.size()));
        for (int i = 0; i < levels.size(); i++) {
            list.add(new JsonArray(new ArrayList<>(2)).add(m.price(levels.priceTicks(i)))
                    .add(m.quantity(levels.quantityLots(i))));
        }
        return list;
    }

    // ---------------------------------------------------------------- trades

    private void trades(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        int limit = limit(call);
        call.params().requireAllRead(NOTHING_MORE);
        int marketId = m.spec().marketId();
        List<Trade> recent = marketData.recentTrades(marketId, limit);
        if (recent.size() == limit || trades == null) {
            call.ok(tradesJson(m, recent));
            return;
        }
        fromHistory(call, () -> trades.recentTrades(marketId, limit), found -> call.ok(storedTradesJson(m, found)));
    }

    private void historicalTrades(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        int limit = limit(call);
        Long fromId = nonNegative(call, "fromId");
        call.params().requireAllRead(NOTHING_MORE);
        int marketId = m.spec().marketId();
        List<Trade> held = marketData.recentTrades(marketId, MAX_LIMIT);
        if (fromId == null) {
            trades(call, m, marketId, held, limit);
            return;
        }
        // Memory answers if it holds a trade before fromId: it then holds every later one too.
        if (trades == null || !held.isEmpty() && held.getFirst().tradeId() < fromId) {
            List<Trade> selected = new ArrayList<>(limit);
            for (Trade t : held) {
                if (t.tradeId() >= fromId && selected.size() < limit) {
                    selected.add(t);
                }
            }
            call.ok(tradesJson(m, selected));
            return;
        }
        fromHistory(call, () -> trades.trades(marketId, HistoryQuery.fromId(fromId, limit)),
                found -> call.ok(storedTradesJson(m, found)));
    }

    private void trades(BinanceCall call, MarketFormat m, int marketId, List<Trade> held, int limit) {
        if (held.size() >= limit || trades == null) {
            call.ok(tradesJson(m, held.subList(Math.max(0, held.size() - limit), held.size())));
            return;
        }
        fromHistory(call, () -> trades.recentTrades(marketId, limit), found -> call.ok(storedTradesJson(m, found)));
    }

    private static JsonArray tradesJson(MarketFormat m, List<Trade> list) {
        JsonArray json = new JsonArray(new ArrayList<>(list.size()));
        for (Trade t : list) {
            json.add(tradeJson(m, t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(), t.timeMillis(),
                    t.buyerMaker()));
        }
        return json;
    }

    private static JsonArray storedTradesJson(MarketFormat m, List<TradeRecord> list) {
        JsonArray json = new JsonArray(new ArrayList<>(list.size()));
        for (TradeRecord t : list) {
            json.add(tradeJson(m, t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(), t.timeMillis(),
                    t.isBuyerMaker()));
        }
        return json;
    }

    private static JsonObject tradeJson(MarketFormat m, long id, long priceTicks, long lots, long quoteMinor,
            long timeMillis, boolean buyerMaker) {
        return new JsonObject().put("id", id).put("price", m.price(priceTicks)).put("qty", m.quantity(lots))
                .put("quoteQty", m.quote(quoteMinor)).put("time", timeMillis).put("isBuyerMaker", buyerMaker)
                .put("isBestMatch", true);
    }

    // ---------------------------------------------------------------- aggTrades

    private void aggTrades(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        Long fromId = nonNegative(call, "fromId");
        Long start = nonNegative(call, "startTime");
        Long end = nonNegative(call, "endTime");
        int limit = limit(call);
        call.params().requireAllRead(NOTHING_MORE);
        if (start != null && end != null) {
            if (end < start) {
                throw new BinanceException(BinanceError.badCombination("endTime is before startTime."));
            }
            if (end - start > MAX_AGG_TRADES_WINDOW_MILLIS) {
                throw new BinanceException(AGG_WINDOW_TOO_LONG);
            }
        }
        int marketId = m.spec().marketId();
        List<AggregateTrade> held = marketData.recentAggregateTrades(marketId, MAX_LIMIT);
        List<AggregateTrade> fromMemory = selectAggregates(held, fromId, start, end, limit);
        if (fromMemory != null || trades == null) {
            call.ok(aggregatesJson(m, fromMemory != null ? fromMemory : lenient(held, fromId, start, end, limit)));
            return;
        }
        HistoryQuery query = new HistoryQuery(fromId, start, end, limit);
        fromHistory(call, () -> trades.aggTrades(marketId, query), found -> {
            JsonArray json = new JsonArray(new ArrayList<>(found.size()));
            for (AggTrade a : found) {
                json.add(aggregateJson(m, a.aggregateId(), a.priceTicks(), a.quantityLots(), a.firstTradeId(),
                        a.lastTradeId(), a.timeMillis(), a.buyerMaker()));
            }
            call.ok(json);
        });
    }

    /**
     * @return what Binance's rules select from the aggregates in memory (oldest first), or {@code null} if memory
     *     cannot prove it holds all of them (it then holds only a suffix of the market's history).
     */
    static List<AggregateTrade> selectAggregates(List<AggregateTrade> held, Long fromId, Long start, Long end,
            int limit) {
        if (fromId != null) {
            if (held.isEmpty() || held.getFirst().firstTradeId() > fromId) {
                return null;
            }
            List<AggregateTrade> selected = new ArrayList<>();
            for (AggregateTrade a : held) {
                if (a.firstTradeId() < fromId && a.lastTradeId() >= fromId) {
                    return null; // fromId cuts an aggregate: the store folds the part at and after it
                }
                if (a.firstTradeId() >= fromId && inWindow(a, start, end) && selected.size() < limit) {
                    selected.add(a);
                }
            }
            return selected;
        }
        if (start != null) {
            if (held.isEmpty() || held.getFirst().timeMillis() >= start) {
                return null;
            }
            List<AggregateTrade> selected = new ArrayList<>();
            for (AggregateTrade a : held) {
                if (inWindow(a, start, end) && selected.size() < limit) {
                    selected.add(a);
                }
            }
            return selected;
        }
        List<AggregateTrade> upToEnd = new ArrayList<>();
        for (AggregateTrade a : held) {
            if (inWindow(a, null, end)) {
                upToEnd.add(a);
            }
        }
        if (upToEnd.size() < limit) {
            return null;
        }
        return upToEnd.subList(upToEnd.size() - limit, upToEnd.size());
    }

    /** Memory's best answer when there is no store to complete it. */
    private static List<AggregateTrade> lenient(List<AggregateTrade> held, Long fromId, Long start, Long end,
            int limit) {
        List<AggregateTrade> selected = new ArrayList<>();
        for (AggregateTrade a : held) {
            if ((fromId == null || a.firstTradeId() >= fromId) && inWindow(a, start, end)) {
                selected.add(a);
            }
        }
        boolean fromStart = fromId != null || start != null;
        int n = Math.min(limit, selected.size());
        return fromStart ? selected.subList(0, n) : selected.subList(selected.size() - n, selected.size());
    }

    private static boolean inWindow(AggregateTrade a, Long start, Long end) {
        return (start == null || a.timeMillis() >= start) && (end == null || a.timeMillis() <= end);
    }

    private static JsonArray aggregatesJson(MarketFormat m, List<AggregateTrade> list) {
        JsonArray json = new JsonArray(new ArrayList<>(list.size()));
        for (AggregateTrade a : list) {
            json.add(aggregateJson(m, a.firstTradeId(), a.priceTicks(), a.quantityLots(), a.firstTradeId(),
                    a.lastTradeId(), a.timeMillis(), a.buyerMaker()));
        }
        return json;
    }

    private static JsonObject aggregateJson(MarketFormat m, long id, long priceTicks, long lots, long first,
            long last, long timeMillis, boolean buyerMaker) {
        return new JsonObject().put("a", id).put("p", m.price(priceTicks)).put("q", m.quantity(lots))
                .put("f", first).put("l", last).put("T", timeMillis).put("m", buyerMaker).put("M", true);
    }

    // ---------------------------------------------------------------- klines

    private void klines(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        KlineInterval interval = interval(call.params().required("interval"));
        Long start = nonNegative(call, "startTime");
        Long end = nonNegative(call, "endTime");
        String timeZone = call.params().optional("timeZone");
        int limit = limit(call);
        call.params().requireAllRead(NOTHING_MORE);
        if (timeZone != null && !timeZone.equals("0") && !timeZone.equals("+0") && !timeZone.equals("00:00")
                && !timeZone.equals("+00:00") && !timeZone.equals("-00:00")) {
            throw new BinanceException(BinanceError.invalidData("timeZone"));
        }
        if (start != null && end != null && end < start) {
            throw new BinanceException(BinanceError.badCombination("endTime is before startTime."));
        }
        int marketId = m.spec().marketId();
        if (!marketData.klineProjection().keeps(interval)
                && (candles == null || interval == KlineInterval.SECOND_1)) {
            call.ok(new JsonArray());
            return;
        }
        List<Candle> fromMemory = marketData.klineProjection().keeps(interval)
                ? memoryKlines(marketId, interval, start, end, limit) : null;
        if (fromMemory != null || candles == null || interval == KlineInterval.SECOND_1) {
            call.ok(klinesJson(m, fromMemory != null ? fromMemory
                    : marketData.klines(marketId, interval, start == null ? Long.MIN_VALUE : start,
                            end == null ? Long.MAX_VALUE : end, limit)));
            return;
        }
        fromHistory(call, () -> candles.klines(marketId, interval, start, end, limit),
                found -> call.ok(klinesJson(m, found)));
    }

    /**
     * @return the candles of Binance's window of {@code limit} consecutive intervals from memory, or {@code null} if
     *     memory may lack some of them. Memory provably holds the window when it holds a candle that opens before the
     *     window: every candle after its oldest is complete (the oldest may be partial after a restart).
     */
    private List<Candle> memoryKlines(int marketId, KlineInterval interval, Long start, Long end, int limit) {
        List<Candle> oldest = marketData.klines(marketId, interval, Long.MIN_VALUE + 1, Long.MAX_VALUE, 1);
        List<Candle> latest = marketData.klineProjection().klines(marketId, interval, 1);
        if (oldest.isEmpty()) {
            return null;
        }
        long firstOpen;
        long lastOpen;
        if (start != null) {
            long open = interval.openTimeOf(start);
            firstOpen = open == start ? open : interval.nextOpenTime(open);
            lastOpen = interval.plus(firstOpen, limit - 1);
            if (end != null) {
                lastOpen = Math.min(lastOpen, interval.openTimeOf(end));
            }
        } else {
            lastOpen = end != null ? interval.openTimeOf(end) : latest.getFirst().openTimeMillis();
            firstOpen = interval.plus(lastOpen, -(limit - 1));
        }
        if (oldest.getFirst().openTimeMillis() >= firstOpen) {
            return null;
        }
        if (firstOpen > lastOpen) {
            return List.of();
        }
        return marketData.klines(marketId, interval, firstOpen, lastOpen, limit);
    }

    private static KlineInterval interval(String code) {
        try {
            return KlineInterval.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new BinanceException(BinanceError.INVALID_INTERVAL);
        }
    }

    private static JsonArray klinesJson(MarketFormat m, List<Candle> list) {
        JsonArray json = new JsonArray(new ArrayList<>(list.size()));
        for (Candle c : list) {
            // Taker-buy volumes (indices 9 and 10) are not kept by the candles: shown as zero.
            json.add(new JsonArray(new ArrayList<>(12)).add(c.openTimeMillis()).add(m.price(c.openTicks()))
                    .add(m.price(c.highTicks())).add(m.price(c.lowTicks())).add(m.price(c.closeTicks()))
                    .add(m.quantity(c.volumeLots())).add(c.closeTimeMillis()).add(m.quote(c.quoteVolumeMinor()))
                    .add(c.tradeCount()).add(m.quantity(0)).add(m.quote(0)).add("0"));
        }
        return json;
    }

    // ---------------------------------------------------------------- tickers

    /** @return the markets a ticker request names: one symbol, a JSON list, or (null) all. */
    private List<MarketFormat> selected(BinanceCall call) {
        String symbol = call.params().optional("symbol");
        String symbols = call.params().optional("symbols");
        if (symbol != null && symbols != null) {
            throw new BinanceException(BinanceError.badCombination(
                    "Parameter 'symbol' and 'symbols' cannot be used together."));
        }
        if (symbol != null) {
            return List.of(markets.bySymbol(symbol));
        }
        if (symbols != null) {
            List<MarketFormat> list = new ArrayList<>();
            for (String s : SymbolLists.parse(symbols)) {
                list.add(markets.bySymbol(s));
            }
            return list;
        }
        return null;
    }

    private void ticker24h(BinanceApi api, BinanceCall call) {
        List<MarketFormat> wanted = selected(call);
        String type = call.params().optional("type");
        call.params().optional("symbolStatus");
        call.params().requireAllRead(NOTHING_MORE);
        if (type != null && !type.equals("FULL") && !type.equals("MINI")) {
            throw new BinanceException(BinanceError.invalidData("type"));
        }
        boolean mini = "MINI".equals(type);
        int n = wanted == null ? markets.all().size() : wanted.size();
        charge(api, call, (wanted == null || n > 100 ? 80 : n > 20 ? 40 : 2) - 2);
        long now = clockMillis.getAsLong();
        if (wanted != null && call.params().has("symbol")) {
            call.ok(ticker24hJson(wanted.getFirst(), now, mini));
            return;
        }
        JsonArray list = new JsonArray();
        for (MarketFormat m : wanted == null ? markets.all() : wanted) {
            list.add(ticker24hJson(m, now, mini));
        }
        call.ok(list);
    }

    private JsonObject ticker24hJson(MarketFormat m, long now, boolean mini) {
        TickerStatistics t = marketData.ticker24h(m.spec().marketId(), now);
        JsonObject json = new JsonObject().put("symbol", m.symbol());
        if (!mini) {
            BookTicker book = marketData.bookTicker(m.spec().marketId());
            json.put("priceChange", m.price(t.priceChangeTicks()))
                    .put("priceChangePercent", t.priceChangePercent().toPlainString())
                    .put("weightedAvgPrice", t.weightedAveragePrice(m.spec()).toPlainString())
                    .put("prevClosePrice", m.price(t.prevCloseTicks()))
                    .put("lastPrice", m.price(t.lastTicks()))
                    .put("lastQty", m.quantity(t.lastQuantityLots()))
                    .put("bidPrice", m.price(book.bidPriceTicks()))
                    .put("bidQty", m.quantity(book.bidQuantityLots()))
                    .put("askPrice", m.price(book.askPriceTicks()))
                    .put("askQty", m.quantity(book.askQuantityLots()));
        }
        json.put("openPrice", m.price(t.openTicks()))
                .put("highPrice", m.price(t.highTicks()))
                .put("lowPrice", m.price(t.lowTicks()));
        if (mini) {
            json.put("lastPrice", m.price(t.lastTicks()));
        }
        return json.put("volume", m.quantity(t.volumeLots()))
                .put("quoteVolume", m.quote(t.quoteVolumeMinor()))
                .put("openTime", t.openTimeMillis())
                .put("closeTime", t.closeTimeMillis())
                .put("firstId", t.firstTradeId())
                .put("lastId", t.lastTradeId())
                .put("count", t.tradeCount());
    }

    private void tickerPrice(BinanceApi api, BinanceCall call) {
        List<MarketFormat> wanted = selected(call);
        call.params().optional("symbolStatus");
        call.params().requireAllRead(NOTHING_MORE);
        boolean one = wanted != null && call.params().has("symbol");
        charge(api, call, one ? 0 : 2);
        if (one) {
            call.ok(priceJson(wanted.getFirst()));
            return;
        }
        JsonArray list = new JsonArray();
        for (MarketFormat m : wanted == null ? markets.all() : wanted) {
            list.add(priceJson(m));
        }
        call.ok(list);
    }

    private JsonObject priceJson(MarketFormat m) {
        return new JsonObject().put("symbol", m.symbol())
                .put("price", m.price(marketData.lastPriceTicks(m.spec().marketId())));
    }

    private void bookTicker(BinanceApi api, BinanceCall call) {
        List<MarketFormat> wanted = selected(call);
        call.params().optional("symbolStatus");
        call.params().requireAllRead(NOTHING_MORE);
        boolean one = wanted != null && call.params().has("symbol");
        charge(api, call, one ? 0 : 2);
        if (one) {
            call.ok(bookTickerJson(wanted.getFirst()));
            return;
        }
        JsonArray list = new JsonArray();
        for (MarketFormat m : wanted == null ? markets.all() : wanted) {
            list.add(bookTickerJson(m));
        }
        call.ok(list);
    }

    private JsonObject bookTickerJson(MarketFormat m) {
        BookTicker b = marketData.bookTicker(m.spec().marketId());
        return new JsonObject().put("symbol", m.symbol())
                .put("bidPrice", m.price(b.bidPriceTicks())).put("bidQty", m.quantity(b.bidQuantityLots()))
                .put("askPrice", m.price(b.askPriceTicks())).put("askQty", m.quantity(b.askQuantityLots()));
    }

    private void avgPrice(BinanceCall call) {
        MarketFormat m = markets.bySymbol(call.params().required("symbol"));
        call.params().requireAllRead(NOTHING_MORE);
        AveragePrice a = marketData.averagePrice(m.spec().marketId(), clockMillis.getAsLong());
        call.ok(new JsonObject().put("mins", a.minutes()).put("price", a.price(m.spec()).toPlainString())
                .put("closeTime", a.closeTimeMillis()));
    }

    // ---------------------------------------------------------------- helpers

    /** Charges the part of a request's weight that depends on its parameters. */
    private static void charge(BinanceApi api, BinanceCall call, int extraWeight) {
        if (extraWeight > 0) {
            api.limiter().request(call.clientIp(), extraWeight);
        }
    }

    private static Long nonNegative(BinanceCall call, String name) {
        if (!call.params().has(name)) {
            call.params().optional(name);
            return null;
        }
        long value = call.params().optionalLong(name, -1);
        if (value < 0) {
            throw new BinanceException(BinanceError.illegalValue(name));
        }
        return value;
    }

    private static int limit(BinanceCall call) {
        long limit = call.params().optionalLong("limit", DEFAULT_LIMIT);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new BinanceException(BinanceError.invalidData("limit"));
        }
        return (int) limit;
    }

    /** Reads the history once it holds what the client has seen, then answers. */
    private <T> void fromHistory(BinanceCall call, Supplier<T> query, java.util.function.Consumer<T> answer) {
        HistoryReads.read(call, history, marketData.lastAppliedSequence(), query, answer);
    }
}
