package io.lantau.custody.chain;

/**
 * Where a sent transaction stands.
 *
 * @param state         the transaction's state.
 * @param blockHeight   the block it is in, or -1.
 * @param blockHash     that block's hash, or null.
 * @param confirmations 1 in the tip block, 0 if not in a block.
 * @param feePaid       the fee it paid in base units once mined (Ethereum: gasUsed x effectiveGasPrice), else 0.
 */
public record TxStatus(State state, long blockHeight, String blockHash, long confirmations,
        java.math.BigInteger feePaid) {

    public enum State {
        /** The node does not know it. */
        UNKNOWN,
        /** In the mempool, not in a block. */
        PENDING,
        /** In a block of the best chain. */
        MINED,
        /** Mined but reverted (Ethereum status 0): the value did not move, the fee was paid. */
        FAILED
    }
}
