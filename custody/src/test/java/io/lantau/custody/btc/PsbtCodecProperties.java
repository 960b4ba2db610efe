package io.lantau.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.ScriptBuilder;

/** The PSBT codec loses and invents nothing: random PSBTs survive encode and decode exactly (BIP-174). */
class PsbtCodecProperties {

    @Property(tries = 60)
    void decodingAnEncodedPsbtGivesItBack(@ForAll("psbts") Psbt psbt) {
        byte[] encoded = PsbtCodec.encode(psbt);
        Psbt decoded = PsbtCodec.decode(encoded);

        assertThat(decoded).isEqualTo(psbt);
        assertThat(PsbtCodec.encode(decoded)).isEqualTo(encoded);
        assertThat(PsbtCodec.fromBase64(PsbtCodec.toBase64(psbt))).isEqualTo(psbt);
    }

    @Property(tries = 60)
    void everyProperPrefixIsRefused(@ForAll("psbts") Psbt psbt, @ForAll("permille") int cut) {
        byte[] encoded = PsbtCodec.encode(psbt);
        byte[] prefix = Arrays.copyOf(encoded, (int) ((long) cut * encoded.length / 1000));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PsbtCodec.decode(prefix))
                .isInstanceOf(PsbtFormatException.class);
    }

    @Provide
    Arbitrary<Integer> permille() {
        return Arbitraries.integers().between(0, 999);
    }

    @Provide
    Arbitrary<Psbt> psbts() {
        Arbitrary<Integer> inputs = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> outputs = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> seeds = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<Integer> signedMask = Arbitraries.integers().between(0, 15);
        return Combinators.combine(inputs, outputs, seeds, signedMask).as(PsbtCodecProperties::psbt);
    }

    private static Psbt psbt(int inputCount, int outputCount, long seed, int signedMask) {
        java.util.Random random = new java.util.Random(seed);
        Transaction tx = new Transaction();
        tx.setVersion(2);
        tx.setLockTime(random.nextInt(500_000));
        List<PsbtInput> inputs = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            ECKey key = ECKey.fromPrivate(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE).add(BigInteger.TWO));
            tx.addInput(new TransactionInput(tx, new byte[0], new TransactionOutPoint(random.nextInt(10),
                    Sha256Hash.wrap(hash))).withSequence(0xfffffffdL - random.nextInt(2)));
            Coin value = Coin.valueOf(1 + (random.nextLong() & 0xffffffffffL));
            KeyOrigin origin = new KeyOrigin(key, random.nextInt(), List.of(new ChildNumber(84, true),
                    new ChildNumber(1, true), ChildNumber.ZERO_HARDENED, new ChildNumber(random.nextInt(2)),
                    new ChildNumber(random.nextInt(1000))));
            PsbtInput in = PsbtInput.forSigning(new WitnessUtxo(value, ScriptBuilder.createP2WPKHOutputScript(key)),
                    origin);
            inputs.add(in);
        }
        for (int o = 0; o < outputCount; o++) {
            ECKey key = ECKey.fromPrivate(BigInteger.valueOf(random.nextInt(1_000_000) + 2L));
            tx.addOutput(Coin.valueOf(546 + random.nextInt(1_000_000)), ScriptBuilder.createP2WPKHOutputScript(key));
        }
        List<PsbtOutput> outputs = new ArrayList<>();
        for (int o = 0; o < outputCount; o++) {
            outputs.add(random.nextBoolean() ? PsbtOutput.EMPTY : new PsbtOutput(List.of(new KeyOrigin(
                    ECKey.fromPrivate(BigInteger.valueOf(o + 7L)), random.nextInt(), List.of(new ChildNumber(1),
                            new ChildNumber(o)))), List.of(new UnknownEntry("fc0102", "beef"))));
        }
        for (int i = 0; i < inputCount; i++) {
            if ((signedMask & (1 << i)) != 0) {
                PsbtInput in = inputs.get(i);
                ECKey signer = ECKey.fromPrivate(BigInteger.valueOf(i + 11L));
                var signature = tx.calculateWitnessSignature(i, signer, ScriptBuilder.createP2PKHOutputScript(signer),
                        in.witnessUtxo().value(), Transaction.SigHash.ALL, false);
                inputs.set(i, in.withPartialSignature(new PartialSignature(signer, signature)));
            }
        }
        return Psbt.of(tx, inputs, outputs);
    }
}
