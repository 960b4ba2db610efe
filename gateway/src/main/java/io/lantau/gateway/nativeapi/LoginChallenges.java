package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.LoginChallenge;
import io.lantau.compliance.security.LoginChallengeRepository;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The step between a correct password and a session (HK-29): a random 256-bit {@code loginToken}, of which the store
 * keeps the SHA-256 hash, valid for {@value #TTL_MINUTES} minutes and for at most {@value #MAX_FAILURES} wrong codes.
 * Every wrong code also counts against the address's lock-out, and a correct password does not clear that count
 * until a session opens; so a password holder gets no more code guesses than the lock-out allows. Thread-safe;
 * blocking (JDBC).
 */
final class LoginChallenges {
    static final int TTL_MINUTES = 5;
    static final int MAX_FAILURES = 5;
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_CHARS = 43;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final LoginChallengeRepository repository;
    private final SecureRandom random;
    private final Clock clock;

    LoginChallenges(LoginChallengeRepository repository, SecureRandom random, Clock clock) {
        this.repository = repository;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Starts the second step for {@code userId}.
     *
     * @return the 401 refusal ({@link NativeError#TOTP_REQUIRED} or {@link NativeError#TOTP_ENROLMENT_REQUIRED})
     *         that carries the {@code loginToken}: no session exists yet.
     */
    Reply issue(long userId, LoginChallenge.Purpose purpose) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = B64URL.encodeToString(bytes);
        Instant now = clock.instant();
        repository.create(new LoginChallenge(Sessions.sha256(token), userId, purpose, 0, now,
                now.plus(Duration.ofMinutes(TTL_MINUTES))));
        NativeError error = purpose == LoginChallenge.Purpose.TOTP ? NativeError.TOTP_REQUIRED
                : NativeError.TOTP_ENROLMENT_REQUIRED;
        return Reply.error(error, new JsonObject().put("loginToken", token)
                .put("expiresInSeconds", TTL_MINUTES * 60));
    }

    /**
     * @return the live challenge of {@code token} for {@code purpose}.
     * @throws NativeException {@link NativeError#LOGIN_CHALLENGE_INVALID} otherwise.
     */
    LoginChallenge find(String token, LoginChallenge.Purpose purpose) {
        if (token.length() != TOKEN_CHARS) {
            throw new NativeException(NativeError.LOGIN_CHALLENGE_INVALID);
        }
        return repository.findLive(Sessions.sha256(token), clock.instant())
                .filter(c -> c.purpose() == purpose)
                .orElseThrow(() -> new NativeException(NativeError.LOGIN_CHALLENGE_INVALID));
    }

    /** Counts a wrong code; the challenge ends at {@value #MAX_FAILURES}. */
    void failed(LoginChallenge challenge) {
        if (challenge.failures() + 1 >= MAX_FAILURES) {
            repository.delete(challenge.idHash());
        } else {
            repository.recordFailure(challenge.idHash());
        }
    }

    /**
     * Ends a challenge whose step has passed.
     *
     * @throws NativeException {@link NativeError#LOGIN_CHALLENGE_INVALID} if another request ended it first.
     */
    void consume(LoginChallenge challenge) {
        if (!repository.delete(challenge.idHash())) {
            throw new NativeException(NativeError.LOGIN_CHALLENGE_INVALID);
        }
    }

    /** Removes expired challenges; for the periodic sweep. @return how many. */
    int sweep() {
        return repository.deleteExpired(clock.instant());
    }
}
