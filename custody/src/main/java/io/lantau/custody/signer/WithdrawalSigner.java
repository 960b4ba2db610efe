package io.lantau.custody.signer;

/**
 * Signs the on-chain transaction of an approved withdrawal. Implementations are chain-specific (the Ethereum hot
 * wallet: {@link EthHotSigner}) and thread-safe.
 */
public interface WithdrawalSigner {

    /** @return the chain code it signs for. */
    String chain();

    /** @return the address it pays from (the hot wallet). */
    String address();

    /**
     * @param approvedHash the instruction hash recorded when the withdrawal was requested and approved.
     * @return the signed transaction's bytes, ready to broadcast.
     * @throws SignerRefusedException {@code INSTRUCTION_MISMATCH} if {@code instruction.hash()} is not
     *                                {@code approvedHash}: nothing is signed.
     */
    byte[] sign(WithdrawalInstruction instruction, String approvedHash);
}
