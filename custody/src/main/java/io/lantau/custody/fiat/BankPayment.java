package io.lantau.custody.fiat;

import java.time.LocalDate;

/**
 * An incoming payment read from a bank statement, before it is credited or held.
 *
 * @param source           {@code CAMT053} or {@code CSV}.
 * @param statementAccount the normalised number of the platform's account the statement is of.
 * @param bankReference    the bank's unique reference of the entry (camt.053 {@code AcctSvcrRef}); with the
 *                         statement account it identifies the payment across re-imports.
 * @param bookedOn         the booking date, or null.
 * @param currency         ISO 4217 code.
 * @param amountMinor      positive, in the currency's minor units.
 * @param payerName        the payer (debtor) name, or null.
 * @param payerAccount     the payer's account number as the bank gave it, or null.
 * @param remittance       the unstructured remittance text (where the client quotes their deposit reference), or
 *                         null.
 */
public record BankPayment(String source, String statementAccount, String bankReference, LocalDate bookedOn,
        String currency, long amountMinor, String payerName, String payerAccount, String remittance) {

    /** @return the payment's key across re-imports: the statement account and the bank's reference. */
    public String entryKey() {
        return statementAccount + "/" + bankReference;
    }
}
