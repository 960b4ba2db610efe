package io.lantau.compliance.security;

import java.time.Instant;

/**
 * A sign-in that has passed the password and waits for its second step (table {@code login_challenges}).
 *
 * @param idHash    the hash of the challenge token (the token is only in the client's hands), opaque here.
 * @param userId    the user signing in.
 * @param purpose   which second step it waits for.
 * @param failures  wrong codes sent for it so far.
 * @param createdAt when the password was accepted.
 * @param expiresAt when it stops being accepted.
 */
public record LoginChallenge(String idHash, long userId, Purpose purpose, int failures, Instant createdAt,
        Instant expiresAt) {

    /** The second step a challenge waits for. */
    public enum Purpose {
        /** A code from the user's active TOTP app. */
        TOTP,
        /** TOTP enrolment, required before the first session (the profile requires TOTP; the user has none). */
        ENROL
    }
}
