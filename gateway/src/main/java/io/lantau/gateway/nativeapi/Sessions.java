package io.lantau.gateway.nativeapi;

import io.lantau.store.account.Session;
import io.lantau.store.account.SessionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Browser sessions (HK-31, VATP 12.12(d)): a random 256-bit token in an {@code HttpOnly; SameSite=Strict} cookie and
 * a random 256-bit CSRF token given to the page, of which the store keeps only SHA-256 hashes. A session expires after
 * {@code idleTimeout} without use (each use slides it) and at {@code absoluteTimeout} after sign-in whatever the use.
 * A state-changing request must send the CSRF token in {@code X-CSRF-Token}; it is checked against the stored hash in
 * constant time. Thread-safe; blocking (JDBC).
 */
final class Sessions {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int TOKEN_BYTES = 32;
    /** Base64url without padding of 32 bytes. */
    private static final int TOKEN_CHARS = 43;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final SessionRepository repository;
    private final NativeApiSettings.SessionRules rules;
    private final Clock clock;
    private final SecureRandom random;
    private final String cookieName;

    /** A new session with its two tokens, which exist only in this answer (the store has their hashes). */
    record Opened(Session session, String token, String csrfToken) {
        @Override
        public String toString() {
            return "Opened{user " + session.userId() + "}";
        }
    }

    Sessions(SessionRepository repository, NativeApiSettings.SessionRules rules, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
        this.random = random;
        // The __Host- prefix makes browsers refuse the cookie unless Secure, Path=/ and without Domain.
        this.cookieName = rules.secureCookie() ? "__Host-lantau_session" : "lantau_session";
    }

    String cookieName() {
        return cookieName;
    }

    /** Starts a session for {@code userId}. */
    Opened open(long userId) {
        Instant now = clock.instant();
        String token = randomToken();
        String csrf = randomToken();
        Session session = new Session(sha256(token), userId, sha256(csrf), now, now, expiry(now, now));
        repository.create(session);
        return new Opened(session, token, csrf);
    }

    /**
     * @param token     the cookie's value, or null.
     * @param csrfToken the {@code X-CSRF-Token} header, or null; checked only when {@code changesState}.
     * @return the live session, its expiry slid forward.
     * @throws NativeException {@link NativeError#UNAUTHENTICATED} without a live session,
     *                         {@link NativeError#CSRF_TOKEN_INVALID} for a state change without the session's token.
     */
    Session authenticate(String token, String csrfToken, boolean changesState) {
        if (token == null || token.length() != TOKEN_CHARS) {
            throw new NativeException(NativeError.UNAUTHENTICATED);
        }
        Instant now = clock.instant();
        String idHash = sha256(token);
        Session session = repository.findLive(idHash, now)
                .orElseThrow(() -> new NativeException(NativeError.UNAUTHENTICATED));
        if (changesState && (csrfToken == null || csrfToken.length() != TOKEN_CHARS
                || !MessageDigest.isEqual(sha256(csrfToken).getBytes(StandardCharsets.US_ASCII),
                        session.csrfTokenHash().getBytes(StandardCharsets.US_ASCII)))) {
            throw new NativeException(NativeError.CSRF_TOKEN_INVALID);
        }
        Instant expiresAt = expiry(session.createdAt(), now);
        if (!repository.touch(idHash, now, expiresAt)) {
            throw new NativeException(NativeError.UNAUTHENTICATED);
        }
        return new Session(session.idHash(), session.userId(), session.csrfTokenHash(), session.createdAt(), now,
                expiresAt);
    }

    /** Ends a session (sign-out). */
    void close(Session session) {
        repository.delete(session.idHash());
    }

    /** @return the {@code Set-Cookie} value that gives the browser {@code token}. */
    String cookie(String token) {
        return cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (rules.secureCookie() ? "; Secure" : "");
    }

    /** @return the {@code Set-Cookie} value that makes the browser drop the cookie. */
    String clearingCookie() {
        return cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (rules.secureCookie() ? "; Secure" : "");
    }

    private Instant expiry(Instant createdAt, Instant now) {
        Instant idle = now.plus(rules.idleTimeout());
        Instant absolute = createdAt.plus(rules.absoluteTimeout());
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    /** @return lowercase hex SHA-256 of the token's ASCII text: what the store keeps. */
    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
