package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.LoginChallenge;
import io.lantau.compliance.security.NotificationOutbox;
import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityEventType;
import io.lantau.compliance.security.SecurityRefusedException;
import io.lantau.compliance.security.TotpEnrolment;
import io.lantau.compliance.security.TotpService;
import io.lantau.store.account.Session;
import io.lantau.store.account.User;
import io.lantau.store.account.UserRepository;
import io.lantau.store.account.UserStatus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * TOTP two-factor sign-in (HK-29, VATP 12.12(b)) and its enrolment. Each method runs on a worker thread and blocks.
 *
 * <p>The second sign-in step: {@code POST /login} with a correct password answers 401 {@code TOTP_REQUIRED} with a
 * {@code loginToken} when the user has active TOTP, and {@code POST /login/totp {loginToken, code}} opens the session.
 * When the profile requires TOTP ({@link NativeApiSettings#totpRequired()}) and the user has none, it answers 401
 * {@code TOTP_ENROLMENT_REQUIRED} instead: {@code POST /login/totp/enrol {loginToken}} shows a secret once, and
 * {@code POST /login/totp/confirm {loginToken, code}} activates it and opens the session; no session exists before.
 *
 * <p>A signed-in user may enrol by choice ({@code POST /totp/enrol}, {@code POST /totp/confirm {code}}); TOTP, once
 * active, is never replaced or removed by its user (a lost device is a staff-approved {@code TOTP_RESET}). Each user
 * reaches only their own credential: these endpoints take no user id.
 */
final class TotpEndpoints {
    private static final Set<String> TOKEN_FIELDS = Set.of("loginToken");
    private static final Set<String> TOKEN_CODE_FIELDS = Set.of("loginToken", "code");
    private static final Set<String> CODE_FIELDS = Set.of("code");
    private static final int MAX_TOKEN_FIELD = 64;

    private final UserRepository users;
    private final TotpService totp;
    private final LoginChallenges challenges;
    private final SignIns signIns;
    private final NotificationOutbox notifications;
    private final SecurityAuditSink audit;
    private final boolean required;
    private final Clock clock;

    TotpEndpoints(UserRepository users, TotpService totp, LoginChallenges challenges, SignIns signIns,
            NotificationOutbox notifications, SecurityAuditSink audit, boolean required, Clock clock) {
        this.users = users;
        this.totp = totp;
        this.challenges = challenges;
        this.signIns = signIns;
        this.notifications = notifications;
        this.audit = audit;
        this.required = required;
        this.clock = clock;
    }

    /** {@code POST /login/totp {loginToken, code}} → 200 {@code {userId, csrfToken}} and the session cookie. */
    Reply loginWithCode(NativeRequest request, Session ignored) {
        JsonBody body = request.requiredJson().allowOnly(TOKEN_CODE_FIELDS);
        String token = body.requiredString("loginToken", MAX_TOKEN_FIELD);
        String code = code(body);
        LoginChallenge challenge = challenges.find(token, LoginChallenge.Purpose.TOTP);
        User user = activeUser(challenge);
        try {
            totp.verify(user.id(), code);
        } catch (SecurityRefusedException e) {
            challenges.failed(challenge);
            signIns.failed(user.id(), SignIns.lockKey(user.email()), request, "TOTP: " + e.refusal());
            throw e;
        }
        challenges.consume(challenge);
        return signIns.open(user, request, "password and TOTP");
    }

    /** {@code POST /login/totp/enrol {loginToken}} → 200 {@code {secret, uri}}, shown this once. */
    Reply loginEnrol(NativeRequest request, Session ignored) {
        JsonBody body = request.requiredJson().allowOnly(TOKEN_FIELDS);
        String token = body.requiredString("loginToken", MAX_TOKEN_FIELD);
        User user = activeUser(challenges.find(token, LoginChallenge.Purpose.ENROL));
        return enrolment(totp.enrol(user.id(), user.email()));
    }

    /** {@code POST /login/totp/confirm {loginToken, code}} → 200 {@code {userId, csrfToken}} and the cookie. */
    Reply loginConfirm(NativeRequest request, Session ignored) {
        JsonBody body = request.requiredJson().allowOnly(TOKEN_CODE_FIELDS);
        String token = body.requiredString("loginToken", MAX_TOKEN_FIELD);
        String code = code(body);
        LoginChallenge challenge = challenges.find(token, LoginChallenge.Purpose.ENROL);
        User user = activeUser(challenge);
        try {
            totp.confirm(user.id(), code);
        } catch (SecurityRefusedException e) {
            challenges.failed(challenge);
            signIns.failed(user.id(), SignIns.lockKey(user.email()), request, "TOTP enrolment: " + e.refusal());
            throw e;
        }
        enabled(user, request);
        challenges.consume(challenge);
        return signIns.open(user, request, "password and TOTP enrolment");
    }

    /** {@code GET /totp} → 200 {@code {status: NONE|PENDING|ACTIVE, required}} for the caller. */
    Reply status(NativeRequest request, Session session) {
        return Reply.ok(new JsonObject().put("status", totp.status(session.userId()).name())
                .put("required", required));
    }

    /** {@code POST /totp/enrol} (no body, or {@code {}}) → 200 {@code {secret, uri}}, shown this once. */
    Reply enrol(NativeRequest request, Session session) {
        request.json().allowOnly(Set.of());
        User user = users.findById(session.userId())
                .orElseThrow(() -> new NativeException(NativeError.UNAUTHENTICATED));
        return enrolment(totp.enrol(user.id(), user.email()));
    }

    /** {@code POST /totp/confirm {code}} → 200 {@code {status: "ACTIVE"}}. */
    Reply confirm(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(CODE_FIELDS);
        String code = code(body);
        User user = users.findById(session.userId())
                .orElseThrow(() -> new NativeException(NativeError.UNAUTHENTICATED));
        totp.confirm(user.id(), code);
        enabled(user, request);
        return Reply.ok(new JsonObject().put("status", "ACTIVE"));
    }

    private void enabled(User user, NativeRequest request) {
        Instant now = clock.instant();
        notifications.queueEmail(user.id(), "TOTP_ENABLED", user.email(), "Two-factor sign-in enabled",
                "Two-factor sign-in was enabled on your Lantau account at " + now + " (UTC) from "
                        + request.clientIp() + ". If this was not you, contact support at once.", now);
        audit.record(new SecurityEvent(SecurityEventType.PERMISSION_CHANGE, user.id(), user.id(), "TOTP enabled",
                request.clientIp(), now));
    }

    private User activeUser(LoginChallenge challenge) {
        User user = users.findById(challenge.userId())
                .orElseThrow(() -> new NativeException(NativeError.LOGIN_CHALLENGE_INVALID));
        if (user.status() != UserStatus.ACTIVE) {
            throw new NativeException(NativeError.ACCOUNT_DISABLED);
        }
        Instant now = clock.instant();
        Instant lockedUntil = signIns.lockout().lockedUntil(SignIns.lockKey(user.email()), now);
        if (lockedUntil != null) {
            throw new NativeException(NativeError.LOGIN_LOCKED, null,
                    Math.max(1, Duration.between(now, lockedUntil).toSeconds()));
        }
        return user;
    }

    /** @return the code field: six ASCII digits (a string, so that leading zeros survive). */
    private static String code(JsonBody body) {
        String code = body.requiredString("code", 6);
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NativeException(NativeError.INVALID_VALUE, "code: six digits");
        }
        return code;
    }

    private static Reply enrolment(TotpEnrolment enrolment) {
        return Reply.ok(new JsonObject().put("secret", enrolment.secret()).put("uri", enrolment.uri()));
    }
}
