package io.lantau.gateway.auth;

import io.lantau.gateway.binance.BinanceError;
import io.lantau.gateway.binance.BinanceException;
import io.lantau.gateway.binance.Params;
import java.util.function.LongSupplier;

/**
 * Authenticates a signed request the way Binance does, in Binance's order of checks: the API key (header
 * {@code X-MBX-APIKEY}), its IP allowlist and permission, then {@code timestamp} and {@code recvWindow}, then the
 * signature over the raw payload, and finally (beyond Binance) that the signature was not used before. Thread-safe.
 */
public final class RequestAuthenticator {
    public static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;
    public static final long MAX_RECV_WINDOW_MILLIS = 60_000;
    private static final int MAX_API_KEY_LENGTH = 128;

    private final ApiKeyDirectory keys;
    private final ReplayGuard replays = new ReplayGuard();
    private final LongSupplier clockMillis;

    public RequestAuthenticator(ApiKeyDirectory keys, LongSupplier clockMillis) {
        this.keys = keys;
        this.clockMillis = clockMillis;
    }

    /** @return the key of a request that needs only the API key (no signature), such as a user-data stream. */
    public ApiKey keyOnly(String apiKeyHeader, String clientIp) {
        if (apiKeyHeader == null || apiKeyHeader.isEmpty() || apiKeyHeader.length() > MAX_API_KEY_LENGTH) {
            throw new BinanceException(BinanceError.BAD_API_KEY_FORMAT);
        }
        ApiKey key = keys.find(apiKeyHeader);
        if (key == null || !key.allowsIp(clientIp)) {
            throw new BinanceException(BinanceError.REJECTED_MBX_KEY);
        }
        return key;
    }

    /**
     * @return the authenticated key.
     * @throws BinanceException with Binance's code for the first check that fails.
     */
    public ApiKey authenticate(Params params, String apiKeyHeader, String clientIp, Permission needed) {
        ApiKey key = keyOnly(apiKeyHeader, clientIp);
        boolean allowed = switch (needed) {
            case READ -> key.canRead();
            case TRADE -> key.canTrade();
            case WITHDRAW -> key.canWithdraw();
        };
        if (!allowed) {
            throw new BinanceException(BinanceError.REJECTED_MBX_KEY);
        }
        long timestamp = params.requiredLong("timestamp");
        long recvWindow = params.optionalLong("recvWindow", DEFAULT_RECV_WINDOW_MILLIS);
        if (recvWindow <= 0) {
            throw new BinanceException(BinanceError.invalidData("recvWindow"));
        }
        if (recvWindow > MAX_RECV_WINDOW_MILLIS) {
            throw new BinanceException(BinanceError.BAD_RECV_WINDOW);
        }
        long now = clockMillis.getAsLong();
        checkTimestamp(timestamp, recvWindow, now);
        String signature = params.signature();
        if (signature == null || signature.isEmpty()) {
            throw new BinanceException(BinanceError.mandatory("signature"));
        }
        if (!SignatureVerifier.verify(key, params.signaturePayload(), signature)) {
            throw new BinanceException(BinanceError.INVALID_SIGNATURE);
        }
        if (!replays.firstUse(signature, timestamp, now)) {
            throw new BinanceException(BinanceError.DUPLICATE_REQUEST);
        }
        return key;
    }

    /** Binance's two timestamp rules, in its order. */
    public static void checkTimestamp(long timestamp, long recvWindow, long now) {
        if (timestamp >= now + 1_000) {
            throw new BinanceException(BinanceError.INVALID_TIMESTAMP_AHEAD);
        }
        if (now - timestamp > recvWindow) {
            throw new BinanceException(BinanceError.INVALID_TIMESTAMP_WINDOW);
        }
    }
}
