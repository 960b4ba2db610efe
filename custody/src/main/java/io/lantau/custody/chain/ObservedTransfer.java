package io.lantau.custody.chain;

import java.math.BigInteger;

/**
 * A transfer seen on chain. {@code (txid, outputIndex)} identifies it across rescans and reorgs: the output index for
 * Bitcoin, 0 for an Ethereum transaction's value (log index for token transfers).
 *
 * @param fromAddress the sender (Ethereum), or null when a Bitcoin transaction has no single sender.
 */
public record ObservedTransfer(String chain, String txid, int outputIndex, String toAddress, String fromAddress,
        BigInteger amount, long blockHeight, String blockHash) {
}
