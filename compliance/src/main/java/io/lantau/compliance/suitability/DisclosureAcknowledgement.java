package io.lantau.compliance.suitability;

import java.time.Instant;

/**
 * A client's acknowledgement of the Schedule 2 risk disclosures (HK-08): which version and text (by hash), when and
 * from which IP address.
 */
public record DisclosureAcknowledgement(long id, long accountId, String version, String language, String textSha256,
        String ip, Instant acknowledgedAt) {
}
