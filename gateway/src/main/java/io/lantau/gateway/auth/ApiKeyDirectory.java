package io.lantau.gateway.auth;

/** Finds active API keys by their public key string. Implementations are thread-safe and fast (cached). */
public interface ApiKeyDirectory {

    /** @return the active key, or {@code null} if there is none (unknown or revoked). */
    ApiKey find(String apiKey);
}
