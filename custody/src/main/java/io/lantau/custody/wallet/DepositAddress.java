package io.lantau.custody.wallet;

/**
 * A client account's deposit address on one chain.
 *
 * @param index   the BIP44 address index below the chain's account key (receive chain 0), never another account's.
 * @param address the address in its chain's canonical form.
 */
public record DepositAddress(String chain, long accountId, int index, String address) {
}
