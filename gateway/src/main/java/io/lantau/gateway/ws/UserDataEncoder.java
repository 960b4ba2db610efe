package io.lantau.gateway.ws;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.config.Asset;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.gateway.binance.Decimals;
import io.lantau.gateway.binance.MarketFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * User-data events in Binance's shapes: {@code executionReport}, {@code outboundAccountPosition},
 * {@code balanceUpdate}. Times are the command's, in epoch milliseconds. Commissions are always in the quote asset,
 * as the core charges them.
 */
final class UserDataEncoder {
    private UserDataEncoder() {
    }

    static long millis(long nanos) {
        return Math.floorDiv(nanos, 1_000_000L);
    }

    /** @return what Binance shows as the order quantity: a market buy by quote amount shows what it bought. */
    private static long originalLots(OrderSnapshot o) {
        return o.type() == OrderType.MARKET && o.quantityLots() == 0 ? o.filledLots() : o.quantityLots();
    }

    /**
     * @param executionType NEW, TRADE, CANCELED, EXPIRED, REPLACED or TRADE_PREVENTION.
     * @param trade         the fill this report is for (TRADE only), else {@code null}.
     */
    static JsonObject executionReport(MarketFormat m, OrderSnapshot o, String executionType, TradeExecuted trade,
            long timeMillis) {
        boolean canceled = executionType.equals("CANCELED");
        String clientOrderId = o.clientOrderId() == null ? "" : o.clientOrderId();
        boolean maker = trade != null && trade.maker().orderId() == o.orderId()
                && trade.taker().orderId() != o.orderId();
        long lastLots = trade == null ? 0 : trade.quantityLots();
        long lastPrice = trade == null ? 0 : trade.priceTicks();
        long lastQuote = trade == null ? 0 : trade.quoteMinor();
        long commission = trade == null ? 0 : maker ? trade.makerFeeMinor() : trade.takerFeeMinor();
        boolean working = o.status().isOpen() && o.type() != OrderType.MARKET;
        JsonObject json = new JsonObject()
                .put("e", "executionReport")
                .put("E", timeMillis)
                .put("s", m.symbol())
                .put("c", clientOrderId)
                .put("S", o.side().name())
                .put("o", o.type().name())
                .put("f", o.timeInForce().name())
                .put("q", m.quantity(originalLots(o)))
                .put("p", m.price(o.priceTicks()))
                .put("P", m.price(0))
                .put("F", m.quantity(0))
                .put("g", -1)
                .put("C", canceled ? clientOrderId : "")
                .put("x", executionType)
                .put("X", o.status().name())
                .put("r", "NONE")
                .put("i", o.orderId())
                .put("l", m.quantity(lastLots))
                .put("z", m.quantity(o.filledLots()))
                .put("L", m.price(lastPrice))
                .put("n", m.quote(commission))
                .put("N", trade == null ? null : m.spec().quote().code())
                .put("T", timeMillis)
                .put("t", trade == null ? -1 : trade.tradeId())
                .put("I", 0)
                .put("w", working)
                .put("m", maker)
                .put("M", false)
                .put("O", millis(o.createdNanos()))
                .put("Z", m.quote(o.cumulativeQuoteMinor()))
                .put("Y", m.quote(lastQuote))
                .put("Q", m.quote(o.quoteAmountMinor()))
                .put("W", millis(o.createdNanos()))
                .put("V", o.selfTradePrevention().name());
        if (o.status() == OrderStatus.EXPIRED_IN_MATCH) {
            json.put("v", 0);
        }
        return json;
    }

    /** {@code outboundAccountPosition}: the balances that changed, {@code B:[{a,f,l}]}. */
    static JsonObject accountPosition(long timeMillis, JsonArray balances) {
        return new JsonObject().put("e", "outboundAccountPosition").put("E", timeMillis).put("u", timeMillis)
                .put("B", balances);
    }

    static JsonObject balance(Asset asset, long availableMinor, long lockedMinor) {
        return new JsonObject().put("a", asset.code()).put("f", Decimals.format(availableMinor, asset.scale()))
                .put("l", Decimals.format(lockedMinor, asset.scale()));
    }

    /** {@code balanceUpdate}: a deposit or withdrawal's change of the free balance ({@code d}, signed). */
    static JsonObject balanceUpdate(Asset asset, long deltaMinor, long timeMillis) {
        return new JsonObject().put("e", "balanceUpdate").put("E", timeMillis).put("a", asset.code())
                .put("d", Decimals.format(deltaMinor, asset.scale())).put("T", timeMillis);
    }
}
