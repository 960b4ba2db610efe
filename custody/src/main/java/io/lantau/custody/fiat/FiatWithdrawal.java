package io.lantau.custody.fiat;

import java.time.Instant;

/**
 * A fiat withdrawal to the client's designated account (table {@code fiat_withdrawals}).
 *
 * @param withdrawalId the core's withdrawal id ({@link FiatDeposits#ID_SPACE} plus {@code id}).
 * @param messageId    the pain.001 message id, or null before the instruction is written.
 * @param instruction  the pain.001.001.09 XML sent to the bank, or null.
 * @param status       {@code PENDING} (amount being locked), {@code INSTRUCTED} (locked, instruction written),
 *                     {@code SETTLED} (the bank paid) or {@code REVERTED} (the bank refused; the amount returned).
 */
public record FiatWithdrawal(long id, long withdrawalId, long accountId, String currency, long amountMinor,
        String creditorName, String creditorAccount, String messageId, String instruction, String status,
        Instant requestedAt) {
}
