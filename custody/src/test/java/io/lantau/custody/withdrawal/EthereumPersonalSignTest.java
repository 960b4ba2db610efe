package io.lantau.custody.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.testing.CustodyRig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** HK-18 message-signing proofs: Ethereum personal_sign, verified by recovering the signer's address. */
class EthereumPersonalSignTest {
    final EthereumPersonalSign verifier = new EthereumPersonalSign();

    @Test
    void shouldAcceptSignatureOfTheAddressKeyOverTheChallenge() throws Exception {
        Credentials owner = Credentials.create(Keys.createEcKeyPair());
        String proof = CustodyRig.proof(owner, 42);
        String challenge = OwnershipProof.challenge(42, "ETH", owner.getAddress());

        assertThat(verifier.verify(owner.getAddress(), challenge, proof)).isTrue();
        assertThat(verifier.verify(Keys.toChecksumAddress(owner.getAddress()), challenge, proof)).isTrue();
    }

    @Test
    void shouldAcceptRecoveryIdZeroOrOne() throws Exception {
        Credentials owner = Credentials.create(Keys.createEcKeyPair());
        String challenge = OwnershipProof.challenge(7, "ETH", owner.getAddress());
        Sign.SignatureData sig = Sign.signPrefixedMessage(challenge.getBytes(StandardCharsets.UTF_8),
                owner.getEcKeyPair());
        byte[] raw = new byte[65];
        System.arraycopy(sig.getR(), 0, raw, 0, 32);
        System.arraycopy(sig.getS(), 0, raw, 32, 32);
        raw[64] = (byte) (sig.getV()[0] - 27);

        assertThat(verifier.verify(owner.getAddress(), challenge, Numeric.toHexString(raw))).isTrue();
    }

    @Test
    void shouldRejectOtherKeyOtherMessageOrMalformedSignature() throws Exception {
        Credentials owner = Credentials.create(Keys.createEcKeyPair());
        Credentials other = Credentials.create(Keys.createEcKeyPair());
        String challenge = OwnershipProof.challenge(42, "ETH", owner.getAddress());

        assertThat(verifier.verify(owner.getAddress(), challenge, CustodyRig.proof(other, 42))).isFalse();
        assertThat(verifier.verify(owner.getAddress(), OwnershipProof.challenge(43, "ETH", owner.getAddress()),
                CustodyRig.proof(owner, 42))).isFalse();
        assertThat(verifier.verify(owner.getAddress(), challenge, "0x00")).isFalse();
        assertThat(verifier.verify(owner.getAddress(), challenge, "not hex")).isFalse();
        assertThat(verifier.verify("0x1234", challenge, CustodyRig.proof(owner, 42))).isFalse();
    }
}
