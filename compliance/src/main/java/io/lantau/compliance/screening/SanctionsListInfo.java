package io.lantau.compliance.screening;

import java.time.Instant;

/**
 * A stored load of a sanctions list: what the compliance team sees of the lists in force.
 *
 * @param listId     the store's id of this load.
 * @param source     which list.
 * @param version    the publisher's version.
 * @param sha256     the file's SHA-256.
 * @param entryCount how many entries it holds.
 * @param loadedAt   when it was loaded.
 * @param loadedBy   who (or which job) loaded it.
 */
public record SanctionsListInfo(
        long listId, String source, String version, String sha256, int entryCount, Instant loadedAt,
        String loadedBy) {
}
