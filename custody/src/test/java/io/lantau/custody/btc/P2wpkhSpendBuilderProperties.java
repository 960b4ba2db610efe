package io.lantau.custody.btc;

import io.lantau.custody.cold.ColdSigner;
import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.BitcoinAddressDeriver;
import io.lantau.custody.wallet.TestVectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.ECKey;

/**
 * Withdrawals built from random outputs, amounts and fee rates: no satoshi is lost or created, the fee pays the
 * signed transaction's real size at the rate, and the signed transaction passes bitcoinj's script interpreter.
 */
class P2wpkhSpendBuilderProperties {
    private static final BitcoinNetwork NET = BitcoinNetwork.REGTEST;
    private static final HdSeed SEED = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
    private static final BitcoinAddressDeriver ACCOUNT = new BitcoinAddressDeriver(
            SEED.accountKey(AccountPaths.bitcoin(NET)), NET);
    private static final Address DESTINATION = ECKey.fromPrivate(BigInteger.valueOf(99))
            .toAddress(ScriptType.P2WPKH, NET);

    @Property(tries = 30)
    boolean everySatoshiIsAccountedForAndTheFeePaysTheSignedSize(@ForAll("outputs") List<SpendableOutput> utxos,
            @ForAll @LongRange(min = 1_000, max = 200_000_000) long amount,
            @ForAll @IntRange(min = 1, max = 300) int feeRate) {
        P2wpkhSpendBuilder.UnsignedSpend spend;
        try {
            spend = new P2wpkhSpendBuilder(ACCOUNT).build(utxos, DESTINATION, amount, feeRate, 0);
        } catch (P2wpkhSpendBuilder.InsufficientFundsException e) {
            long all = utxos.stream().mapToLong(SpendableOutput::valueSats).sum();
            return all < amount + P2wpkhSpendBuilder.fee(utxos.size(), destinationScript(), null, feeRate);
        }
        Transaction unsigned = spend.psbt().transaction();
        long in = spend.psbt().inputs().stream().mapToLong(i -> i.witnessUtxo().value().toSat()).sum();
        long out = unsigned.getOutputs().stream().map(TransactionOutput::getValue).mapToLong(c -> c.toSat()).sum();
        boolean conserved = in == out + spend.feeSats() && in == amount + spend.changeSats() + spend.feeSats()
                && unsigned.getOutput(0).getValue().toSat() == amount;
        boolean changeRule = spend.changeSats() == 0
                ? unsigned.getOutputs().size() == 1
                : spend.changeSats() >= P2wpkhSpendBuilder.DUST_SATS && unsigned.getOutputs().size() == 2;
        Transaction signed = P2wpkhFinalizer.finalizeAndVerify(PsbtCodec.fromBase64(
                new ColdSigner(SEED).signPsbt(PsbtCodec.toBase64(spend.psbt()))));
        boolean feePaysSize = spend.feeSats() >= (long) feeRate * signed.getVsize();
        return conserved && changeRule && feePaysSize && signed.getTxId().equals(unsigned.getTxId());
    }

    @Provide
    Arbitrary<List<SpendableOutput>> outputs() {
        return Arbitraries.longs().between(600, 100_000_000).list().ofMinSize(1).ofMaxSize(5).map(values -> {
            List<SpendableOutput> utxos = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                utxos.add(new SpendableOutput(Sha256Hash.of(new byte[] {(byte) i, 7}).toString(), i, values.get(i),
                        i % 2, i));
            }
            return utxos;
        });
    }

    private static org.bitcoinj.script.Script destinationScript() {
        return org.bitcoinj.script.ScriptBuilder.createOutputScript(DESTINATION);
    }
}
