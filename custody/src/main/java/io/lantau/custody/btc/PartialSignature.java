package io.lantau.custody.btc;

import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;

/** A signature for one input by one key, before the input is finalised (BIP-174 {@code PSBT_IN_PARTIAL_SIG}). */
public record PartialSignature(ECKey publicKey, TransactionSignature signature) {
    public PartialSignature {
        publicKey = ECKey.fromPublicOnly(publicKey);
    }
}
