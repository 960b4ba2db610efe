package io.lantau.custody.fiat;

import java.util.Objects;

/**
 * The platform's own client-money account at its bank (deployment configuration, not a jurisdiction rule): where
 * clients pay in, the account statements are of, and the debtor of every pain.001 payment out.
 *
 * @param holderName    the account's name, e.g. {@code Lantau Exchange Ltd - Client Account}.
 * @param bankName      the bank's name.
 * @param bankBic       the bank's BIC (8 or 11 characters).
 * @param accountNumber the account number (IBAN or local), normalised on construction.
 */
public record PlatformBankAccount(String holderName, String bankName, String bankBic, String accountNumber) {
    public PlatformBankAccount {
        Objects.requireNonNull(holderName);
        Objects.requireNonNull(bankName);
        Objects.requireNonNull(bankBic);
        accountNumber = BankAccountNumber.normalise(accountNumber);
    }
}
