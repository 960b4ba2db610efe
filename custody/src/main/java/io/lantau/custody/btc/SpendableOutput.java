package io.lantau.custody.btc;

/**
 * An unspent P2WPKH output of one of the platform's addresses, with where its key sits below the account key.
 *
 * @param txid        the funding transaction's id (RPC byte order, hex).
 * @param vout        the output index.
 * @param valueSats   the amount, satoshi.
 * @param chain       BIP44 chain of the address (0 receive, 1 change).
 * @param index       the address index.
 */
public record SpendableOutput(String txid, int vout, long valueSats, int chain, int index) {
    public SpendableOutput {
        if (vout < 0 || valueSats <= 0 || chain < 0 || index < 0) {
            throw new IllegalArgumentException("a spendable output needs a non-negative vout, chain and index and a "
                    + "positive value");
        }
    }
}
