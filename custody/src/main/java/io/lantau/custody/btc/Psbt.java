package io.lantau.custody.btc;

import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;

/**
 * A partially signed Bitcoin transaction (BIP-174, version 0): the unsigned transaction and one map per input and per
 * output. Immutable. {@link PsbtCodec} reads and writes it; the offline signer adds partial signatures; the platform
 * finalises it into a network transaction.
 *
 * @param unsignedTransaction the transaction with empty scriptSigs and witnesses (held as its bytes, so the record
 *                            stays immutable; see {@link #transaction()}).
 */
public record Psbt(byte[] unsignedTransaction, List<PsbtInput> inputs, List<PsbtOutput> outputs,
        List<UnknownEntry> unknownGlobals) {

    public Psbt {
        unsignedTransaction = unsignedTransaction.clone();
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        unknownGlobals = List.copyOf(unknownGlobals);
        Transaction tx = PsbtCodec.parseUnsigned(unsignedTransaction);
        if (tx.getInputs().size() != inputs.size() || tx.getOutputs().size() != outputs.size()) {
            throw new PsbtFormatException("a PSBT needs one map per input and per output of its transaction");
        }
    }

    /** @return a PSBT of {@code unsigned} (no scriptSigs, no witnesses) with the given maps. */
    public static Psbt of(Transaction unsigned, List<PsbtInput> inputs, List<PsbtOutput> outputs) {
        return new Psbt(unsigned.serialize(), inputs, outputs, List.of());
    }

    /** @return a fresh copy of the unsigned transaction. */
    public Transaction transaction() {
        return PsbtCodec.parseUnsigned(unsignedTransaction);
    }

    @Override
    public byte[] unsignedTransaction() {
        return unsignedTransaction.clone();
    }

    /** @return this PSBT with input {@code index} replaced. */
    public Psbt withInput(int index, PsbtInput input) {
        List<PsbtInput> changed = new ArrayList<>(inputs);
        changed.set(index, input);
        return new Psbt(unsignedTransaction, changed, outputs, unknownGlobals);
    }

    /**
     * Extracts the network transaction (BIP-174 extractor): the unsigned transaction with each input's final scriptSig
     * and witness.
     *
     * @throws PsbtFormatException if an input is not finalised.
     */
    public Transaction extract() {
        Transaction tx = transaction();
        for (int i = 0; i < inputs.size(); i++) {
            PsbtInput in = inputs.get(i);
            if (!in.isFinalised()) {
                throw new PsbtFormatException("input " + i + " is not finalised");
            }
            TransactionInput original = tx.getInput(i);
            TransactionInput done = original;
            if (in.finalScriptSig() != null) {
                done = done.withScriptBytes(in.finalScriptSig().program());
            }
            if (in.finalScriptWitness() != null) {
                done = done.withWitness(in.finalScriptWitness());
            }
            tx.replaceInput(i, done);
        }
        return tx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Psbt p && java.util.Arrays.equals(unsignedTransaction, p.unsignedTransaction)
                && inputs.equals(p.inputs) && outputs.equals(p.outputs) && unknownGlobals.equals(p.unknownGlobals);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(unsignedTransaction) * 31 + inputs.hashCode();
    }

    @Override
    public String toString() {
        return "Psbt[" + transaction().getTxId() + ", " + inputs.size() + " inputs, " + outputs.size() + " outputs]";
    }
}
