package io.lantau.gateway.ws;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connections of one event loop and their stream subscriptions. The fan-out thread hands it batches of encoded
 * messages with one task per batch; it writes each message's bytes to each of its subscribers of that stream. It
 * also runs the liveness sweep of its connections. All state but {@link #pending} is touched on the loop's thread
 * only; {@link #pending} belongs to the fan-out thread.
 */
final class EventLoopFanOut {
    private final Context context;
    private final WebSocketGateway gateway;
    private final Map<Topic, ArrayList<MarketStreamSession>> subscribers = new HashMap<>();
    private final Set<Connection> connections = new HashSet<>();
    private final List<Connection> sweepList = new ArrayList<>();
    private final StreamEncoder encoder = new StreamEncoder();
    /** Messages for this loop collected by the fan-out thread since its last flush. Fan-out thread only. */
    ArrayList<Message> pending = new ArrayList<>();
    private long sweepTimer = -1;

    EventLoopFanOut(Context context, WebSocketGateway gateway) {
        this.context = context;
        this.gateway = gateway;
    }

    /** An encoder for messages made on this loop (snapshots sent on subscribe). */
    StreamEncoder encoder() {
        return encoder;
    }

    void add(Connection connection) {
        connections.add(connection);
        if (sweepTimer < 0) {
            long period = Math.max(10, Math.min(1_000, Math.min(gateway.limits().pingIntervalMillis(),
                    gateway.limits().pongTimeoutMillis()) / 4));
            sweepTimer = context.owner().setPeriodic(period, id -> sweep());
        }
    }

    void remove(Connection connection) {
        connections.remove(connection);
    }

    /** @return whether the session was newly subscribed. */
    boolean subscribe(Topic topic, MarketStreamSession session) {
        ArrayList<MarketStreamSession> list = subscribers.computeIfAbsent(topic, t -> new ArrayList<>());
        if (list.contains(session)) {
            return false;
        }
        list.add(session);
        if (list.size() == 1) {
            topic.addLoop(this);
        }
        return true;
    }

    void unsubscribe(Topic topic, MarketStreamSession session) {
        ArrayList<MarketStreamSession> list = subscribers.get(topic);
        if (list != null && list.remove(session) && list.isEmpty()) {
            subscribers.remove(topic);
            topic.removeLoop(this);
        }
    }

    /** Hands a batch to this loop (from the fan-out thread). */
    void post(List<Message> batch) {
        context.runOnContext(v -> deliver(batch));
    }

    private void deliver(List<Message> batch) {
        for (int b = 0, n = batch.size(); b < n; b++) {
            Message message = batch.get(b);
            ArrayList<MarketStreamSession> list = subscribers.get(message.topic());
            if (list == null) {
                continue;
            }
            // Backwards: a dropped session removes itself from the list while we walk it.
            for (int i = list.size() - 1; i >= 0; i--) {
                if (i >= list.size()) {
                    continue;
                }
                MarketStreamSession session = list.get(i);
                session.send(session.combined() ? message.combined() : message.raw());
            }
        }
    }

    void runOnLoop(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    private void sweep() {
        long now = gateway.nowMillis();
        sweepList.clear();
        sweepList.addAll(connections);
        for (Connection c : sweepList) {
            c.sweep(now);
        }
        sweepList.clear();
    }
}
