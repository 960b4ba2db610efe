/**
 * Hierarchical deterministic wallets as the platform sees them (REGULATORY.md HK-15, HK-16): extended PUBLIC keys
 * only. Deposit addresses are derived from an account-level extended public key (BTC: BIP84 {@code m/84'/c'/0'},
 * native SegWit P2WPKH; ETH: BIP44 {@code m/44'/60'/0'}), so the servers that hand out addresses can never spend from
 * them; the private keys stay with the offline signer ({@code io.lantau.custody.cold}). {@link
 * io.lantau.custody.wallet.DepositAddressBook} gives each client account one stable address per chain.
 */
package io.lantau.custody.wallet;
