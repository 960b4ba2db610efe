package io.lantau.compliance.onboarding;

import java.time.Instant;

/**
 * One access-log entry (HK-23).
 *
 * @param geoCountry ISO 3166-1 alpha-2 country the IP geolocates to, or "XX" if unknown.
 * @param reference  what the action concerned (an order or withdrawal id, a session id); may be null.
 */
public record AccessRecord(long id, long accountId, AccessAction action, String ip, String deviceId,
        String geoCountry, String reference, Instant occurredAt) {
}
