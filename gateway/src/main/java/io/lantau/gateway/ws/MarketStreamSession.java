package io.lantau.gateway.ws;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One market-stream connection ({@code /ws/...} raw, {@code /stream?streams=...} combined) and Binance's methods on
 * it: {@code SUBSCRIBE}, {@code UNSUBSCRIBE}, {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY} and
 * {@code GET_PROPERTY} ({@code combined}). Replies are {@code {"result":..,"id":..}}; errors
 * {@code {"error":{"code":..,"msg":..},"id":..}} with Binance's stream error codes (0 unknown property, 1 bad value
 * type, 2 invalid request, 3 invalid JSON). A connection that sends more than its message rate is closed, as on
 * Binance. Touched only on its event loop.
 */
final class MarketStreamSession extends Connection {
    private final StreamCatalog catalog;
    private final MarketStreams streams;
    private final LinkedHashSet<Topic> topics = new LinkedHashSet<>();
    private boolean combined;

    MarketStreamSession(ServerWebSocket ws, EventLoopFanOut loop, WebSocketGateway gateway, String ip,
            StreamCatalog catalog, MarketStreams streams, boolean combined) {
        super(ws, loop, gateway, ip);
        this.catalog = catalog;
        this.streams = streams;
        this.combined = combined;
    }

    boolean combined() {
        return combined;
    }

    /** Subscribes to the streams named in the connection's URL. */
    void subscribeAll(List<Topic> initial) {
        for (Topic topic : initial) {
            if (subscribe(topic)) {
                sendCurrentState(topic);
            }
        }
    }

    @Override
    void onText(String text) {
        if (!withinRate(gateway.limits().maxIncomingPerSecond())) {
            close(POLICY_VIOLATION, "Too many requests");
            return;
        }
        JsonObject request;
        try {
            request = new JsonObject(text);
        } catch (RuntimeException e) {
            error(null, 3, "Invalid JSON: expected a JSON object");
            return;
        }
        Object id = request.getValue("id");
        if (id != null && !(id instanceof String) && !((id instanceof Integer || id instanceof Long)
                && ((Number) id).longValue() >= 0)) {
            error(null, 2, "Invalid request: request ID must be an unsigned integer");
            return;
        }
        for (String key : request.fieldNames()) {
            if (!key.equals("id") && !key.equals("method") && !key.equals("params")) {
                error(id, 2, "Invalid request: unknown field `" + key + "`");
                return;
            }
        }
        if (!(request.getValue("method") instanceof String method)) {
            error(id, 2, "Invalid request: missing field `method`");
            return;
        }
        Object params = request.getValue("params");
        switch (method) {
            case "SUBSCRIBE" -> subscribeRequest(id, params);
            case "UNSUBSCRIBE" -> unsubscribeRequest(id, params);
            case "LIST_SUBSCRIPTIONS" -> {
                JsonArray names = new JsonArray();
                topics.forEach(t -> names.add(t.name));
                reply(id, names);
            }
            case "SET_PROPERTY" -> setProperty(id, params);
            case "GET_PROPERTY" -> getProperty(id, params);
            default -> error(id, 2, "Invalid request: unknown variant `" + method
                    + "`, expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, "
                    + "`GET_PROPERTY`");
        }
    }

    private List<Topic> streamParams(Object id, Object params) {
        if (!(params instanceof JsonArray list)) {
            error(id, 2, "Invalid request: params must be an array of stream names");
            return null;
        }
        List<Topic> named = new ArrayList<>(list.size());
        for (Object item : list) {
            Topic topic = item instanceof String s ? catalog.byName(s) : null;
            if (topic == null) {
                error(id, 2, "Invalid request: invalid stream name `" + item + "`");
                return null;
            }
            named.add(topic);
        }
        return named;
    }

    private void subscribeRequest(Object id, Object params) {
        List<Topic> named = streamParams(id, params);
        if (named == null) {
            return;
        }
        int adding = 0;
        for (Topic t : new LinkedHashSet<>(named)) {
            if (!topics.contains(t)) {
                adding++;
            }
        }
        if (topics.size() + adding > gateway.limits().maxStreamsPerConnection()) {
            error(id, 2, "Invalid request: too many streams; at most " + gateway.limits().maxStreamsPerConnection()
                    + " per connection");
            return;
        }
        // Subscribe first, then reply: everything published after the reply reaches this connection.
        List<Topic> added = new ArrayList<>();
        for (Topic topic : named) {
            if (subscribe(topic)) {
                added.add(topic);
            }
        }
        reply(id, null);
        for (Topic topic : added) {
            sendCurrentState(topic);
        }
    }

    private boolean subscribe(Topic topic) {
        if (!topics.add(topic)) {
            return false;
        }
        loop.subscribe(topic, this);
        gateway.countSubscriptions(1);
        return true;
    }

    /** A partial book stream starts with the book as it is now, not at the next change. */
    private void sendCurrentState(Topic topic) {
        if (topic.kind == Topic.Kind.DEPTH_PARTIAL) {
            byte[] raw = loop.encoder().partialDepth(streams.format(topic.marketId),
                    streams.marketData().depth(topic.marketId, topic.levels));
            send(combined ? topic.combined(raw) : raw);
        }
    }

    private void unsubscribeRequest(Object id, Object params) {
        List<Topic> named = streamParams(id, params);
        if (named == null) {
            return;
        }
        for (Topic topic : named) {
            if (topics.remove(topic)) {
                loop.unsubscribe(topic, this);
                gateway.countSubscriptions(-1);
            }
        }
        reply(id, null);
    }

    private void setProperty(Object id, Object params) {
        if (!(params instanceof JsonArray list) || list.size() != 2) {
            error(id, 2, "Invalid request: SET_PROPERTY takes a property name and a value");
            return;
        }
        if (!"combined".equals(list.getValue(0))) {
            error(id, 0, "Unknown property");
            return;
        }
        if (!(list.getValue(1) instanceof Boolean value)) {
            error(id, 1, "Invalid value type: expected Boolean");
            return;
        }
        combined = value;
        reply(id, null);
    }

    private void getProperty(Object id, Object params) {
        if (!(params instanceof JsonArray list) || list.size() != 1) {
            error(id, 2, "Invalid request: GET_PROPERTY takes a property name");
            return;
        }
        if (!"combined".equals(list.getValue(0))) {
            error(id, 0, "Unknown property");
            return;
        }
        reply(id, combined);
    }

    private void reply(Object id, Object result) {
        send(new JsonObject().put("result", result).put("id", id).encode());
    }

    private void error(Object id, int code, String msg) {
        send(new JsonObject().put("error", new JsonObject().put("code", code).put("msg", msg)).put("id", id)
                .encode());
    }

    @Override
    void onClosed() {
        for (Topic topic : topics) {
            loop.unsubscribe(topic, this);
        }
        gateway.countSubscriptions(-topics.size());
        topics.clear();
    }
}
