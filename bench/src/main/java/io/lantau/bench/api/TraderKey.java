package io.lantau.bench.api;

/**
 * An HMAC API key that may trade, and the secret it signs with.
 *
 * @param apiKey the key sent in {@code X-MBX-APIKEY}.
 * @param secret the HMAC-SHA256 secret, as the server showed it once.
 */
public record TraderKey(String apiKey, String secret) {
}
