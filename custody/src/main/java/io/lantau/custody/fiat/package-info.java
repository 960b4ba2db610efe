/**
 * Fiat in and out only through each client's own designated bank account (REGULATORY.md HK-07).
 *
 * <p>A client designates one account in their own name ({@link io.lantau.custody.fiat.DesignatedAccounts}: the holder
 * name must match the KYC legal name). Bank statements, ISO 20022 camt.053 ({@link
 * io.lantau.custody.fiat.Camt053Reader}) or the bank's CSV ({@link io.lantau.custody.fiat.BankCsvReader}), are
 * imported by {@link io.lantau.custody.fiat.FiatDeposits}: a payment is credited to the core, once, only when it
 * comes from the client's designated account; every other payment is held for return and never credited.
 * Withdrawals go only to the designated account, as ISO 20022 pain.001.001.09 instructions ({@link
 * io.lantau.custody.fiat.FiatWithdrawals}, {@link io.lantau.custody.fiat.Pain001Writer}).
 */
package io.lantau.custody.fiat;
