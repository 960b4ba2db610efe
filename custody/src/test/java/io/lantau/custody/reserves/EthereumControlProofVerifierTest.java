package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** personal_sign proofs of control (PoR-1): the key's own signature proves, nothing else does, nothing throws. */
class EthereumControlProofVerifierTest {
    /** A fixed test key and its address (derived by web3j). */
    private static final Credentials KEY = Credentials.create(
            "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static final String ADDRESS = KEY.getAddress();
    private static final String MESSAGE = ReservesReport.controlMessage(ADDRESS, "ab".repeat(32));
    private final EthereumControlProofVerifier verifier = new EthereumControlProofVerifier();

    private static byte[] sign(ECKeyPair key, String message) {
        Sign.SignatureData s = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key);
        byte[] bytes = new byte[65];
        System.arraycopy(s.getR(), 0, bytes, 0, 32);
        System.arraycopy(s.getS(), 0, bytes, 32, 32);
        bytes[64] = s.getV()[0];
        return bytes;
    }

    @Test
    void shouldAcceptTheAddressKeysSignatureWithVAs27Or0() {
        byte[] signature = sign(KEY.getEcKeyPair(), MESSAGE);

        assertThat(verifier.proves(ADDRESS, MESSAGE, Numeric.toHexString(signature))).isTrue();
        assertThat(verifier.proves(ADDRESS.toUpperCase().replace("0X", "0x"), MESSAGE,
                Numeric.toHexStringNoPrefix(signature))).isTrue();
        signature[64] -= 27;
        assertThat(verifier.proves(ADDRESS, MESSAGE, Numeric.toHexString(signature))).isTrue();
    }

    @Test
    void shouldRejectAnotherMessageAnotherKeyOrAnotherAddress() {
        String signature = Numeric.toHexString(sign(KEY.getEcKeyPair(), MESSAGE));
        Credentials other = Credentials.create("0x" + "11".repeat(32));

        assertThat(verifier.proves(ADDRESS, MESSAGE + ".", signature)).isFalse();
        assertThat(verifier.proves(ADDRESS, MESSAGE, Numeric.toHexString(sign(other.getEcKeyPair(), MESSAGE))))
                .isFalse();
        assertThat(verifier.proves(other.getAddress(), MESSAGE, signature)).isFalse();
    }

    @Test
    void shouldAnswerFalseForMalformedInputWithoutThrowing() {
        byte[] good = sign(KEY.getEcKeyPair(), MESSAGE);
        byte[] zeroR = good.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        byte[] badV = good.clone();
        badV[64] = 5;

        assertThat(verifier.proves(ADDRESS, MESSAGE, "0x1234")).isFalse();
        assertThat(verifier.proves(ADDRESS, MESSAGE, "zz".repeat(65))).isFalse();
        assertThat(verifier.proves(ADDRESS, MESSAGE, Numeric.toHexString(zeroR))).isFalse();
        assertThat(verifier.proves(ADDRESS, MESSAGE, Numeric.toHexString(badV))).isFalse();
        assertThat(verifier.proves("not-an-address", MESSAGE, Numeric.toHexString(good))).isFalse();
        assertThat(verifier.proves(ADDRESS, MESSAGE, null)).isFalse();
    }
}
