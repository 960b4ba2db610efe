package io.lantau.bench.api;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one API load run measured.
 *
 * @param options         the run's settings.
 * @param okPerSec        answers with HTTP 200 per second of the measured window (for orders: accepted end to end,
 *                        i.e. authenticated, journaled with the configured fsync, applied and projected).
 * @param answersPerSec   all answers per second of the measured window.
 * @param latencyMicros   per request intended in the window: from its intended send time (open loop) or its send
 *                        (closed loop) to its answer; requests never answered count with their age at the end.
 * @param unanswered      measured requests without an answer when the run ended.
 * @param connectionFailures requests that failed at the connection level.
 * @param errors          answers other than 200, by status and Binance code (whole run, warm-up included).
 * @param mix             requests sent by kind (whole run).
 * @param ws              what the WebSocket subscribers saw, or null without subscribers.
 * @param loadBefore      the machine's load average before the run.
 * @param loadAfter       and after.
 */
public record ApiLoadReport(ApiLoadOptions options, double okPerSec, double answersPerSec, Histogram latencyMicros,
        long unanswered, long connectionFailures, Map<String, Long> errors, Map<String, Long> mix,
        SubscriberOutcome ws, String loadBefore, String loadAfter) {

    public double percentileMillis(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return the report as exactly one JSON object on one line. */
    public String toJson() {
        StringBuilder json = new StringBuilder(1024).append('{');
        field(json, "benchmark", options.hello() ? "http-hello" : "api");
        number(json, options.hello() ? "helloPerSec" : "ordersPerSec", Math.round(okPerSec));
        number(json, "answersPerSec", Math.round(answersPerSec));
        decimal(json, "p50Millis", percentileMillis(50));
        decimal(json, "p90Millis", percentileMillis(90));
        decimal(json, "p99Millis", percentileMillis(99));
        decimal(json, "p999Millis", percentileMillis(99.9));
        decimal(json, "maxMillis", latencyMicros.getMaxValue() / 1000.0);
        number(json, "latencySamples", latencyMicros.getTotalCount());
        field(json, "latencyMeasure", options.openLoop() ? "from intended send time (open loop)"
                : "from send (closed loop)");
        number(json, "rateOffered", options.ratePerSec());
        number(json, "connections", options.connections());
        number(json, "pipelineDepth", options.pipelineDepth());
        number(json, "clientThreads", options.clientThreads());
        number(json, "warmupSeconds", options.warmupSeconds());
        number(json, "durationSeconds", options.durationSeconds());
        number(json, "unanswered", unanswered);
        number(json, "connectionFailures", connectionFailures);
        map(json, "errors", errors);
        map(json, "mix", mix);
        number(json, "wsSubscribers", ws == null ? 0 : ws.subscribers());
        if (ws != null) {
            number(json, "wsConnectedAtEnd", ws.connected());
            number(json, "wsClosedByServer", ws.closedByServer());
            number(json, "wsUpToDate", ws.upToDate());
            number(json, "wsTradeGaps", ws.gaps());
            number(json, "wsTradesReceived", ws.trades());
            number(json, "wsDepthUpdatesReceived", ws.depthUpdates());
            number(json, "wsLastTradeId", ws.lastTradeId());
            number(json, "wsCatchUpMillis", ws.catchUpMillis());
            number(json, "wsTradeLagP50Millis", ws.lagMillis().getValueAtPercentile(50));
            number(json, "wsTradeLagP99Millis", ws.lagMillis().getValueAtPercentile(99));
            number(json, "wsTradeLagMaxMillis", ws.lagMillis().getMaxValue());
        }
        field(json, "loadAverageBefore", loadBefore);
        field(json, "loadAverageAfter", loadAfter);
        field(json, "javaVersion", System.getProperty("java.version"));
        number(json, "cpus", Runtime.getRuntime().availableProcessors());
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    /** @return the report as lines for people. */
    public String toText() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%s: %,.0f/s answered 200 (%,.0f answers/s) over %d s, %d connections, "
                + "%s%n", options.hello() ? "hello" : "orders", okPerSec, answersPerSec, options.durationSeconds(),
                options.connections(), options.openLoop() ? String.format(Locale.ROOT, "offered %,d/s open loop",
                        options.ratePerSec()) : "closed loop, " + options.pipelineDepth() + " in flight each"));
        t.append(String.format(Locale.ROOT, "latency (%s, %,d samples): p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  "
                + "p99.9 %.2f ms  max %.2f ms%n", options.openLoop() ? "from intended send time" : "from send",
                latencyMicros.getTotalCount(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                percentileMillis(99.9), latencyMicros.getMaxValue() / 1000.0));
        if (unanswered > 0 || connectionFailures > 0) {
            t.append(String.format(Locale.ROOT, "unanswered at the end: %,d; connection failures: %,d%n", unanswered,
                    connectionFailures));
        }
        if (!mix.isEmpty()) {
            t.append("sent: ").append(mix.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append(System.lineSeparator());
        }
        if (!errors.isEmpty()) {
            t.append("answers other than 200 (status code: count): ").append(errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")))
                    .append(System.lineSeparator());
        }
        if (ws != null) {
            t.append(String.format(Locale.ROOT, "WebSocket: %,d subscribers, %,d connected at the end (%,d closed by "
                    + "the server), %,d up to date (every trade to #%d, no gap; caught up %,d ms after the load), "
                    + "%,d gaps; received %,d trades and %,d depth updates%n", ws.subscribers(), ws.connected(),
                    ws.closedByServer(), ws.upToDate(), ws.lastTradeId(), ws.catchUpMillis(), ws.gaps(), ws.trades(),
                    ws.depthUpdates()));
            t.append(String.format(Locale.ROOT, "trade lag (event time T to arrival, %,d measured): p50 %d ms  p99 "
                    + "%d ms  max %d ms%n", ws.lagMillis().getTotalCount(), ws.lagMillis().getValueAtPercentile(50),
                    ws.lagMillis().getValueAtPercentile(99), ws.lagMillis().getMaxValue()));
        }
        t.append("load average before ").append(loadBefore).append(", after ").append(loadAfter)
                .append(System.lineSeparator());
        return t.toString();
    }

    private static void number(StringBuilder json, String name, long value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void decimal(StringBuilder json, String name, double value) {
        json.append('"').append(name).append("\":").append(String.format(Locale.ROOT, "%.3f", value)).append(',');
    }

    private static void map(StringBuilder json, String name, Map<String, Long> values) {
        json.append('"').append(name).append("\":{");
        values.forEach((k, v) -> {
            json.append('"');
            escape(json, k);
            json.append("\":").append(v).append(',');
        });
        if (!values.isEmpty()) {
            json.setLength(json.length() - 1);
        }
        json.append("},");
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        escape(json, value);
        json.append("\",");
    }

    private static void escape(StringBuilder json, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
    }
}
