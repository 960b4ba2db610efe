package io.lantau.custody.sweep;

import io.lantau.custody.signer.SweepInstruction;

/**
 * One row of {@code custody_sweeps}.
 *
 * @param instructionHash the hash of {@link #instruction()} as planned; the signer signs only what hashes to it.
 * @param signedTx        the signed transaction (hex), once SIGNED.
 * @param txid            the transaction id, once BROADCAST.
 */
public record HotSweep(long sweepId, String chain, int assetId, String fromAddress, String toAddress,
        long amountMinor, String instructionHash, SweepState state, String reason, String signedTx, String txid) {

    /** @return the instruction the signer is given, from the row's fields only. */
    public SweepInstruction instruction() {
        return new SweepInstruction(sweepId, chain, fromAddress, toAddress, amountMinor);
    }
}
