package io.lantau.gateway.ws;

import io.lantau.gateway.binance.MarketFormat;
import io.lantau.store.market.AggregateTrade;
import io.lantau.store.market.BookLevels;
import io.lantau.store.market.BookTicker;
import io.lantau.store.market.Candle;
import io.lantau.store.market.DepthSnapshot;
import io.lantau.store.market.DepthUpdate;
import io.lantau.store.market.KlineInterval;
import io.lantau.store.market.TickerStatistics;
import io.lantau.store.market.Trade;
import java.nio.charset.StandardCharsets;

/**
 * Market stream payloads in Binance's shapes, written straight into text (every value is a number, a boolean or a
 * symbol or decimal string that needs no escaping). Used on the fan-out thread only: it reuses one builder.
 */
final class StreamEncoder {
    private final StringBuilder sb = new StringBuilder(4096);

    private StringBuilder begin() {
        sb.setLength(0);
        return sb;
    }

    private byte[] end() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void str(StringBuilder sb, String key, String value) {
        sb.append('"').append(key).append("\":\"").append(value).append('"');
    }

    private static void num(StringBuilder sb, String key, long value) {
        sb.append('"').append(key).append("\":").append(value);
    }

    private static void levels(StringBuilder sb, MarketFormat m, BookLevels levels) {
        sb.append('[');
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[\"").append(m.price(levels.priceTicks(i))).append("\",\"")
                    .append(m.quantity(levels.quantityLots(i))).append("\"]");
        }
        sb.append(']');
    }

    /** {@code depthUpdate}: {e,E,s,U,u,b,a}. */
    byte[] depthUpdate(MarketFormat m, DepthUpdate u) {
        StringBuilder sb = begin().append('{');
        str(sb, "e", "depthUpdate");
        sb.append(',');
        num(sb, "E", u.eventTimeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        num(sb, "U", u.firstUpdateId());
        sb.append(',');
        num(sb, "u", u.finalUpdateId());
        sb.append(",\"b\":");
        levels(sb, m, u.bids());
        sb.append(",\"a\":");
        levels(sb, m, u.asks());
        sb.append('}');
        return end();
    }

    /** Partial book depth: {lastUpdateId,bids,asks}. */
    byte[] partialDepth(MarketFormat m, DepthSnapshot d) {
        StringBuilder sb = begin().append('{');
        num(sb, "lastUpdateId", d.lastUpdateId());
        sb.append(",\"bids\":");
        levels(sb, m, d.bids());
        sb.append(",\"asks\":");
        levels(sb, m, d.asks());
        sb.append('}');
        return end();
    }

    /** {@code trade}: {e,E,s,t,p,q,T,m,M}. */
    byte[] trade(MarketFormat m, Trade t) {
        StringBuilder sb = begin().append('{');
        str(sb, "e", "trade");
        sb.append(',');
        num(sb, "E", t.timeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        num(sb, "t", t.tradeId());
        sb.append(',');
        str(sb, "p", m.price(t.priceTicks()));
        sb.append(',');
        str(sb, "q", m.quantity(t.quantityLots()));
        sb.append(',');
        num(sb, "T", t.timeMillis());
        sb.append(",\"m\":").append(t.buyerMaker()).append(",\"M\":true}");
        return end();
    }

    /** {@code aggTrade}: {e,E,s,a,p,q,f,l,T,m,M}; {@code a} is the first trade id, as on REST. */
    byte[] aggTrade(MarketFormat m, AggregateTrade a) {
        StringBuilder sb = begin().append('{');
        str(sb, "e", "aggTrade");
        sb.append(',');
        num(sb, "E", a.timeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        num(sb, "a", a.firstTradeId());
        sb.append(',');
        str(sb, "p", m.price(a.priceTicks()));
        sb.append(',');
        str(sb, "q", m.quantity(a.quantityLots()));
        sb.append(',');
        num(sb, "f", a.firstTradeId());
        sb.append(',');
        num(sb, "l", a.lastTradeId());
        sb.append(',');
        num(sb, "T", a.timeMillis());
        sb.append(",\"m\":").append(a.buyerMaker()).append(",\"M\":true}");
        return end();
    }

    /** {@code kline}: {e,E,s,k:{t,T,s,i,f,L,o,c,h,l,v,n,x,q,V,Q,B}}; taker-buy volumes are not kept (zero). */
    byte[] kline(MarketFormat m, KlineInterval interval, Candle c, boolean closed, long eventTimeMillis) {
        StringBuilder sb = begin().append('{');
        str(sb, "e", "kline");
        sb.append(',');
        num(sb, "E", eventTimeMillis);
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(",\"k\":{");
        num(sb, "t", c.openTimeMillis());
        sb.append(',');
        num(sb, "T", c.closeTimeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        str(sb, "i", interval.code());
        sb.append(',');
        num(sb, "f", c.firstTradeId());
        sb.append(',');
        num(sb, "L", c.lastTradeId());
        sb.append(',');
        str(sb, "o", m.price(c.openTicks()));
        sb.append(',');
        str(sb, "c", m.price(c.closeTicks()));
        sb.append(',');
        str(sb, "h", m.price(c.highTicks()));
        sb.append(',');
        str(sb, "l", m.price(c.lowTicks()));
        sb.append(',');
        str(sb, "v", m.quantity(c.volumeLots()));
        sb.append(',');
        num(sb, "n", c.tradeCount());
        sb.append(",\"x\":").append(closed).append(',');
        str(sb, "q", m.quote(c.quoteVolumeMinor()));
        sb.append(',');
        str(sb, "V", m.quantity(0));
        sb.append(',');
        str(sb, "Q", m.quote(0));
        sb.append(',');
        str(sb, "B", "0");
        sb.append("}}");
        return end();
    }

    /** {@code 24hrMiniTicker}: {e,E,s,c,o,h,l,v,q}. */
    byte[] miniTicker(MarketFormat m, TickerStatistics t) {
        StringBuilder sb = begin();
        miniTicker(sb, m, t);
        return end();
    }

    private static void miniTicker(StringBuilder sb, MarketFormat m, TickerStatistics t) {
        sb.append('{');
        str(sb, "e", "24hrMiniTicker");
        sb.append(',');
        num(sb, "E", t.closeTimeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        str(sb, "c", m.price(t.lastTicks()));
        sb.append(',');
        str(sb, "o", m.price(t.openTicks()));
        sb.append(',');
        str(sb, "h", m.price(t.highTicks()));
        sb.append(',');
        str(sb, "l", m.price(t.lowTicks()));
        sb.append(',');
        str(sb, "v", m.quantity(t.volumeLots()));
        sb.append(',');
        str(sb, "q", m.quote(t.quoteVolumeMinor()));
        sb.append('}');
    }

    /** {@code 24hrTicker}: Binance's full set {e,E,s,p,P,w,x,c,Q,b,B,a,A,o,h,l,v,q,O,C,F,L,n}. */
    byte[] ticker(MarketFormat m, TickerStatistics t) {
        StringBuilder sb = begin();
        ticker(sb, m, t);
        return end();
    }

    private static void ticker(StringBuilder sb, MarketFormat m, TickerStatistics t) {
        BookTicker b = t.book();
        sb.append('{');
        str(sb, "e", "24hrTicker");
        sb.append(',');
        num(sb, "E", t.closeTimeMillis());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        str(sb, "p", m.price(t.priceChangeTicks()));
        sb.append(',');
        str(sb, "P", t.priceChangePercent().toPlainString());
        sb.append(',');
        str(sb, "w", t.weightedAveragePrice(m.spec()).toPlainString());
        sb.append(',');
        str(sb, "x", m.price(t.prevCloseTicks()));
        sb.append(',');
        str(sb, "c", m.price(t.lastTicks()));
        sb.append(',');
        str(sb, "Q", m.quantity(t.lastQuantityLots()));
        sb.append(',');
        str(sb, "b", m.price(b == null ? 0 : b.bidPriceTicks()));
        sb.append(',');
        str(sb, "B", m.quantity(b == null ? 0 : b.bidQuantityLots()));
        sb.append(',');
        str(sb, "a", m.price(b == null ? 0 : b.askPriceTicks()));
        sb.append(',');
        str(sb, "A", m.quantity(b == null ? 0 : b.askQuantityLots()));
        sb.append(',');
        str(sb, "o", m.price(t.openTicks()));
        sb.append(',');
        str(sb, "h", m.price(t.highTicks()));
        sb.append(',');
        str(sb, "l", m.price(t.lowTicks()));
        sb.append(',');
        str(sb, "v", m.quantity(t.volumeLots()));
        sb.append(',');
        str(sb, "q", m.quote(t.quoteVolumeMinor()));
        sb.append(',');
        num(sb, "O", t.openTimeMillis());
        sb.append(',');
        num(sb, "C", t.closeTimeMillis());
        sb.append(',');
        num(sb, "F", t.firstTradeId());
        sb.append(',');
        num(sb, "L", t.lastTradeId());
        sb.append(',');
        num(sb, "n", t.tradeCount());
        sb.append('}');
    }

    /** {@code !miniTicker@arr} / {@code !ticker@arr}: the tickers that changed, as one array. */
    byte[] tickerArray(MarketFormat[] formats, TickerStatistics[] changed, int count, boolean full) {
        StringBuilder sb = begin().append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(',');
            }
            MarketFormat m = formats[changed[i].marketId()];
            if (full) {
                ticker(sb, m, changed[i]);
            } else {
                miniTicker(sb, m, changed[i]);
            }
        }
        sb.append(']');
        return end();
    }

    /** {@code bookTicker}: {u,s,b,B,a,A}. */
    byte[] bookTicker(MarketFormat m, BookTicker b) {
        StringBuilder sb = begin().append('{');
        num(sb, "u", b.updateId());
        sb.append(',');
        str(sb, "s", m.symbol());
        sb.append(',');
        str(sb, "b", m.price(b.bidPriceTicks()));
        sb.append(',');
        str(sb, "B", m.quantity(b.bidQuantityLots()));
        sb.append(',');
        str(sb, "a", m.price(b.askPriceTicks()));
        sb.append(',');
        str(sb, "A", m.quantity(b.askQuantityLots()));
        sb.append('}');
        return end();
    }
}
