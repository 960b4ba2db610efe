package io.lantau.gateway.binance;

import io.lantau.core.MarketStatus;
import io.lantau.core.config.MarketSpec;
import io.lantau.gateway.binance.BinanceApi.Security;
import io.lantau.store.MarketStatuses;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.function.LongSupplier;

/** {@code ping}, {@code time} and {@code exchangeInfo}: what a client reads before it trades. */
public final class ExchangeInfoEndpoints {
    private final Markets markets;
    private final MarketStatuses statuses;
    private final LongSupplier clockMillis;

    public ExchangeInfoEndpoints(Markets markets, MarketStatuses statuses, LongSupplier clockMillis) {
        this.markets = markets;
        this.statuses = statuses;
        this.clockMillis = clockMillis;
    }

    public void mount(BinanceApi api, Router router) {
        api.route(router, HttpMethod.GET, "/ping", 1, Security.PUBLIC, call -> {
            call.params().requireAllRead(Set.of());
            call.ok(new JsonObject());
        });
        api.route(router, HttpMethod.GET, "/time", 1, Security.PUBLIC, call -> {
            call.params().requireAllRead(Set.of());
            call.ok(new JsonObject().put("serverTime", clockMillis.getAsLong()));
        });
        api.route(router, HttpMethod.GET, "/exchangeInfo", 20, Security.PUBLIC, this::exchangeInfo);
    }

    private void exchangeInfo(BinanceCall call) {
        String symbol = call.params().optional("symbol");
        String symbols = call.params().optional("symbols");
        call.params().optional("permissions");
        call.params().optional("showPermissionSets");
        call.params().optional("symbolStatus");
        call.params().requireAllRead(Set.of());
        Set<String> wanted = symbol != null ? Set.of(symbol) : symbols != null ? SymbolLists.parse(symbols) : null;
        JsonArray list = new JsonArray();
        for (MarketFormat m : markets.all()) {
            if (wanted == null || wanted.contains(m.symbol())) {
                list.add(symbolInfo(m));
            }
        }
        if (wanted != null && list.size() != wanted.size()) {
            throw new BinanceException(BinanceError.BAD_SYMBOL);
        }
        call.ok(new JsonObject()
                .put("timezone", "UTC")
                .put("serverTime", clockMillis.getAsLong())
                .put("rateLimits", new JsonArray()
                        .add(limit("REQUEST_WEIGHT", "MINUTE", 1, 6000))
                        .add(limit("ORDERS", "SECOND", 10, 100))
                        .add(limit("ORDERS", "DAY", 1, 200000)))
                .put("exchangeFilters", new JsonArray())
                .put("symbols", list));
    }

    private static JsonObject limit(String type, String interval, int num, int limit) {
        return new JsonObject().put("rateLimitType", type).put("interval", interval).put("intervalNum", num)
                .put("limit", limit);
    }

    private JsonObject symbolInfo(MarketFormat m) {
        MarketSpec spec = m.spec();
        MarketStatus status = statuses.status(spec.marketId());
        return new JsonObject()
                .put("symbol", m.symbol())
                .put("status", switch (status) {
                    case TRADING -> "TRADING";
                    case CANCEL_ONLY -> "CANCEL_ONLY";
                    case HALTED -> "HALT";
                })
                .put("baseAsset", spec.base().code())
                .put("baseAssetPrecision", spec.base().scale())
                .put("quoteAsset", spec.quote().code())
                .put("quotePrecision", spec.quote().scale())
                .put("quoteAssetPrecision", spec.quote().scale())
                .put("baseCommissionPrecision", spec.base().scale())
                .put("quoteCommissionPrecision", spec.quote().scale())
                .put("orderTypes", new JsonArray().add("LIMIT").add("LIMIT_MAKER").add("MARKET"))
                .put("icebergAllowed", false)
                .put("ocoAllowed", false)
                .put("otoAllowed", false)
                .put("quoteOrderQtyMarketAllowed", true)
                .put("allowTrailingStop", false)
                .put("cancelReplaceAllowed", true)
                .put("isSpotTradingAllowed", true)
                .put("isMarginTradingAllowed", false)
                .put("filters", new JsonArray()
                        .add(new JsonObject().put("filterType", "PRICE_FILTER")
                                .put("minPrice", m.price(1)).put("maxPrice", m.price(spec.maxPriceTicks()))
                                .put("tickSize", m.price(1)))
                        .add(new JsonObject().put("filterType", "LOT_SIZE")
                                .put("minQty", m.quantity(spec.minQuantityLots()))
                                .put("maxQty", m.quantity(spec.maxQuantityLots()))
                                .put("stepSize", m.quantity(1)))
                        .add(new JsonObject().put("filterType", "MARKET_LOT_SIZE")
                                .put("minQty", m.quantity(spec.minQuantityLots()))
                                .put("maxQty", m.quantity(spec.maxQuantityLots()))
                                .put("stepSize", m.quantity(1)))
                        .add(new JsonObject().put("filterType", "NOTIONAL")
                                .put("minNotional", m.quote(spec.minNotionalMinor()))
                                .put("applyMinToMarket", true)
                                .put("maxNotional", m.quote(Long.MAX_VALUE / 2))
                                .put("applyMaxToMarket", false)
                                .put("avgPriceMins", 5)))
                .put("permissions", new JsonArray())
                .put("permissionSets", new JsonArray().add(new JsonArray().add("SPOT")))
                .put("defaultSelfTradePreventionMode", spec.defaultStp().name())
                .put("allowedSelfTradePreventionModes", new JsonArray().add("NONE").add("EXPIRE_TAKER")
                        .add("EXPIRE_MAKER").add("EXPIRE_BOTH"));
    }
}
