package io.lantau.custody.reserves;

import java.util.List;

/**
 * Everything a client needs to recompute the root from their own leaf (PoR-2), with no other data from the server:
 * the published root, the leaf's inputs and the sibling path.
 *
 * @param leafIndex     the leaf's position among the leaves, 0-based; its bits say, level by level, whether the
 *                      running node is the left (bit 0) or the right (bit 1) child.
 * @param accountIdHash {@link ReservesHashing#accountIdHash} of the client's account id, hex.
 * @param salt          the client's random salt for this snapshot, hex.
 * @param balancesMinor the client's balances per asset of the root, minor units.
 * @param path          the siblings from the leaf's up to the root's children; as many as the tree's height.
 */
public record InclusionProof(ReservesRoot root, long leafIndex, String accountIdHash, String salt,
        List<Long> balancesMinor, List<ProofNode> path) {
    public InclusionProof {
        balancesMinor = List.copyOf(balancesMinor);
        path = List.copyOf(path);
    }
}
