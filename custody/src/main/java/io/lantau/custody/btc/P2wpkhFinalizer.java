package io.lantau.custody.btc;

import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;

/**
 * BIP-174 finaliser and extractor for P2WPKH inputs, with verification: each input's witness is built from the
 * partial signature of the key its BIP32 derivation names, and the extracted transaction must pass bitcoinj's script
 * interpreter for every input with every verification flag ({@link Script#ALL_VERIFY_FLAGS}) against the spent
 * output the PSBT carries. Stateless.
 */
public final class P2wpkhFinalizer {
    private P2wpkhFinalizer() {
    }

    /** Why a PSBT could not be finalised. */
    public enum Failure {
        /** An input has no signature at all. */
        SIGNATURE_MISSING,
        /** An input is signed, but not by the key its derivation names. */
        WRONG_KEY,
        /** The finalised transaction does not pass the script interpreter. */
        SCRIPT_FAILED,
        /** An input lacks the witness UTXO or its one key origin. */
        INCOMPLETE
    }

    /** The PSBT cannot be finalised into a valid transaction. */
    public static final class FinalizeException extends RuntimeException {
        private final Failure failure;

        FinalizeException(Failure failure, String message, Throwable cause) {
            super(failure + ": " + message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /**
     * @return the network transaction, every input verified.
     * @throws FinalizeException naming the first input that fails.
     */
    public static Transaction finalizeAndVerify(Psbt psbt) {
        Psbt finalised = psbt;
        for (int i = 0; i < psbt.inputs().size(); i++) {
            PsbtInput in = psbt.inputs().get(i);
            if (in.witnessUtxo() == null || in.derivations().size() != 1) {
                throw new FinalizeException(Failure.INCOMPLETE, "input " + i + " needs its witness UTXO and one key "
                        + "origin", null);
            }
            finalised = finalised.withInput(i, in.finalisedWith(witness(i, in)));
        }
        Transaction tx = finalised.extract();
        verify(tx, psbt.inputs());
        return tx;
    }

    private static TransactionWitness witness(int i, PsbtInput in) {
        if (in.finalScriptWitness() != null) {
            return in.finalScriptWitness();
        }
        KeyOrigin origin = in.derivations().get(0);
        for (PartialSignature s : in.partialSignatures()) {
            if (s.publicKey().equals(origin.publicKey())) {
                return TransactionWitness.redeemP2WPKH(s.signature(), s.publicKey());
            }
        }
        if (in.partialSignatures().isEmpty()) {
            throw new FinalizeException(Failure.SIGNATURE_MISSING, "input " + i + " is not signed", null);
        }
        throw new FinalizeException(Failure.WRONG_KEY, "input " + i + " is signed by another key than its origin "
                + "names", null);
    }

    private static void verify(Transaction tx, List<PsbtInput> inputs) {
        for (int i = 0; i < tx.getInputs().size(); i++) {
            WitnessUtxo spent = inputs.get(i).witnessUtxo();
            try {
                tx.getInput(i).getScriptSig().correctlySpends(tx, i, tx.getInput(i).getWitness(), spent.value(),
                        spent.scriptPubKey(), Script.ALL_VERIFY_FLAGS);
            } catch (ScriptException e) {
                throw new FinalizeException(Failure.SCRIPT_FAILED, "input " + i + " does not verify: "
                        + e.getMessage(), e);
            }
        }
    }
}
