package io.lantau.custody.btc;

import io.lantau.custody.wallet.AccountKey;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.BitcoinAddressDeriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Builds an unsigned withdrawal from the platform's P2WPKH outputs as a PSBT the signer can sign without any other
 * context: each input carries its spent output (BIP-174 witness UTXO) and its key's origin, the change output its
 * key's origin. The fee is the node's fee-rate estimate times the transaction's virtual size once signed; change
 * below the dust limit is left to the fee rather than created. Outputs are selected largest first.
 *
 * <p>Stateless apart from the account it spends from; thread-safe.
 */
public final class P2wpkhSpendBuilder {
    /** Virtual size of a transaction's fixed part with the SegWit marker (10.5 vB), rounded up. */
    static final int OVERHEAD_VBYTES = 11;
    /** Virtual size of one P2WPKH input once signed: 41 bytes plus a 108-byte witness at a quarter weight. */
    static final int P2WPKH_INPUT_VBYTES = 68;
    /** Below this a P2WPKH change output costs more to spend than it is worth (Bitcoin Core's dust rule at 3 sat/vB). */
    static final long DUST_SATS = 294;

    private final BitcoinAddressDeriver account;

    public P2wpkhSpendBuilder(BitcoinAddressDeriver account) {
        this.account = account;
    }

    /**
     * @param available      the platform's unspent outputs to choose from.
     * @param destination    where the withdrawal goes (any address type of the account's network).
     * @param amountSats     what the destination receives.
     * @param feeRateSatPerVb the fee rate, satoshi per virtual byte (from {@code estimatesmartfee}).
     * @param changeIndex    the change address index (chain 1) that receives the rest.
     * @return the unsigned withdrawal.
     * @throws InsufficientFundsException if the outputs cannot pay the amount and the fee.
     */
    public UnsignedSpend build(List<SpendableOutput> available, Address destination, long amountSats,
            long feeRateSatPerVb, int changeIndex) {
        if (amountSats <= 0 || feeRateSatPerVb <= 0) {
            throw new IllegalArgumentException("amount and fee rate must be positive");
        }
        account.network().checkAddress(destination);
        Script destinationScript = ScriptBuilder.createOutputScript(destination);
        Script changeScript = ScriptBuilder.createOutputScript(account.address(AccountPaths.CHANGE, changeIndex));
        if (Coin.valueOf(amountSats).isLessThan(Coin.valueOf(DUST_SATS))) {
            throw new IllegalArgumentException("the amount is below the dust limit");
        }
        List<SpendableOutput> sorted = new ArrayList<>(available);
        sorted.sort(Comparator.comparingLong(SpendableOutput::valueSats).reversed()
                .thenComparing(SpendableOutput::txid).thenComparingInt(SpendableOutput::vout));
        List<SpendableOutput> chosen = new ArrayList<>();
        long inputSum = 0;
        for (SpendableOutput candidate : sorted) {
            chosen.add(candidate);
            inputSum = Math.addExact(inputSum, candidate.valueSats());
            long feeWithChange = fee(chosen.size(), destinationScript, changeScript, feeRateSatPerVb);
            long feeWithout = fee(chosen.size(), destinationScript, null, feeRateSatPerVb);
            long changeSats = inputSum - amountSats - feeWithChange;
            if (changeSats >= DUST_SATS) {
                return assemble(chosen, destinationScript, amountSats, changeScript, changeIndex, changeSats,
                        feeWithChange);
            }
            if (inputSum - amountSats - feeWithout >= 0) {
                return assemble(chosen, destinationScript, amountSats, null, changeIndex, 0,
                        inputSum - amountSats);
            }
        }
        throw new InsufficientFundsException("the outputs hold " + inputSum + " sat; " + amountSats
                + " sat plus the fee are needed");
    }

    /** @return the fee at {@code rate} of a transaction with {@code inputs} P2WPKH inputs and these outputs. */
    static long fee(int inputs, Script destination, Script change, long rate) {
        long vbytes = OVERHEAD_VBYTES + (long) inputs * P2WPKH_INPUT_VBYTES + outputVbytes(destination)
                + (change == null ? 0 : outputVbytes(change));
        return Math.multiplyExact(vbytes, rate);
    }

    private static long outputVbytes(Script script) {
        int length = script.program().length;
        return 8 + org.bitcoinj.base.VarInt.sizeOf(length) + length;
    }

    private UnsignedSpend assemble(List<SpendableOutput> inputs, Script destination, long amountSats, Script change,
            int changeIndex, long changeSats, long feeSats) {
        Transaction tx = new Transaction();
        tx.setVersion(2);
        List<PsbtInput> psbtInputs = new ArrayList<>();
        AccountKey key = account.account();
        for (SpendableOutput in : inputs) {
            tx.addInput(new TransactionInput(tx, new byte[0],
                    new TransactionOutPoint(in.vout(), Sha256Hash.wrap(in.txid())), Coin.valueOf(in.valueSats())));
            DeterministicKey pub = account.publicKey(in.chain(), in.index());
            WitnessUtxo spent = new WitnessUtxo(Coin.valueOf(in.valueSats()), ScriptBuilder.createP2WPKHOutputScript(pub));
            psbtInputs.add(PsbtInput.forSigning(spent,
                    new KeyOrigin(pub, key.masterFingerprint(), key.pathOf(in.chain(), in.index()))));
        }
        tx.addOutput(Coin.valueOf(amountSats), destination);
        List<PsbtOutput> outputs = new ArrayList<>(List.of(PsbtOutput.EMPTY));
        if (change != null) {
            tx.addOutput(Coin.valueOf(changeSats), change);
            DeterministicKey changeKey = account.publicKey(AccountPaths.CHANGE, changeIndex);
            outputs.add(new PsbtOutput(List.of(new KeyOrigin(changeKey, key.masterFingerprint(),
                    key.pathOf(AccountPaths.CHANGE, changeIndex))), List.of()));
        }
        return new UnsignedSpend(Psbt.of(tx, psbtInputs, outputs), feeSats, change == null ? 0 : changeSats);
    }

    /**
     * @param psbt       the unsigned withdrawal, ready for {@code ColdSigningDesk.exportBitcoin} or a hot signer.
     * @param feeSats    the fee it pays.
     * @param changeSats the change it returns to the platform (0 if none).
     */
    public record UnsignedSpend(Psbt psbt, long feeSats, long changeSats) {
    }

    /** The given outputs cannot pay for the withdrawal. */
    public static final class InsufficientFundsException extends RuntimeException {
        public InsufficientFundsException(String message) {
            super(message);
        }
    }
}
