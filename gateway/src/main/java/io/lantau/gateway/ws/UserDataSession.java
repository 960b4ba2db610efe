package io.lantau.gateway.ws;

import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.binance.BinanceError;
import io.lantau.gateway.binance.BinanceException;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to the WebSocket API ({@code /ws-api/v3}), serving what user-data clients use: {@code ping},
 * {@code time}, {@code session.logon} (Ed25519), {@code session.status}, {@code session.logout},
 * {@code userDataStream.subscribe} (after logon), {@code userDataStream.subscribe.signature} (any key type, signed
 * per request), {@code userDataStream.unsubscribe} and {@code session.subscriptions}. Answers are
 * {@code {"id":..,"status":200,"result":..}} or {@code {"id":..,"status":4xx,"error":{"code":..,"msg":..}}}; events
 * arrive as {@code {"subscriptionId":N,"event":{...}}}. Touched only on its event loop, except {@link #deliver}.
 */
final class UserDataSession extends Connection {
    private static final BinanceError NOT_LOGGED_ON = BinanceError.UNAUTHORIZED;
    private static final BinanceError ALREADY_SUBSCRIBED = new BinanceError(400, -2035,
            "User Data Stream subscription already active.");
    private static final BinanceError NO_SUCH_SUBSCRIPTION = new BinanceError(400, -2036,
            "User Data Stream subscription not found.");
    private static final BinanceError TOO_MANY = new BinanceError(429, -1003,
            "Too many requests; current limit is exceeded.");

    private final WsApiAuthenticator authenticator;
    private final UserDataProjection userData;
    private final List<UserDataProjection.Subscription> subscriptions = new ArrayList<>();
    private ApiKey loggedOn;
    private long authorizedSince;
    private long nextSubscriptionId;

    UserDataSession(ServerWebSocket ws, EventLoopFanOut loop, WebSocketGateway gateway, String ip,
            WsApiAuthenticator authenticator, UserDataProjection userData) {
        super(ws, loop, gateway, ip);
        this.authenticator = authenticator;
        this.userData = userData;
    }

    @Override
    void onText(String text) {
        JsonObject request;
        try {
            request = new JsonObject(text);
        } catch (RuntimeException e) {
            send(new JsonObject().putNull("id").put("status", 400).put("error", new JsonObject()
                    .put("code", -1100).put("msg", "Malformed request: not a JSON object.")).encode());
            return;
        }
        Object id = request.getValue("id");
        try {
            if (!withinRate(gateway.limits().maxApiRequestsPerSecond())) {
                throw new BinanceException(TOO_MANY);
            }
            if (!(request.getValue("method") instanceof String method)) {
                throw new BinanceException(BinanceError.mandatory("method"));
            }
            Object rawParams = request.getValue("params");
            if (rawParams != null && !(rawParams instanceof JsonObject)) {
                throw new BinanceException(BinanceError.invalidData("params"));
            }
            JsonObject params = rawParams == null ? new JsonObject() : (JsonObject) rawParams;
            ok(id, switch (method) {
                case "ping" -> new JsonObject();
                case "time" -> new JsonObject().put("serverTime", gateway.nowMillis());
                case "session.logon" -> logon(params);
                case "session.status" -> status();
                case "session.logout" -> logout();
                case "session.subscriptions" -> list();
                case "userDataStream.subscribe" -> {
                    if (loggedOn == null) {
                        throw new BinanceException(NOT_LOGGED_ON);
                    }
                    yield subscribe(loggedOn);
                }
                case "userDataStream.subscribe.signature" -> subscribe(authenticator.authenticate(params, ip, false));
                case "userDataStream.unsubscribe" -> unsubscribe(params);
                default -> throw new BinanceException(new BinanceError(400, -1100,
                        "Unknown method '" + method + "'."));
            });
        } catch (BinanceException e) {
            BinanceError error = e.error();
            send(new JsonObject().put("id", id).put("status", error.httpStatus()).put("error",
                    new JsonObject().put("code", error.code()).put("msg", error.msg())).encode());
        }
    }

    private void ok(Object id, Object result) {
        send(new JsonObject().put("id", id).put("status", 200).put("result", result).encode());
    }

    private JsonObject logon(JsonObject params) {
        ApiKey key = authenticator.authenticate(params, ip, true);
        loggedOn = key;
        authorizedSince = gateway.nowMillis();
        return status();
    }

    private JsonObject status() {
        return new JsonObject()
                .put("apiKey", loggedOn == null ? null : loggedOn.apiKey())
                .put("authorizedSince", loggedOn == null ? null : authorizedSince)
                .put("connectedSince", connectedMillis)
                .put("returnRateLimits", false)
                .put("serverTime", gateway.nowMillis())
                .put("userDataStream", !subscriptions.isEmpty());
    }

    private JsonObject logout() {
        loggedOn = null;
        return status();
    }

    private JsonArray list() {
        JsonArray list = new JsonArray();
        for (UserDataProjection.Subscription s : subscriptions) {
            list.add(new JsonObject().put("subscriptionId", s.subscriptionId()));
        }
        return list;
    }

    private JsonObject subscribe(ApiKey key) {
        for (UserDataProjection.Subscription s : subscriptions) {
            if (s.accountId() == key.accountId()) {
                throw new BinanceException(ALREADY_SUBSCRIBED);
            }
        }
        UserDataProjection.Subscription subscription = new UserDataProjection.Subscription(this,
                nextSubscriptionId++, key.accountId());
        subscriptions.add(subscription);
        userData.add(subscription);
        return new JsonObject().put("subscriptionId", subscription.subscriptionId());
    }

    private JsonObject unsubscribe(JsonObject params) {
        long id = WsApiAuthenticator.wholeNumber(params, "subscriptionId", false);
        boolean found = false;
        for (int i = subscriptions.size() - 1; i >= 0; i--) {
            UserDataProjection.Subscription s = subscriptions.get(i);
            if (id < 0 || s.subscriptionId() == id) {
                subscriptions.remove(i);
                userData.remove(s);
                found = true;
            }
        }
        if (id >= 0 && !found) {
            throw new BinanceException(NO_SUCH_SUBSCRIPTION);
        }
        return new JsonObject();
    }

    /** Sends one command's events of a subscription (from the dispatcher thread: hops to this loop). */
    void deliver(UserDataProjection.Subscription subscription, List<String> events) {
        loop.runOnLoop(() -> {
            if (!subscriptions.contains(subscription)) {
                return;
            }
            for (String event : events) {
                if (!send("{\"subscriptionId\":" + subscription.subscriptionId() + ",\"event\":" + event + "}")) {
                    return;
                }
            }
        });
    }

    @Override
    void onClosed() {
        for (UserDataProjection.Subscription s : subscriptions) {
            userData.remove(s);
        }
        subscriptions.clear();
    }
}
