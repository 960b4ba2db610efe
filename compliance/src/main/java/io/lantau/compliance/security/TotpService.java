package io.lantau.compliance.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * TOTP second factors (HK-29, VATP 12.12(b)): RFC 6238 with HMAC-SHA1, 6 digits and 30-second steps, accepting the
 * step before and after the current one for clock drift. A user enrols ({@link #enrol}: a 160-bit random secret
 * shown once, stored sealed by the {@link SecretSealer}), then confirms with a code ({@link #confirm}), after which
 * every sign-in needs one ({@link #verify}).
 *
 * <p>Replay (RFC 6238 section 5.2): the highest time step whose code was accepted is stored, and a code is accepted
 * only for a later step, by one conditional update; so a code works once, also against concurrent requests, and a
 * code older than the last accepted one never works. Thread-safe; blocking (JDBC).
 */
public final class TotpService {
    /** The issuer in the otpauth URI and the app's label. */
    public static final String ISSUER = "Lantau";
    private static final int SECRET_BYTES = 20;

    private final TotpRepository repository;
    private final SecretSealer sealer;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param dataSource the relational store ({@code totp_credentials}).
     * @param sealer     seals secrets at rest.
     * @param random     the source of new secrets.
     * @param clock      the wall clock that picks the time step; a test moves its own.
     */
    public TotpService(DataSource dataSource, SecretSealer sealer, SecureRandom random, Clock clock) {
        this.repository = new TotpRepository(dataSource);
        this.sealer = sealer;
        this.random = random;
        this.clock = clock;
    }

    /** @return where {@code userId} stands: none, pending confirmation or active. */
    public TotpStatus status(long userId) {
        return repository.find(userId).map(TotpRepository.Credential::status).orElse(TotpStatus.NONE);
    }

    /**
     * Issues a new secret (replacing an unconfirmed one); TOTP is not required until {@link #confirm}.
     *
     * @param userId      the user.
     * @param accountName the name the app shows under the issuer (the email address).
     * @return the secret and its otpauth URI: shown to the user once, never again.
     * @throws SecurityRefusedException {@link SecurityRefusal#TOTP_ALREADY_ENABLED} if the user has an active one.
     */
    public TotpEnrolment enrol(long userId, String accountName) {
        if (status(userId) == TotpStatus.ACTIVE) {
            throw new SecurityRefusedException(SecurityRefusal.TOTP_ALREADY_ENABLED);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            if (!repository.putPending(userId, sealer.seal(secret), clock.instant())) {
                throw new SecurityRefusedException(SecurityRefusal.TOTP_ALREADY_ENABLED);
            }
            String base32 = Base32.encode(secret);
            return new TotpEnrolment(base32, uri(accountName, base32));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Activates a pending secret with a code from the app; the code's step counts as used.
     *
     * @throws SecurityRefusedException {@link SecurityRefusal#TOTP_NOT_ENROLLED} without a pending secret,
     *                                  {@link SecurityRefusal#TOTP_ALREADY_ENABLED} if already active,
     *                                  {@link SecurityRefusal#TOTP_CODE_INVALID} for a wrong or expired code.
     */
    public void confirm(long userId, String code) {
        TotpRepository.Credential credential = repository.find(userId)
                .orElseThrow(() -> new SecurityRefusedException(SecurityRefusal.TOTP_NOT_ENROLLED));
        if (credential.status() == TotpStatus.ACTIVE) {
            throw new SecurityRefusedException(SecurityRefusal.TOTP_ALREADY_ENABLED);
        }
        long step = matchingStep(credential, code);
        if (!repository.activate(userId, credential.sealedSecret(), step, clock.instant())) {
            // Replaced by a new enrolment or confirmed by a concurrent request in the meantime.
            throw new SecurityRefusedException(SecurityRefusal.TOTP_CODE_INVALID);
        }
    }

    /**
     * Checks a sign-in code against the active secret and uses it up.
     *
     * @throws SecurityRefusedException {@link SecurityRefusal#TOTP_NOT_ENROLLED} without an active secret,
     *                                  {@link SecurityRefusal#TOTP_CODE_INVALID} for a wrong or expired code,
     *                                  {@link SecurityRefusal#TOTP_CODE_REUSED} for a code whose step (or a later
     *                                  one) was used already.
     */
    public void verify(long userId, String code) {
        TotpRepository.Credential credential = repository.find(userId)
                .filter(c -> c.status() == TotpStatus.ACTIVE)
                .orElseThrow(() -> new SecurityRefusedException(SecurityRefusal.TOTP_NOT_ENROLLED));
        long step = matchingStep(credential, code);
        if (step <= credential.lastUsedStep() || !repository.consume(userId, step)) {
            throw new SecurityRefusedException(SecurityRefusal.TOTP_CODE_REUSED);
        }
    }

    /** Removes a credential inside the caller's transaction (an approved {@link TotpReset}). */
    boolean delete(java.sql.Connection connection, long userId) throws java.sql.SQLException {
        return repository.delete(connection, userId);
    }

    /** @return the step within the window whose code is {@code code}; every candidate is computed and compared. */
    private long matchingStep(TotpRepository.Credential credential, String code) {
        if (code == null || code.length() != Totp.DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SecurityRefusedException(SecurityRefusal.TOTP_CODE_INVALID);
        }
        byte[] secret = sealer.open(credential.sealedSecret());
        try {
            long now = Totp.step(clock.instant().getEpochSecond());
            long matched = Long.MIN_VALUE;
            byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
            for (long step = now - 1; step <= now + 1; step++) {
                byte[] expected = Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII);
                if (MessageDigest.isEqual(expected, typed) && matched == Long.MIN_VALUE) {
                    matched = step;
                }
            }
            if (matched == Long.MIN_VALUE) {
                throw new SecurityRefusedException(SecurityRefusal.TOTP_CODE_INVALID);
            }
            return matched;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** @return the Key URI Format of Google Authenticator: label {@code Lantau:<account>}, RFC 3986 encoded. */
    static String uri(String accountName, String base32Secret) {
        String account = URLEncoder.encode(accountName, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%40", "@");
        return "otpauth://totp/" + ISSUER + ":" + account + "?secret=" + base32Secret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }
}
