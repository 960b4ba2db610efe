package io.lantau.gateway.ws;

import io.lantau.gateway.auth.ApiKey;
import io.lantau.gateway.auth.ReplayGuard;
import io.lantau.gateway.auth.RequestAuthenticator;
import io.lantau.gateway.auth.SignatureVerifier;
import io.lantau.gateway.binance.BinanceError;
import io.lantau.gateway.binance.BinanceException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Signed requests of the WebSocket API, checked as Binance checks them and in the REST API's order: the key (format,
 * existence, IP allowlist), its READ permission, {@code timestamp} and {@code recvWindow}, then the signature, then
 * (beyond Binance) that the signature was not used before. The signed payload is every parameter but
 * {@code signature}, sorted by name, joined as {@code name=value&...} with the values as sent (not URL-encoded).
 * Thread-safe.
 */
final class WsApiAuthenticator {
    static final BinanceError HMAC_NOT_SUPPORTED = new BinanceError(400, -4056,
            "HMAC_SHA256 API key is not supported.");

    private final RequestAuthenticator keys;
    private final ReplayGuard replays = new ReplayGuard();
    private final LongSupplier clockMillis;

    WsApiAuthenticator(RequestAuthenticator keys, LongSupplier clockMillis) {
        this.keys = keys;
        this.clockMillis = clockMillis;
    }

    /**
     * @param ed25519Only whether the method accepts only Ed25519 keys ({@code session.logon}).
     * @return the authenticated key.
     * @throws BinanceException with Binance's code for the first check that fails.
     */
    ApiKey authenticate(JsonObject params, String ip, boolean ed25519Only) {
        ApiKey key = keys.keyOnly(text(params, "apiKey", true), ip);
        if (ed25519Only && key.type() != ApiKey.KeyType.ED25519) {
            throw new BinanceException(HMAC_NOT_SUPPORTED);
        }
        if (!key.canRead()) {
            throw new BinanceException(BinanceError.REJECTED_MBX_KEY);
        }
        long timestamp = wholeNumber(params, "timestamp", true);
        long recvWindow = params.containsKey("recvWindow") ? wholeNumber(params, "recvWindow", true)
                : RequestAuthenticator.DEFAULT_RECV_WINDOW_MILLIS;
        if (recvWindow <= 0) {
            throw new BinanceException(BinanceError.invalidData("recvWindow"));
        }
        if (recvWindow > RequestAuthenticator.MAX_RECV_WINDOW_MILLIS) {
            throw new BinanceException(BinanceError.BAD_RECV_WINDOW);
        }
        long now = clockMillis.getAsLong();
        RequestAuthenticator.checkTimestamp(timestamp, recvWindow, now);
        String signature = text(params, "signature", true);
        if (!SignatureVerifier.verify(key, payload(params), signature)) {
            throw new BinanceException(BinanceError.INVALID_SIGNATURE);
        }
        if (!replays.firstUse(signature, timestamp, now)) {
            throw new BinanceException(BinanceError.DUPLICATE_REQUEST);
        }
        return key;
    }

    /** @return the signed text: parameters but the signature, sorted by name, {@code k=v} joined by {@code &}. */
    static String payload(JsonObject params) {
        List<String> names = new ArrayList<>(params.fieldNames());
        names.remove("signature");
        names.sort(null);
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            Object value = params.getValue(name);
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new BinanceException(BinanceError.invalidData(name));
            }
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(name).append('=').append(value);
        }
        return sb.toString();
    }

    static String text(JsonObject params, String name, boolean required) {
        Object value = params.getValue(name);
        if (value == null || value instanceof String s && s.isEmpty()) {
            if (required) {
                throw new BinanceException(BinanceError.mandatory(name));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new BinanceException(BinanceError.invalidData(name));
        }
        return s;
    }

    static long wholeNumber(JsonObject params, String name, boolean required) {
        Object value = params.getValue(name);
        if (value == null) {
            if (required) {
                throw new BinanceException(BinanceError.mandatory(name));
            }
            return -1;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s && !s.isEmpty() && s.length() <= 19 && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        throw new BinanceException(BinanceError.illegalValue(name));
    }
}
