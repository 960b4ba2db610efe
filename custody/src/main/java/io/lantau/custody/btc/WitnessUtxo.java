package io.lantau.custody.btc;

import org.bitcoinj.base.Coin;
import org.bitcoinj.script.Script;

/**
 * The output an input spends, as BIP-174 {@code PSBT_IN_WITNESS_UTXO} carries it: a SegWit signature commits to the
 * spent amount (BIP-143), so the offline signer needs it without the whole previous transaction.
 */
public record WitnessUtxo(Coin value, Script scriptPubKey) {
    public WitnessUtxo {
        if (value.isNegative()) {
            throw new PsbtFormatException("a witness UTXO amount cannot be negative");
        }
    }
}
