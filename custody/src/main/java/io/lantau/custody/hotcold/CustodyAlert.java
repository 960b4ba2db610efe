package io.lantau.custody.hotcold;

import java.time.Instant;

/**
 * A breach of the hot/cold limits (HK-16), open from when the check first saw it until a check saw the asset within
 * the limits again.
 *
 * @param kind {@link HotColdMonitor#RATIO_BREACH}.
 */
public record CustodyAlert(long id, int assetId, String kind, long hotMinor, long coldMinor, Instant raisedAt,
        Instant clearedAt) {
}
