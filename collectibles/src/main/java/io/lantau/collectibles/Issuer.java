package io.lantau.collectibles;

import java.time.Instant;

/** An issuer and where staff's verification of it stands (CN-05). {@code decidedBy} is null while pending. */
public record Issuer(long accountId, String displayName, DecisionStatus status, Long decidedBy, Instant createdAt) {
}
