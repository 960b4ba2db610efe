package io.lantau.gateway.auth;

import io.lantau.compliance.onboarding.AccessAction;

/**
 * Where the gateway reports each order or withdrawal request for the access log (HK-23: IP address, time and device
 * identifier of every login, order and withdrawal request). Called on the request's thread: an implementation must
 * not block (the platform's queues the record and writes it in batches).
 */
@FunctionalInterface
public interface AccessRecorder {
    /** Records nothing: for tests and tools. */
    AccessRecorder NONE = (accountId, action, ip, deviceId, reference) -> { };

    /**
     * @param deviceId  the client's device identifier (for signed API calls, the API key's id).
     * @param reference the order or withdrawal the request concerns, if known; may be null.
     */
    void record(long accountId, AccessAction action, String ip, String deviceId, String reference);
}
