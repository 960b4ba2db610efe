package io.lantau.compliance.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One security event for the audit trail.
 *
 * @param type          what happened.
 * @param actorUserId   who did it; {@link #UNKNOWN_USER} when unknown (a sign-in for an unregistered email).
 * @param subjectUserId whom it concerns (the same as the actor for a sign-in); {@link #UNKNOWN_USER} when unknown.
 * @param detail        a short text safe to keep (never a password, secret, code or token).
 * @param clientIp      where the request came from, or null for actions without one.
 * @param at            the wall-clock time of the event.
 */
public record SecurityEvent(SecurityEventType type, long actorUserId, long subjectUserId, String detail,
        String clientIp, Instant at) {
    /** The user id for "not known". */
    public static final long UNKNOWN_USER = 0;

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
