package io.lantau.custody.reserves;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published root of the liabilities sum tree (PoR-1, PoR-3): the root hash, the total liabilities per asset it
 * commits to, and the point in time it states.
 *
 * @param rootHash         64 lower-case hex digits over the top node and the fields below
 *                         ({@link ReservesHashing#rootHash}).
 * @param snapshotSequence the core sequence number the balances are taken at.
 * @param snapshotTime     the wall-clock time of the snapshot.
 * @param treeHeight       levels above the leaves: {@code ceil(log2(leafCount))}.
 * @param leafCount        the number of client leaves (padding not counted).
 * @param totalsMinor      total client liabilities per asset of {@code assets}, in its order, minor units.
 */
public record ReservesRoot(String rootHash, long snapshotSequence, Instant snapshotTime, int treeHeight,
        int leafCount, List<AssetUnit> assets, List<Long> totalsMinor) {

    public ReservesRoot {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(snapshotTime, "snapshotTime");
        assets = List.copyOf(assets);
        totalsMinor = List.copyOf(totalsMinor);
    }

    /** @return the total liability in {@code assetCode}, or throws if the root has no such asset. */
    public long totalMinor(String assetCode) {
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).code().equals(assetCode)) {
                return totalsMinor.get(i);
            }
        }
        throw new IllegalArgumentException("no asset " + assetCode + " in the root");
    }
}
