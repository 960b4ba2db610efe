package io.lantau.custody.cold;

import io.lantau.custody.btc.KeyOrigin;
import io.lantau.custody.btc.PartialSignature;
import io.lantau.custody.btc.Psbt;
import io.lantau.custody.btc.PsbtCodec;
import io.lantau.custody.btc.PsbtFormatException;
import io.lantau.custody.btc.PsbtInput;
import io.lantau.custody.btc.WitnessUtxo;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;

/**
 * Imports a PSBT signed offline: the unsigned transaction and every spent output must be exactly the exported ones,
 * every input must carry a signature by the key the export named, and the finalised transaction must pass bitcoinj's
 * script interpreter with every verification flag ({@link Script#ALL_VERIFY_FLAGS}). Stateless.
 */
final class BitcoinImportVerifier implements SignedImportVerifier {

    /**
     * @param expectedSigner the master fingerprint (8 hex digits) every input's key must come from.
     */
    @Override
    public SignedTransaction verify(String exported, String expectedSigner, String signed) {
        Psbt original = PsbtCodec.fromBase64(exported);
        Psbt returned;
        try {
            returned = PsbtCodec.fromBase64(signed);
        } catch (PsbtFormatException e) {
            throw new ColdSigningException(ColdSigningCode.MALFORMED, e.getMessage(), e);
        }
        compareTransactions(original.transaction(), returned.transaction());
        Psbt finalised = original;
        boolean anySignature = false;
        for (int i = 0; i < original.inputs().size(); i++) {
            PsbtInput mine = original.inputs().get(i);
            PsbtInput theirs = returned.inputs().get(i);
            if (theirs.witnessUtxo() == null || !theirs.witnessUtxo().equals(mine.witnessUtxo())) {
                throw new ColdSigningException(ColdSigningCode.TRANSACTION_CHANGED,
                        "input " + i + " claims another spent output than the export");
            }
            TransactionWitness witness = witnessOf(i, mine, theirs, expectedSigner);
            anySignature |= witness != null;
            if (witness == null) {
                continue;
            }
            finalised = finalised.withInput(i, mine.finalisedWith(witness));
        }
        if (!anySignature) {
            throw new ColdSigningException(ColdSigningCode.NOT_SIGNED, "the PSBT came back without signatures");
        }
        for (int i = 0; i < finalised.inputs().size(); i++) {
            if (!finalised.inputs().get(i).isFinalised()) {
                throw new ColdSigningException(ColdSigningCode.SIGNATURE_MISSING, "input " + i + " is not signed");
            }
        }
        Transaction tx = finalised.extract();
        verifyScripts(tx, original.inputs());
        return new SignedTransaction("BTC", tx.getTxId().toString(), tx.serialize());
    }

    /** Outputs first, so that the refusal names what an attacker would change: where the money goes, and how much. */
    private static void compareTransactions(Transaction exported, Transaction returned) {
        List<TransactionOutput> a = exported.getOutputs();
        List<TransactionOutput> b = returned.getOutputs();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Arrays.equals(a.get(i).getScriptBytes(), b.get(i).getScriptBytes())) {
                throw new ColdSigningException(ColdSigningCode.DESTINATION_CHANGED, "output " + i + " pays another "
                        + "script than the export");
            }
            if (!a.get(i).getValue().equals(b.get(i).getValue())) {
                throw new ColdSigningException(ColdSigningCode.AMOUNT_CHANGED, "output " + i + " pays "
                        + b.get(i).getValue().toSat() + " sat, the export " + a.get(i).getValue().toSat());
            }
        }
        if (a.size() != b.size()) {
            throw new ColdSigningException(ColdSigningCode.DESTINATION_CHANGED, "the number of outputs changed");
        }
        if (!Arrays.equals(exported.serialize(), returned.serialize())) {
            throw new ColdSigningException(ColdSigningCode.TRANSACTION_CHANGED,
                    "inputs, version or lock time differ from the export");
        }
    }

    /** @return the P2WPKH witness for input {@code i}, or null if the signer left it unsigned. */
    private static TransactionWitness witnessOf(int i, PsbtInput mine, PsbtInput theirs, String expectedSigner) {
        if (mine.derivations().size() != 1) {
            throw new IllegalStateException("an exported P2WPKH input names exactly one key");
        }
        KeyOrigin origin = mine.derivations().get(0);
        if (!HexFormat.of().toHexDigits(origin.masterFingerprint()).equals(expectedSigner)) {
            throw new IllegalStateException("the export names another master key than its request");
        }
        if (theirs.finalScriptWitness() != null) {
            // A signer that finalised itself: the witness is checked by the script interpreter below.
            return theirs.finalScriptWitness();
        }
        for (PartialSignature s : theirs.partialSignatures()) {
            if (s.publicKey().equals(origin.publicKey())) {
                return TransactionWitness.redeemP2WPKH(s.signature(), s.publicKey());
            }
        }
        if (!theirs.partialSignatures().isEmpty()) {
            throw new ColdSigningException(ColdSigningCode.WRONG_SIGNER,
                    "input " + i + " is signed by another key than the export named");
        }
        return null;
    }

    private static void verifyScripts(Transaction tx, List<PsbtInput> exportedInputs) {
        for (int i = 0; i < tx.getInputs().size(); i++) {
            WitnessUtxo spent = exportedInputs.get(i).witnessUtxo();
            try {
                tx.getInput(i).getScriptSig().correctlySpends(tx, i, tx.getInput(i).getWitness(), spent.value(),
                        spent.scriptPubKey(), Script.ALL_VERIFY_FLAGS);
            } catch (ScriptException e) {
                throw new ColdSigningException(ColdSigningCode.SIGNATURE_INVALID,
                        "input " + i + " does not verify: " + e.getMessage(), e);
            }
        }
    }
}
