package io.lantau.custody.reserves;

import java.time.Instant;

/**
 * A root as the store keeps it.
 *
 * @param id          the publication's id (proofs are asked for by it).
 * @param publishedAt when the platform published it.
 */
public record PublishedRoot(long id, ReservesRoot root, Instant publishedAt) {
}
