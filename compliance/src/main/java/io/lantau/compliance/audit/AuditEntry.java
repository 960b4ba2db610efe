package io.lantau.compliance.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller appends to the {@link AuditTrail}: the trail numbers and chains it into an {@link AuditRecord}.
 *
 * @param time    when it happened (the sequencer's time for core events, the wall clock for the rest); need not
 *                increase with the record's sequence. Between the years 1678 and 2261 (stored as epoch nanoseconds).
 * @param kind    what it is about.
 * @param actor   who did it: {@code "user:<id>"}, {@code "staff:<id>"}, {@code "account:<id>"}, or {@link #SYSTEM};
 *                1 to {@value #MAX_ACTOR} characters.
 * @param subject what it was done to: {@code "account:<id>"}, {@code "market:<id>"}, {@code "profile:<id>"}…;
 *                1 to {@value #MAX_SUBJECT} characters.
 * @param details a small JSON object (see {@link AuditDetails}), at most {@value #MAX_DETAILS} characters; stored and
 *                hashed exactly as given.
 */
public record AuditEntry(Instant time, AuditKind kind, String actor, String subject, String details) {
    /** The actor of what the platform did by itself. */
    public static final String SYSTEM = "system";
    public static final int MAX_ACTOR = 128;
    public static final int MAX_SUBJECT = 256;
    public static final int MAX_DETAILS = 65_536;

    private static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new IllegalArgumentException("audit time out of range: " + time);
        }
        checkText("actor", actor, MAX_ACTOR);
        checkText("subject", subject, MAX_SUBJECT);
        Objects.requireNonNull(details, "details");
        if (details.length() > MAX_DETAILS || !details.startsWith("{") || !details.endsWith("}")) {
            throw new IllegalArgumentException("audit details must be a JSON object of at most " + MAX_DETAILS
                    + " characters");
        }
    }

    /** @return {@code time} as epoch nanoseconds, the form stored and hashed. */
    public long timeNanos() {
        return AuditRecord.nanosOf(time);
    }

    private static void checkText(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("audit " + name + " must be 1 to " + max + " characters");
        }
    }
}
