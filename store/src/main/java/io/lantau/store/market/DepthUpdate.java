package io.lantau.store.market;

/**
 * The levels of one market's book that changed, with their new absolute quantities (0: the level is gone), as
 * Binance's {@code depthUpdate} event carries them. The depth projection emits one per command that changed the
 * market's book, so {@code firstUpdateId == finalUpdateId} there; {@link #coalesce} merges consecutive ones for the
 * time-sliced streams ({@code @depth}, {@code @depth@100ms}).
 *
 * @param eventTimeMillis the command's time (Binance's {@code E}).
 * @param firstUpdateId   Binance's {@code U}: the first update id this covers.
 * @param finalUpdateId   Binance's {@code u}: the last update id this covers, which is the book's id afterwards.
 * @param bids            changed bid levels, highest first.
 * @param asks            changed ask levels, lowest first.
 */
public record DepthUpdate(int marketId, long eventTimeMillis, long firstUpdateId, long finalUpdateId, BookLevels bids,
        BookLevels asks) {

    /**
     * Merges the update that directly follows this one into one covering both: the first id of this, the final id,
     * time and absolute quantities of {@code next} where it has them.
     *
     * @throws IllegalArgumentException if {@code next} is of another market or does not follow without a gap.
     */
    public DepthUpdate coalesce(DepthUpdate next) {
        if (next.marketId != marketId || next.firstUpdateId != finalUpdateId + 1) {
            throw new IllegalArgumentException("update " + next.firstUpdateId + ".." + next.finalUpdateId
                    + " of market " + next.marketId + " does not follow " + firstUpdateId + ".." + finalUpdateId
                    + " of market " + marketId);
        }
        return new DepthUpdate(marketId, next.eventTimeMillis, firstUpdateId, next.finalUpdateId,
                bids.overlay(next.bids, true), asks.overlay(next.asks, false));
    }
}
