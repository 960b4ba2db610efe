package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.LoginChallenge;
import io.lantau.compliance.security.TotpService;
import io.lantau.compliance.security.TotpStatus;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.account.Session;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Registration, sign-in, sign-out and the signed-in user. Each method runs on a worker thread and blocks.
 *
 * <p>Sign-in answers unknown email and wrong password alike ({@link NativeError#INVALID_CREDENTIALS}), and for an
 * unknown email verifies against a dummy hash so that both take about as long; lock-out counts per email address
 * whether registered or not (HK-31).
 *
 * <p>A correct password opens a session only for a user without active TOTP on a platform that does not require it;
 * otherwise it answers 401 {@code TOTP_REQUIRED} or {@code TOTP_ENROLMENT_REQUIRED} with a {@code loginToken} for the
 * second step ({@link TotpEndpoints}), and the lock-out count is cleared only when that step opens the session.
 */
final class AccountEndpoints {
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("email", "password");
    private static final Set<String> REGISTRATION_FIELDS = Set.of("email", "password", "residency");
    /** Generous bound on what a client may send as a password; the policy's own maximum applies to new ones. */
    private static final int MAX_PASSWORD_FIELD = 1024;

    private final UserRepository users;
    private final Sessions sessions;
    private final SignIns signIns;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginLockout lockout;
    private final CoreAccounts coreAccounts;
    private final TotpService totp;
    private final LoginChallenges challenges;
    private final boolean totpRequired;
    private final Clock clock;
    private final ClientHooks hooks;

    AccountEndpoints(UserRepository users, Sessions sessions, SignIns signIns, PasswordHasher hasher,
            PasswordPolicy policy, CoreAccounts coreAccounts, TotpService totp, LoginChallenges challenges,
            boolean totpRequired, Clock clock, ClientHooks hooks) {
        this.hooks = hooks;
        this.users = users;
        this.sessions = sessions;
        this.signIns = signIns;
        this.hasher = hasher;
        this.policy = policy;
        this.lockout = signIns.lockout();
        this.coreAccounts = coreAccounts;
        this.totp = totp;
        this.challenges = challenges;
        this.totpRequired = totpRequired;
        this.clock = clock;
    }

    /**
     * {@code POST /register {email, password, residency?}} → 201 {@code {userId}}. {@code residency} (ISO 3166-1
     * alpha-2) is required where the profile onboards with KYC; a blocked one is refused before anything is stored
     * (HK-06).
     */
    Reply register(NativeRequest request, Session ignored) {
        JsonBody body = request.requiredJson().allowOnly(REGISTRATION_FIELDS);
        String typedEmail = body.requiredString("email", EmailAddress.MAX_LENGTH + 64);
        String password = body.requiredString("password", MAX_PASSWORD_FIELD);
        String residency = hooks.residencyRequired() ? body.requiredString("residency", 2)
                : body.optionalString("residency", 2);
        if (residency != null) {
            if (!residency.matches("[A-Za-z]{2}")) {
                throw new NativeException(NativeError.INVALID_VALUE, "residency: an ISO 3166-1 alpha-2 code");
            }
            residency = residency.toUpperCase(java.util.Locale.ROOT);
        }
        hooks.checkRegistration(residency);
        String email = EmailAddress.normalise(typedEmail);
        policy.check(password, email);
        if (users.findByEmail(email).isPresent()) {
            throw new NativeException(NativeError.EMAIL_TAKEN);
        }
        String hash = hasher.hash(password);
        User user;
        try {
            // ACTIVE here is the sign-in status; what the client may do is the onboarding status (PENDING_KYC until
            // KYC and the retail gates pass), which the hooks start and the core enforces.
            user = users.create(email, hash, UserStatus.ACTIVE, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new NativeException(NativeError.EMAIL_TAKEN);
        }
        coreAccounts.open(user.id());
        hooks.registered(user.id(), residency);
        return Reply.created(new JsonObject().put("userId", user.id()));
    }

    /**
     * {@code POST /login {email, password}} → 200 {@code {userId, csrfToken}} and the session cookie; or 401
     * {@code TOTP_REQUIRED} / {@code TOTP_ENROLMENT_REQUIRED} with {@code {loginToken, expiresInSeconds}}.
     */
    Reply login(NativeRequest request, Session ignored) {
        JsonBody body = request.requiredJson().allowOnly(CREDENTIAL_FIELDS);
        String typedEmail = body.requiredString("email", EmailAddress.MAX_LENGTH + 64);
        String password = body.requiredString("password", MAX_PASSWORD_FIELD);
        String lockKey = SignIns.lockKey(typedEmail);
        Instant now = clock.instant();
        Instant lockedUntil = lockout.lockedUntil(lockKey, now);
        if (lockedUntil != null) {
            long seconds = Math.max(1, Duration.between(now, lockedUntil).toSeconds());
            throw new NativeException(NativeError.LOGIN_LOCKED, null, seconds);
        }
        User user = users.findByEmail(typedEmail).orElse(null);
        boolean matches;
        if (user == null) {
            hasher.verifyDummy(password);
            matches = false;
        } else {
            matches = hasher.verify(password, user.passwordHash());
        }
        if (!matches) {
            signIns.failed(user == null ? 0 : user.id(), lockKey, request, "password");
            throw new NativeException(NativeError.INVALID_CREDENTIALS);
        }
        TotpStatus second = totp.status(user.id());
        if (second != TotpStatus.ACTIVE && !totpRequired) {
            lockout.recordSuccess(lockKey);
        }
        if (user.status() != UserStatus.ACTIVE) {
            throw new NativeException(NativeError.ACCOUNT_DISABLED);
        }
        if (hasher.needsRehash(user.passwordHash())) {
            users.updatePasswordHash(user.id(), hasher.hash(password));
        }
        if (second == TotpStatus.ACTIVE) {
            return challenges.issue(user.id(), LoginChallenge.Purpose.TOTP);
        }
        if (totpRequired) {
            return challenges.issue(user.id(), LoginChallenge.Purpose.ENROL);
        }
        return signIns.open(user, request, "password");
    }

    /** {@code POST /logout} → 204, the session ended and the cookie cleared. */
    Reply logout(NativeRequest request, Session session) {
        request.json().allowOnly(Set.of());
        sessions.close(session);
        return new Reply(204, null, List.of(sessions.clearingCookie()), 0);
    }

    /** {@code GET /me} → 200 {@code {userId, email, status}}. */
    Reply me(NativeRequest request, Session session) {
        User user = users.findById(session.userId())
                .orElseThrow(() -> new NativeException(NativeError.UNAUTHENTICATED));
        return Reply.ok(new JsonObject().put("userId", user.id()).put("email", user.email())
                .put("status", user.status().name()));
    }
}
