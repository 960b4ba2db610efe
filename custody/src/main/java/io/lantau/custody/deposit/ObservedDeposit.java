package io.lantau.custody.deposit;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A deposit as custody records it.
 *
 * @param depositId   the core's deposit id, from (chain, txid, outputIndex).
 * @param amountBase  what arrived on chain, in base units.
 * @param creditMinor the whole minor units the core credits (see {@code ChainUnits} for the dust rule).
 * @param dustBase    the remainder below one minor unit, never credited.
 */
public record ObservedDeposit(long depositId, String chain, String asset, String txid, int outputIndex,
        long accountId, String toAddress, String fromAddress, BigInteger amountBase, long creditMinor,
        BigInteger dustBase, long blockHeight, String blockHash, DepositState state, Instant seenAt,
        Instant settledAt) {
}
