package io.lantau.gateway.binance;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.TradeExecuted;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Orders and fills in Binance's shapes. Times are epoch milliseconds. */
public final class OrderJson {
    private OrderJson() {
    }

    public static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** @return the quantity Binance shows as {@code origQty}: a market buy by quote amount shows what it bought. */
    private static long originalLots(OrderView o) {
        return o.type() == OrderType.MARKET && o.quantityLots() == 0 ? o.filledLots() : o.quantityLots();
    }

    /** The fields of a query answer ({@code GET /order}, {@code openOrders}, {@code allOrders}). */
    public static JsonObject order(MarketFormat m, OrderView o) {
        return new JsonObject()
                .put("symbol", m.symbol())
                .put("orderId", o.orderId())
                .put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId())
                .put("price", m.price(o.priceTicks()))
                .put("origQty", m.quantity(originalLots(o)))
                .put("executedQty", m.quantity(o.filledLots()))
                .put("cummulativeQuoteQty", m.quote(o.cumulativeQuoteMinor()))
                .put("status", o.status().name())
                .put("timeInForce", o.timeInForce().name())
                .put("type", o.type().name())
                .put("side", o.side().name())
                .put("stopPrice", m.price(0))
                .put("icebergQty", m.quantity(0))
                .put("time", millis(o.createdNanos()))
                .put("updateTime", millis(o.updatedNanos()))
                .put("isWorking", o.status() == OrderStatus.NEW || o.status() == OrderStatus.PARTIALLY_FILLED)
                .put("workingTime", millis(o.createdNanos()))
                .put("origQuoteOrderQty", m.quote(o.quoteAmountMinor()))
                .put("selfTradePreventionMode", o.selfTradePrevention().name());
    }

    /** The answer to a new order in the requested response type. */
    public static JsonObject newOrder(MarketFormat m, OrderView o, String respType, long transactTimeMillis,
            List<CoreEvent> events) {
        JsonObject json = new JsonObject()
                .put("symbol", m.symbol())
                .put("orderId", o.orderId())
                .put("orderListId", -1)
                .put("clientOrderId", o.clientOrderId())
                .put("transactTime", transactTimeMillis);
        if ("ACK".equals(respType)) {
            return json;
        }
        json.put("price", m.price(o.priceTicks()))
                .put("origQty", m.quantity(originalLots(o)))
                .put("executedQty", m.quantity(o.filledLots()))
                .put("origQuoteOrderQty", m.quote(o.quoteAmountMinor()))
                .put("cummulativeQuoteQty", m.quote(o.cumulativeQuoteMinor()))
                .put("status", o.status().name())
                .put("timeInForce", o.timeInForce().name())
                .put("type", o.type().name())
                .put("side", o.side().name())
                .put("workingTime", millis(o.createdNanos()))
                .put("selfTradePreventionMode", o.selfTradePrevention().name());
        if ("FULL".equals(respType)) {
            json.put("fills", fills(m, o.orderId(), events));
        }
        return json;
    }

    /** The order's own fills among a command's events, with its commission (always in the quote asset). */
    static JsonArray fills(MarketFormat m, long orderId, List<CoreEvent> events) {
        JsonArray fills = new JsonArray();
        for (CoreEvent e : events) {
            if (e instanceof TradeExecuted t && (t.taker().orderId() == orderId || t.maker().orderId() == orderId)) {
                long fee = t.taker().orderId() == orderId ? t.takerFeeMinor() : t.makerFeeMinor();
                fills.add(new JsonObject()
                        .put("price", m.price(t.priceTicks()))
                        .put("qty", m.quantity(t.quantityLots()))
                        .put("commission", m.quote(fee))
                        .put("commissionAsset", m.spec().quote().code())
                        .put("tradeId", t.tradeId()));
            }
        }
        return fills;
    }
}
