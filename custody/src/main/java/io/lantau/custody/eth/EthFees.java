package io.lantau.custody.eth;

import java.math.BigInteger;

/**
 * EIP-1559 fee caps for a new transaction, in wei per gas.
 *
 * @param maxPriorityFeePerGas the tip offered to the block producer.
 * @param maxFeePerGas         the most paid per gas (base fee plus tip); the unused part is not charged.
 */
public record EthFees(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {
}
