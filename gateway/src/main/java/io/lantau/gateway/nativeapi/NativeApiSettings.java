package io.lantau.gateway.nativeapi;

import java.time.Duration;
import java.util.Objects;

/**
 * Every rule of the native API that a deployment may set: the password policy, the hashing cost, the sign-in
 * lock-out, session timeouts and limits. The jurisdiction profile will supply these (HK-31, VATP 12.12(c), (d), (g));
 * {@link #DEFAULTS} are the values that apply until it does. Immutable.
 *
 * @param passwords              what a new password must satisfy.
 * @param hashing                the Argon2id cost of new password hashes.
 * @param lockout                when repeated failed sign-ins lock an email address out.
 * @param sessions               how long a browser session lives.
 * @param authRequestsPerIpMinute how many sign-in and registration requests one IP address may make per minute.
 * @param maxActiveApiKeys       how many unrevoked API keys one user may hold.
 * @param commandTimeout         how long a request waits for the core to apply its command (then 503).
 * @param workerThreads          the API's worker pool: JDBC, hashing and waiting for the core happen there.
 * @param maxBodyBytes           the largest request body accepted (413 beyond).
 * @param totpRequired           whether every sign-in needs a TOTP code (HK-29, VATP 12.12(b); the profile's
 *                               {@code accounts.totpRequired}): a user without active TOTP must enrol before any
 *                               session. Users who enabled TOTP need a code whatever this says.
 */
public record NativeApiSettings(PasswordRules passwords, HashingCost hashing, LockoutRules lockout,
        SessionRules sessions, int authRequestsPerIpMinute, int maxActiveApiKeys, Duration commandTimeout,
        int workerThreads, int maxBodyBytes, boolean totpRequired) {

    /**
     * The password policy (HK-31: minimum length, known breached passwords).
     *
     * @param minLength the fewest characters (Unicode code points after NFKC normalisation).
     * @param maxLength the most characters; bounds the hashing work per request.
     */
    public record PasswordRules(int minLength, int maxLength) {
        public PasswordRules {
            if (minLength < 1 || maxLength < minLength || maxLength > 1024) {
                throw new IllegalArgumentException("need 1 <= minLength <= maxLength <= 1024");
            }
        }
    }

    /**
     * The Argon2id cost of a new hash (a stored hash keeps the cost it was made with; a sign-in rehashes it when the
     * cost has changed).
     *
     * @param memoryKib     memory per hash in KiB.
     * @param iterations    passes over the memory.
     * @param parallelism   lanes per hash.
     * @param maxConcurrent hashes computed at once (memory bound: maxConcurrent x memoryKib); more wait their turn.
     */
    public record HashingCost(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
        public HashingCost {
            if (parallelism < 1 || memoryKib < 8 * parallelism || iterations < 1 || maxConcurrent < 1) {
                throw new IllegalArgumentException("invalid Argon2id cost");
            }
        }
    }

    /**
     * Sign-in lock-out (HK-31). Counted per email address, known or not, so that a lock-out tells nothing about
     * whether the address is registered.
     *
     * @param maxFailures how many failed sign-ins within {@code window} lock the address.
     * @param window      the span over which failures count.
     * @param duration    how long the address stays locked.
     */
    public record LockoutRules(int maxFailures, Duration window, Duration duration) {
        public LockoutRules {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(duration, "duration");
            if (maxFailures < 1 || window.isNegative() || window.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("invalid lock-out rules");
            }
        }
    }

    /**
     * Session lifetime (HK-31: idle timeout).
     *
     * @param idleTimeout     a session unused this long has expired; each use slides it.
     * @param absoluteTimeout a session this old has expired, however much it is used.
     * @param secureCookie    whether the cookie carries {@code Secure} (and the {@code __Host-} name prefix): set
     *                        when clients reach the gateway over TLS.
     */
    public record SessionRules(Duration idleTimeout, Duration absoluteTimeout, boolean secureCookie) {
        public SessionRules {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
            if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
                throw new IllegalArgumentException("need 0 < idleTimeout <= absoluteTimeout");
            }
        }
    }

    /**
     * Argon2id at 46 MiB, one pass, one lane (the first of OWASP's equivalent settings); about 60 ms per hash on the
     * project's 2-core machine. Two at once at most.
     */
    public static final HashingCost DEFAULT_HASHING = new HashingCost(46 * 1024, 1, 1, 2);

    /** The defaults until the jurisdiction profile supplies the values. */
    public static final NativeApiSettings DEFAULTS = new NativeApiSettings(
            new PasswordRules(12, 128),
            DEFAULT_HASHING,
            new LockoutRules(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
            new SessionRules(Duration.ofMinutes(30), Duration.ofHours(12), false),
            30, 30, Duration.ofSeconds(10), 8, 16 * 1024, false);

    /** The settings with {@code totpRequired} false (TOTP optional, per user). */
    public NativeApiSettings(PasswordRules passwords, HashingCost hashing, LockoutRules lockout,
            SessionRules sessions, int authRequestsPerIpMinute, int maxActiveApiKeys, Duration commandTimeout,
            int workerThreads, int maxBodyBytes) {
        this(passwords, hashing, lockout, sessions, authRequestsPerIpMinute, maxActiveApiKeys, commandTimeout,
                workerThreads, maxBodyBytes, false);
    }

    public NativeApiSettings {
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(hashing, "hashing");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (authRequestsPerIpMinute < 1 || maxActiveApiKeys < 1 || workerThreads < 1 || maxBodyBytes < 256) {
            throw new IllegalArgumentException("invalid native API limits");
        }
    }

    public NativeApiSettings withPasswords(PasswordRules rules) {
        return new NativeApiSettings(rules, hashing, lockout, sessions, authRequestsPerIpMinute, maxActiveApiKeys,
                commandTimeout, workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withHashing(HashingCost cost) {
        return new NativeApiSettings(passwords, cost, lockout, sessions, authRequestsPerIpMinute, maxActiveApiKeys,
                commandTimeout, workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withLockout(LockoutRules rules) {
        return new NativeApiSettings(passwords, hashing, rules, sessions, authRequestsPerIpMinute, maxActiveApiKeys,
                commandTimeout, workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withSessions(SessionRules rules) {
        return new NativeApiSettings(passwords, hashing, lockout, rules, authRequestsPerIpMinute, maxActiveApiKeys,
                commandTimeout, workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withAuthRequestsPerIpMinute(int limit) {
        return new NativeApiSettings(passwords, hashing, lockout, sessions, limit, maxActiveApiKeys, commandTimeout,
                workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withMaxActiveApiKeys(int limit) {
        return new NativeApiSettings(passwords, hashing, lockout, sessions, authRequestsPerIpMinute, limit,
                commandTimeout, workerThreads, maxBodyBytes, totpRequired);
    }

    public NativeApiSettings withTotpRequired(boolean required) {
        return new NativeApiSettings(passwords, hashing, lockout, sessions, authRequestsPerIpMinute, maxActiveApiKeys,
                commandTimeout, workerThreads, maxBodyBytes, required);
    }
}
