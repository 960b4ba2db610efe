package io.lantau.custody.fiat;

import java.time.Instant;

/**
 * A client's designated bank account (HK-07).
 *
 * @param holderName    the holder's name as the client gave it (matched against the KYC legal name).
 * @param bankCode      the bank's BIC, or null.
 * @param accountNumber the normalised IBAN or local account number.
 */
public record DesignatedAccount(long accountId, String holderName, String bankName, String bankCode,
        String accountNumber, Instant designatedAt) {
}
