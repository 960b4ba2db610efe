package io.lantau.custody.reserves;

import java.util.List;

/**
 * One sibling on an inclusion proof's path: its hash and its sums per asset (which the parent's hash binds).
 *
 * @param hash       64 lower-case hex digits.
 * @param sumsMinor  per asset of the root, in its order, minor units.
 */
public record ProofNode(String hash, List<Long> sumsMinor) {
    public ProofNode {
        sumsMinor = List.copyOf(sumsMinor);
    }
}
