package io.lantau.custody.reserves;

/**
 * A fiat balance at a bank, declared as an input of the report (from the bank's statement; it cannot be proven on
 * chain, and the auditor checks it against the bank's confirmation).
 *
 * @param assetCode   the currency's asset code on the books ({@code HKD}, {@code USD}).
 * @param amountMinor the balance in the asset's minor units; not negative.
 * @param bankAccount which account it is, for the auditor.
 */
public record FiatHolding(String assetCode, long amountMinor, String bankAccount) {
}
