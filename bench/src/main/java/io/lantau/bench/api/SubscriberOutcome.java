package io.lantau.bench.api;

import org.HdrHistogram.Histogram;

/**
 * What the WebSocket subscribers saw, totalled.
 *
 * @param subscribers    subscribers connected at the start.
 * @param connected      still connected at the end.
 * @param closedByServer closed by the server during the run (e.g. as slow consumers).
 * @param upToDate       still connected, no gap in trade ids, and reached the server's last trade.
 * @param gaps           times a trade id did not follow the previous one, over all subscribers.
 * @param trades         trade events received, over all subscribers.
 * @param depthUpdates   depth events received, over all subscribers.
 * @param lagMillis      arrival time minus trade time of the trades made in the measured window.
 * @param lastTradeId    the server's last trade id after the load (REST), -1 if none.
 * @param catchUpMillis  time after the load until all open subscribers had the last trade (or the timeout).
 */
public record SubscriberOutcome(int subscribers, int connected, int closedByServer, int upToDate, long gaps,
        long trades, long depthUpdates, Histogram lagMillis, long lastTradeId, long catchUpMillis) {
}
