package io.lantau.compliance.security;

import java.time.Instant;

/**
 * A message to a user about their account, waiting in the outbox for a sender (HK-30, VATP 12.12(e)).
 *
 * @param id        the outbox id.
 * @param userId    the user told.
 * @param kind      what happened, e.g. {@code LOGIN}, {@code TOTP_ENABLED}.
 * @param channel   how it is to be sent: {@code EMAIL}, never the channel of the sign-in itself.
 * @param recipient the address on that channel.
 * @param subject   a short subject line.
 * @param body      the text.
 * @param createdAt when it was queued.
 * @param sentAt    when a sender delivered it, or null while waiting.
 */
public record SecurityNotification(long id, long userId, String kind, String channel, String recipient,
        String subject, String body, Instant createdAt, Instant sentAt) {
}
