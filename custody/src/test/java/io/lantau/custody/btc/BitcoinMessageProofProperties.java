package io.lantau.custody.btc;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.crypto.ECKey;

/** Invariants of the Bitcoin signed-message proof over random keys and texts (REGULATORY.md HK-18). */
class BitcoinMessageProofProperties {
    private final BitcoinMessageProof proof = new BitcoinMessageProof(BitcoinNetwork.MAINNET);

    /** Any change of the text breaks the proof, except surrounding whitespace, which Electrum strips when signing. */
    @Property(tries = 40)
    boolean aSignatureProvesItsKeysAddressForExactlyItsText(@ForAll("keys") BigInteger secret,
            @ForAll @StringLength(max = 300) String message, @ForAll @AlphaChars @StringLength(min = 1, max = 3)
            String extra) {
        ECKey key = ECKey.fromPrivate(secret);
        String address = SegwitAddress.fromHash(BitcoinNetwork.MAINNET, key.getPubKeyHash()).toString();
        String signature = key.signMessage(message, ScriptType.P2WPKH);
        return proof.verify(address, message, signature) && !proof.verify(address, message + extra, signature);
    }

    @Property(tries = 40)
    boolean aSignatureProvesNoOtherKeysAddress(@ForAll("keys") BigInteger a, @ForAll("keys") BigInteger b,
            @ForAll @StringLength(max = 100) String message) {
        if (a.equals(b)) {
            return true;
        }
        ECKey other = ECKey.fromPrivate(b);
        String otherAddress = SegwitAddress.fromHash(BitcoinNetwork.MAINNET, other.getPubKeyHash()).toString();
        return !proof.verify(otherAddress, message, ECKey.fromPrivate(a).signMessage(message, ScriptType.P2WPKH));
    }

    @Provide
    Arbitrary<BigInteger> keys() {
        return Arbitraries.bigIntegers().between(BigInteger.TWO,
                ECKey.ecDomainParameters().getN().subtract(BigInteger.ONE));
    }
}
