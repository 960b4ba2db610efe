package io.lantau.custody.btc;

import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;

/**
 * One input's map of a PSBT. Immutable: the {@code with...} methods return a changed copy.
 *
 * @param nonWitnessUtxo     the whole previous transaction, or null (not needed for SegWit spends).
 * @param witnessUtxo        the spent output, or null.
 * @param partialSignatures  signatures so far, one per public key.
 * @param sighashType        the sighash type the signer must use, or null for the default (ALL).
 * @param derivations        where each public key that can sign comes from.
 * @param finalScriptSig     the finished scriptSig, or null until finalised.
 * @param finalScriptWitness the finished witness, or null until finalised.
 * @param unknown            entries of other types, kept as they came.
 */
public record PsbtInput(Transaction nonWitnessUtxo, WitnessUtxo witnessUtxo, List<PartialSignature> partialSignatures,
        Integer sighashType, List<KeyOrigin> derivations, Script finalScriptSig, TransactionWitness finalScriptWitness,
        List<UnknownEntry> unknown) {

    public PsbtInput {
        partialSignatures = List.copyOf(partialSignatures);
        derivations = List.copyOf(derivations);
        unknown = List.copyOf(unknown);
    }

    /** @return an input map with only the spent output and the signing key's origin: what the exporter writes. */
    public static PsbtInput forSigning(WitnessUtxo spent, KeyOrigin signer) {
        return new PsbtInput(null, spent, List.of(), null, List.of(signer), null, null, List.of());
    }

    /** @return this input with {@code signature} added (a signature by the same key replaces the earlier one). */
    public PsbtInput withPartialSignature(PartialSignature signature) {
        List<PartialSignature> signatures = new ArrayList<>();
        for (PartialSignature s : partialSignatures) {
            if (!s.publicKey().equals(signature.publicKey())) {
                signatures.add(s);
            }
        }
        signatures.add(signature);
        return new PsbtInput(nonWitnessUtxo, witnessUtxo, signatures, sighashType, derivations, finalScriptSig,
                finalScriptWitness, unknown);
    }

    /**
     * @return this input finalised with {@code witness}: BIP-174's finaliser drops everything but the UTXO and the
     *         final scripts.
     */
    public PsbtInput finalisedWith(TransactionWitness witness) {
        return new PsbtInput(nonWitnessUtxo, witnessUtxo, List.of(), null, List.of(), null, witness, unknown);
    }

    /** @return true once the input has its final witness or scriptSig. */
    public boolean isFinalised() {
        return finalScriptWitness != null || finalScriptSig != null;
    }
}
