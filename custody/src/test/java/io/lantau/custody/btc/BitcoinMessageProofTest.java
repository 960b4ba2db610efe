package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.internal.CryptoUtils;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bitcoin signed-message ownership proofs (REGULATORY.md HK-18, the message-signing test): other implementations'
 * published vectors, and signatures made here with bitcoinj's {@link ECKey#signMessage}.
 */
class BitcoinMessageProofTest {
    private static final BitcoinNetwork NET = BitcoinNetwork.MAINNET;
    private final BitcoinMessageProof proof = new BitcoinMessageProof(NET);
    private final ECKey key = ECKey.fromPrivate(BigInteger.valueOf(0xC0FFEEL).shiftLeft(100));
    private final String message = "Lantau address ownership: I control BTC address x for account 1001.";

    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = BitcoinMessageProofTest.class.getResourceAsStream("/bip137/vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .map(c -> Arguments.of(c[5], Boolean.parseBoolean(c[0]), c[1], c[2], message(c[3]), c[4]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldAgreeWithOtherImplementationsVectors(String source, boolean expected, String network, String address,
            String message, String signature) {
        BitcoinNetwork net = network.equals("testnet") ? BitcoinNetwork.TESTNET : BitcoinNetwork.MAINNET;

        assertThat(new BitcoinMessageProof(net).verify(address, message, signature)).isEqualTo(expected);
    }

    @Test
    void shouldAcceptACompressedKeySignatureForEachSingleKeyAddressTypeElectrumStyle() {
        String signature = key.signMessage(message, ScriptType.P2PKH);

        assertThat(header(signature)).isBetween(31, 34);
        assertThat(proof.verify(p2pkh(key), message, signature)).isTrue();
        assertThat(proof.verify(p2wpkh(key), message, signature)).isTrue();
        assertThat(proof.verify(p2shP2wpkh(key), message, signature)).isTrue();
    }

    @Test
    void shouldAcceptABip137SegwitHeaderOnlyForANativeSegwitAddress() {
        String signature = key.signMessage(message, ScriptType.P2WPKH);

        assertThat(header(signature)).isBetween(39, 42);
        assertThat(proof.verify(p2wpkh(key), message, signature)).isTrue();
        assertThat(proof.verify(p2pkh(key), message, signature)).isFalse();
        assertThat(proof.verify(p2shP2wpkh(key), message, signature)).isFalse();
    }

    @Test
    void shouldAcceptABip137P2shSegwitHeaderOnlyForAP2shAddress() {
        byte[] raw = Base64.getDecoder().decode(key.signMessage(message, ScriptType.P2PKH));
        raw[0] += 4; // 31..34 -> 35..38, BIP-137's P2SH-P2WPKH range, same key and recovery id
        String signature = Base64.getEncoder().encodeToString(raw);

        assertThat(proof.verify(p2shP2wpkh(key), message, signature)).isTrue();
        assertThat(proof.verify(p2wpkh(key), message, signature)).isFalse();
        assertThat(proof.verify(p2pkh(key), message, signature)).isFalse();
    }

    @Test
    void shouldAcceptAnUncompressedKeyOnlyForItsOwnLegacyAddress() {
        ECKey uncompressed = ECKey.fromPrivate(key.getPrivKey(), false);
        String signature = uncompressed.signMessage(message, ScriptType.P2PKH);

        assertThat(header(signature)).isBetween(27, 30);
        assertThat(proof.verify(p2pkh(uncompressed), message, signature)).isTrue();
        assertThat(proof.verify(p2pkh(key), message, signature)).isFalse();
        assertThat(proof.verify(p2wpkh(key), message, signature)).isFalse();
    }

    @Test
    void shouldRefuseAnotherMessageAnotherKeyOrAnotherNetwork() {
        String signature = key.signMessage(message, ScriptType.P2WPKH);
        ECKey other = ECKey.fromPrivate(BigInteger.valueOf(42));
        String regtestAddress = SegwitAddress.fromHash(BitcoinNetwork.REGTEST, key.getPubKeyHash()).toString();

        assertThat(proof.verify(p2wpkh(key), message + "x", signature)).isFalse();
        assertThat(proof.verify(p2wpkh(key), message.replace("1001", "1002"), signature)).isFalse();
        assertThat(proof.verify(p2wpkh(key), "  " + message + "\n", signature)).isTrue();
        assertThat(proof.verify(p2wpkh(other), message, signature)).isFalse();
        assertThat(proof.verify(regtestAddress, message, signature)).isFalse();
        assertThat(new BitcoinMessageProof(BitcoinNetwork.REGTEST).verify(regtestAddress, message, signature)).isTrue();
    }

    @Test
    void shouldAnswerFalseToGarbageWithoutThrowing() {
        String signature = key.signMessage(message, ScriptType.P2PKH);
        byte[] raw = Base64.getDecoder().decode(signature);
        byte[] zeroR = raw.clone();
        java.util.Arrays.fill(zeroR, 1, 33, (byte) 0);

        for (String bad : List.of("", "!!!", "AAAA", Base64.getEncoder().encodeToString(zeroR))) {
            assertThat(proof.verify(p2pkh(key), message, bad)).isFalse();
        }
        assertThat(proof.verify(null, message, signature)).isFalse();
        assertThat(proof.verify("not an address", message, signature)).isFalse();
    }

    @Test
    void shouldNotClaimToProveTaprootOrScriptAddresses() {
        String taproot = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297";
        String p2wsh = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3";

        assertThat(proof.isValidAddress(taproot)).isFalse();
        assertThat(proof.isValidAddress(p2wsh)).isFalse();
        assertThat(proof.isValidAddress(p2wpkh(key))).isTrue();
        assertThat(proof.isValidAddress(p2wpkh(key).replace('q', 'p'))).isFalse();
    }

    private static String message(String column) {
        if (column.startsWith("REPEAT")) {
            int colon = column.indexOf(':');
            return column.substring(colon + 1).repeat(Integer.parseInt(column.substring(6, colon)));
        }
        return column;
    }

    private static int header(String signature) {
        return Base64.getDecoder().decode(signature)[0] & 0xff;
    }

    private static String p2pkh(ECKey k) {
        return LegacyAddress.fromPubKeyHash(NET, k.getPubKeyHash()).toString();
    }

    private static String p2wpkh(ECKey k) {
        return SegwitAddress.fromHash(NET, k.getPubKeyHash()).toString();
    }

    private static String p2shP2wpkh(ECKey k) {
        return LegacyAddress.fromScriptHash(NET,
                CryptoUtils.sha256hash160(ScriptBuilder.createP2WPKHOutputScript(k).program())).toString();
    }
}
