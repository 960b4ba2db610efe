package io.lantau.store.account;

import java.time.Instant;

/**
 * A signed-in browser session.
 *
 * @param idHash        the hash of the session token (the token is only in the cookie), opaque here.
 * @param csrfTokenHash the hash of the session's CSRF token, opaque here.
 */
public record Session(String idHash, long userId, String csrfTokenHash, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt) {

    /** @return whether the session is still valid at {@code now}. */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
