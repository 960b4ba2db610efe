package io.lantau.collectibles;

import java.time.Instant;

/**
 * The IP authorisation for a work, with its evidence (a document in the media store, by SHA-256), as staff decided
 * it (CN-08). The IP stays with the rights holder; a buyer gets the item, not the IP.
 */
public record IpAuthorisation(long id, long issuerAccountId, String workTitle, String rightsHolder,
        String licenceTerms, String evidenceSha256, DecisionStatus status, Long decidedBy, Instant createdAt) {
}
