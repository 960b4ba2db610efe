package io.lantau.custody.withdrawal;

import io.lantau.custody.signer.WithdrawalInstruction;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A withdrawal as custody records it.
 *
 * @param amountMinor     what the destination receives.
 * @param feeMinor        the client's fixed fee (profile), locked and debited with the amount.
 * @param instructionHash the approved {@link WithdrawalInstruction#hash()}.
 * @param reason          why it was reverted or rejected, else null.
 * @param gasFeeBase      the network fee the house paid, once mined, else null.
 */
public record Withdrawal(long withdrawalId, long accountId, String chain, String asset, String destination,
        long amountMinor, long feeMinor, String instructionHash, WithdrawalState state, String reason,
        String txid, String signedTx, Long blockHeight, BigInteger gasFeeBase, Instant createdAt,
        Instant updatedAt) {

    /** @return the instruction as the row holds it now: its hash differs from the approved one if a field changed. */
    public WithdrawalInstruction instruction() {
        return new WithdrawalInstruction(withdrawalId, accountId, chain, asset, destination, amountMinor, feeMinor);
    }

    /** @return what the core locks and removes: amount plus fee. */
    public long debitMinor() {
        return Math.addExact(amountMinor, feeMinor);
    }
}
