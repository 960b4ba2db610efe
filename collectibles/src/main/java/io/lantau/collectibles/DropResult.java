package io.lantau.collectibles;

import java.util.List;

/**
 * What anyone needs to check a drop's draw: the drop (commitment; the seed once drawn), every entry, and per
 * position the winner, the item and whether the core settled it ({@code SETTLED}) or why not (the core's code).
 */
public record DropResult(Drop drop, List<DrawVerifier.Entry> entries, List<Position> positions) {

    /** One sold (or unsold) position of the draw. */
    public record Position(int position, long accountId, long itemId, String outcome) {
    }
}
