package io.lantau.custody.withdrawal;

import io.lantau.custody.travelrule.Ivms101;

/**
 * A client's withdrawal instruction as it arrives.
 *
 * @param requestId   the client's idempotency key (1 to 64 of {@code [A-Za-z0-9_-]}): the same key gives the same
 *                    withdrawal id, so a retried request has one effect.
 * @param amountMinor what the destination should receive; the profile's fee is added on top.
 * @param totpCode    the client's current TOTP code, or null.
 * @param clientIp    recorded with the withdrawal (HK-18 monitoring, HK-23).
 * @param deviceId    recorded with the withdrawal (HK-23).
 * @param travelRule  the IVMS 101 originator and beneficiary data collected with the request (HK-22), or null.
 */
public record WithdrawalRequest(long accountId, String asset, String requestId, String destination,
        long amountMinor, String totpCode, String clientIp, String deviceId, Ivms101.Payload travelRule) {
    /** A request without travel-rule data. */
    public WithdrawalRequest(long accountId, String asset, String requestId, String destination, long amountMinor,
            String totpCode, String clientIp, String deviceId) {
        this(accountId, asset, requestId, destination, amountMinor, totpCode, clientIp, deviceId, null);
    }
}
