package io.lantau.custody.btc;

import java.util.List;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.ECKey;

/**
 * A PSBT BIP32-derivation entry (BIP-174 {@code PSBT_IN_BIP32_DERIVATION}, {@code PSBT_OUT_BIP32_DERIVATION}): which
 * key of which master, at which path, a public key is. The offline signer finds its private key from it.
 *
 * @param publicKey         a compressed public key (public only).
 * @param masterFingerprint the master key's fingerprint.
 * @param path              the derivation path from the master key.
 */
public record KeyOrigin(ECKey publicKey, int masterFingerprint, List<ChildNumber> path) {
    public KeyOrigin {
        if (!publicKey.isCompressed()) {
            throw new PsbtFormatException("a BIP32 derivation key must be a compressed public key");
        }
        publicKey = ECKey.fromPublicOnly(publicKey);
        path = List.copyOf(path);
    }
}
