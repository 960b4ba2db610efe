package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The BIP-174 codec against the BIP's own test vectors and the strictness rules the cold-signing flow relies on. */
class PsbtCodecTest {

    static Stream<String> validVectors() throws IOException {
        return lines("/bip174/valid.txt").stream();
    }

    static Stream<Arguments> invalidVectors() throws IOException {
        return lines("/bip174/invalid.txt").stream().map(l -> l.split("\t")).map(p -> Arguments.of(p[0], p[1]));
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void shouldDecodeEachValidBip174VectorAndWriteTheSameBytesBack(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);

        Psbt psbt = PsbtCodec.decode(bytes);

        assertThat(PsbtCodec.encode(psbt)).isEqualTo(bytes);
        assertThat(PsbtCodec.decode(PsbtCodec.encode(psbt))).isEqualTo(psbt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVectors")
    void shouldRefuseEachInvalidBip174Vector(String reason, String base64) {
        assertThatThrownBy(() -> PsbtCodec.fromBase64(base64)).isInstanceOf(PsbtFormatException.class);
    }

    @Test
    void shouldReadTheFieldsOfTheBip174UpdaterVector() throws IOException {
        // Valid vector 4: two inputs, the second with a witness UTXO of 1.5 BTC, and two outputs with BIP32 paths.
        Psbt psbt = PsbtCodec.fromBase64(validVectors().toList().get(3));

        assertThat(psbt.inputs()).hasSize(2);
        assertThat(psbt.inputs().get(0).nonWitnessUtxo()).isNotNull();
        assertThat(psbt.inputs().get(1).witnessUtxo().value()).isEqualTo(Coin.valueOf(100_000_000));
        assertThat(psbt.outputs().get(0).derivations()).singleElement()
                .satisfies(o -> assertThat(o.masterFingerprint()).isEqualTo(0xb4a6ba67));
        assertThat(psbt.outputs().get(0).derivations().get(0).path()).hasSize(3);
    }

    @Test
    void shouldRefuseTrailingBytesAndNonMinimalLengths() {
        byte[] valid = PsbtCodec.encode(simplePsbt());
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);

        assertThatThrownBy(() -> PsbtCodec.decode(trailing)).hasMessageContaining("after the last output map");
        // The global key length 0x01 written as 0xfd 0x01 0x00: a non-minimal compact size.
        byte[] nonMinimal = new byte[valid.length + 2];
        System.arraycopy(valid, 0, nonMinimal, 0, 5);
        nonMinimal[5] = (byte) 0xfd;
        nonMinimal[6] = 0x01;
        nonMinimal[7] = 0x00;
        System.arraycopy(valid, 6, nonMinimal, 8, valid.length - 6);
        assertThatThrownBy(() -> PsbtCodec.decode(nonMinimal)).hasMessageContaining("non-minimal");
    }

    @Test
    void shouldRefuseAVersionOtherThanZero() {
        Psbt v1 = new Psbt(simplePsbt().unsignedTransaction(), simplePsbt().inputs(), simplePsbt().outputs(),
                List.of(new UnknownEntry("fb", "01000000")));
        Psbt v0 = new Psbt(simplePsbt().unsignedTransaction(), simplePsbt().inputs(), simplePsbt().outputs(),
                List.of(new UnknownEntry("fb", "00000000")));

        assertThatThrownBy(() -> PsbtCodec.decode(PsbtCodec.encode(v1))).hasMessageContaining("version 0");
        assertThat(PsbtCodec.decode(PsbtCodec.encode(v0))).isEqualTo(v0);
    }

    @Test
    void shouldRefuseEveryTruncationOfAValidPsbt() throws IOException {
        byte[] valid = Base64.getDecoder().decode(validVectors().toList().get(3));

        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> PsbtCodec.decode(truncated)).isInstanceOf(PsbtFormatException.class);
        }
    }

    @Test
    void shouldRefuseAnUnsignedTransactionWithoutOutputs() {
        Transaction tx = new Transaction();
        tx.addInput(Sha256Hash.ZERO_HASH, 0, ScriptBuilder.createEmpty());

        assertThatThrownBy(() -> Psbt.of(tx, List.of(PsbtInput.forSigning(null, origin())), List.of()))
                .isInstanceOf(PsbtFormatException.class);
    }

    static Psbt simplePsbt() {
        Transaction tx = new Transaction();
        tx.addInput(new org.bitcoinj.core.TransactionInput(tx, new byte[0],
                new TransactionOutPoint(1, Sha256Hash.of(new byte[] {1}))));
        tx.addOutput(Coin.valueOf(50_000), ScriptBuilder.createP2WPKHOutputScript(ECKey.fromPrivate(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32})));
        KeyOrigin origin = origin();
        WitnessUtxo spent = new WitnessUtxo(Coin.valueOf(60_000),
                ScriptBuilder.createP2WPKHOutputScript(origin.publicKey()));
        return Psbt.of(tx, List.of(PsbtInput.forSigning(spent, origin)), List.of(PsbtOutput.EMPTY));
    }

    private static KeyOrigin origin() {
        ECKey key = ECKey.fromPrivate(Sha256Hash.hash("origin".getBytes(StandardCharsets.UTF_8)));
        return new KeyOrigin(key, 0x73c5da0a, org.bitcoinj.crypto.HDPath.parsePath("M/84H/1H/0H/0/3"));
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = PsbtCodecTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
