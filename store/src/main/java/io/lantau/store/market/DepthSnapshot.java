package io.lantau.store.market;

/**
 * The top levels of one market's book as of one depth update id, for REST {@code /api/v3/depth}.
 *
 * @param lastUpdateId the id of the last {@link DepthUpdate} already applied to these levels: a client applies the
 *                     updates with {@code finalUpdateId > lastUpdateId}, the first of which has
 *                     {@code firstUpdateId <= lastUpdateId + 1}.
 * @param bids         bid levels, highest first.
 * @param asks         ask levels, lowest first.
 */
public record DepthSnapshot(int marketId, long lastUpdateId, BookLevels bids, BookLevels asks) {
}
