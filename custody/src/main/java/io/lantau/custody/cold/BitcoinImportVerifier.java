package io.lantau.custody.cold;

import io.lantau.custody.btc.P2wpkhFinalizer;
import io.lantau.custody.btc.Psbt;
import io.lantau.custody.btc.PsbtCodec;
import io.lantau.custody.btc.PsbtFormatException;
import io.lantau.custody.btc.PsbtInput;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;

/**
 * Imports a PSBT signed offline: the unsigned transaction and every spent output must be exactly the exported ones,
 * every input must carry a signature by the key the export named, and the finalised transaction must pass bitcoinj's
 * script interpreter with every verification flag ({@link P2wpkhFinalizer}). Stateless.
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
        // Our spent outputs and key origins, their signatures: nothing the signer says about the inputs is trusted.
        Psbt merged = original;
        boolean anySignature = false;
        for (int i = 0; i < original.inputs().size(); i++) {
            PsbtInput mine = original.inputs().get(i);
            PsbtInput theirs = returned.inputs().get(i);
            if (theirs.witnessUtxo() == null || !theirs.witnessUtxo().equals(mine.witnessUtxo())) {
                throw new ColdSigningException(ColdSigningCode.TRANSACTION_CHANGED,
                        "input " + i + " claims another spent output than the export");
            }
            requireSigner(mine, expectedSigner);
            anySignature |= !theirs.partialSignatures().isEmpty() || theirs.finalScriptWitness() != null;
            PsbtInput withSignatures = new PsbtInput(null, mine.witnessUtxo(), theirs.partialSignatures(), null,
                    mine.derivations(), null, theirs.finalScriptWitness(), List.of());
            merged = merged.withInput(i, withSignatures);
        }
        if (!anySignature) {
            throw new ColdSigningException(ColdSigningCode.NOT_SIGNED, "the PSBT came back without signatures");
        }
        Transaction tx;
        try {
            tx = P2wpkhFinalizer.finalizeAndVerify(merged);
        } catch (P2wpkhFinalizer.FinalizeException e) {
            ColdSigningCode code = switch (e.failure()) {
                case SIGNATURE_MISSING, INCOMPLETE -> ColdSigningCode.SIGNATURE_MISSING;
                case WRONG_KEY -> ColdSigningCode.WRONG_SIGNER;
                case SCRIPT_FAILED -> ColdSigningCode.SIGNATURE_INVALID;
            };
            throw new ColdSigningException(code, e.getMessage(), e);
        }
        return new SignedTransaction("BTC", tx.getTxId().toString(), tx.serialize());
    }

    private static void requireSigner(PsbtInput exported, String expectedSigner) {
        if (exported.derivations().size() != 1 || !HexFormat.of()
                .toHexDigits(exported.derivations().get(0).masterFingerprint()).equals(expectedSigner)) {
            throw new IllegalStateException("the export names another master key than its request");
        }
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
}
