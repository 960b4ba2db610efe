package io.lantau.custody.cold;

import java.security.SignatureException;
import java.util.Locale;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Imports an Ethereum transaction signed offline: it must decode (web3j {@link TransactionDecoder}) to a signed
 * EIP-1559 transaction whose every field equals the export's, and whose recovered signer is the cold address the
 * export spends from. Stateless.
 */
final class EthereumImportVerifier implements SignedImportVerifier {

    @Override
    public SignedTransaction verify(String exported, String expectedSigner, String signed) {
        EthereumColdExport export = EthereumColdExport.fromJson(exported);
        Transaction1559 original = eip1559(TransactionDecoder.decode(export.unsignedHex()));
        RawTransaction decoded;
        byte[] raw;
        try {
            raw = Numeric.hexStringToByteArray(signed.trim());
            decoded = TransactionDecoder.decode(signed.trim());
        } catch (RuntimeException e) {
            throw new ColdSigningException(ColdSigningCode.MALFORMED, "not a hex RLP transaction", e);
        }
        if (!(decoded instanceof SignedRawTransaction signedTx) || signedTx.getSignatureData() == null) {
            throw new ColdSigningException(ColdSigningCode.NOT_SIGNED, "the transaction came back unsigned");
        }
        if (!(decoded.getTransaction() instanceof Transaction1559 returned)) {
            throw new ColdSigningException(ColdSigningCode.TRANSACTION_CHANGED, "not an EIP-1559 transaction");
        }
        compare(original, returned);
        String from;
        try {
            from = signedTx.getFrom();
        } catch (SignatureException | RuntimeException e) {
            throw new ColdSigningException(ColdSigningCode.SIGNATURE_INVALID, "no signer can be recovered", e);
        }
        if (!from.equalsIgnoreCase(expectedSigner)) {
            throw new ColdSigningException(ColdSigningCode.WRONG_SIGNER, "signed by " + from + ", not the cold "
                    + "address " + expectedSigner);
        }
        byte[] canonical = TransactionEncoder.encode(decoded, signedTx.getSignatureData());
        if (!java.util.Arrays.equals(canonical, raw)) {
            throw new ColdSigningException(ColdSigningCode.MALFORMED, "not the canonical encoding");
        }
        return new SignedTransaction("ETH", Numeric.toHexString(Hash.sha3(raw)), raw);
    }

    static Transaction1559 eip1559(RawTransaction tx) {
        if (!(tx.getTransaction() instanceof Transaction1559 t)) {
            throw new IllegalArgumentException("cold exports are EIP-1559 transactions");
        }
        return t;
    }

    private static void compare(Transaction1559 a, Transaction1559 b) {
        if (!normal(a.getTo()).equals(normal(b.getTo()))) {
            throw new ColdSigningException(ColdSigningCode.DESTINATION_CHANGED, "sends to " + b.getTo()
                    + ", the export to " + a.getTo());
        }
        if (!a.getValue().equals(b.getValue())) {
            throw new ColdSigningException(ColdSigningCode.AMOUNT_CHANGED, "sends " + b.getValue() + " wei, the "
                    + "export " + a.getValue());
        }
        boolean same = a.getChainId() == b.getChainId() && a.getNonce().equals(b.getNonce())
                && a.getGasLimit().equals(b.getGasLimit()) && a.getMaxFeePerGas().equals(b.getMaxFeePerGas())
                && a.getMaxPriorityFeePerGas().equals(b.getMaxPriorityFeePerGas())
                && normal(a.getData()).equals(normal(b.getData()))
                && Objects.equals(a.getAccessList(), b.getAccessList());
        if (!same) {
            throw new ColdSigningException(ColdSigningCode.TRANSACTION_CHANGED,
                    "chain id, nonce, gas, fees, data or access list differ from the export");
        }
    }

    private static String normal(String hex) {
        return hex == null ? "" : Numeric.cleanHexPrefix(hex).toLowerCase(Locale.ROOT);
    }
}
