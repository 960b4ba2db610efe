package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.SecurityAuditSink;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityEventType;
import io.lantau.compliance.security.NotificationOutbox;
import io.lantau.store.account.User;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The end of every successful sign-in, whichever its steps: clears the lock-out count, queues the out-of-band login
 * notice (HK-30: e-mail, not the browser channel the sign-in used; queued before the session opens so that no session
 * exists without its notice), opens the session and reports {@link SecurityEventType#LOGIN}. Also reports failed
 * steps. Thread-safe; blocking.
 */
final class SignIns {
    private final Sessions sessions;
    private final LoginLockout lockout;
    private final NotificationOutbox notifications;
    private final SecurityAuditSink audit;
    private final Clock clock;
    private final ClientHooks hooks;

    SignIns(Sessions sessions, LoginLockout lockout, NotificationOutbox notifications, SecurityAuditSink audit,
            Clock clock, ClientHooks hooks) {
        this.hooks = hooks;
        this.sessions = sessions;
        this.lockout = lockout;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the key lock-out counts under for an email address as typed or stored. */
    static String lockKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    LoginLockout lockout() {
        return lockout;
    }

    /** Opens a session for {@code user}, who has passed every factor. @return 200 {@code {userId, csrfToken}}. */
    Reply open(User user, NativeRequest request, String how) {
        lockout.recordSuccess(lockKey(user.email()));
        Instant now = clock.instant();
        notifications.queueEmail(user.id(), "LOGIN", user.email(), "New sign-in to your Lantau account",
                "Your Lantau account was signed in to at " + now + " (UTC) from " + request.clientIp()
                        + ". If this was not you, change your password and contact support at once.", now);
        Sessions.Opened opened = sessions.open(user.id());
        audit.record(new SecurityEvent(SecurityEventType.LOGIN, user.id(), user.id(), how, request.clientIp(), now));
        hooks.signedIn(user.id(), request);
        return Reply.ok(new JsonObject().put("userId", user.id()).put("csrfToken", opened.csrfToken()))
                .withCookie(sessions.cookie(opened.token()));
    }

    /** Counts a failed step against the address and reports it. */
    void failed(long userId, String lockKey, NativeRequest request, String why) {
        Instant now = clock.instant();
        lockout.recordFailure(lockKey, now);
        audit.record(new SecurityEvent(SecurityEventType.LOGIN_FAILED, userId, userId, why, request.clientIp(), now));
    }
}
