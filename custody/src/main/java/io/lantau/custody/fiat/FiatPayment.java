package io.lantau.custody.fiat;

import java.time.Instant;

/**
 * An incoming bank payment as recorded (table {@code fiat_payments}).
 *
 * @param depositId  the core deposit id derived from the entry key ({@link FiatDeposits#depositId}).
 * @param accountId  the client credited, or the client the payment named if held; 0 if none.
 * @param status     {@code CREDITING} (sent to the core, waiting for its answer), {@code CREDITED} or {@code HELD}.
 * @param holdReason why it was held, or null.
 */
public record FiatPayment(BankPayment payment, long depositId, long accountId, String status, HoldReason holdReason,
        Instant importedAt, Instant creditedAt) {
}
