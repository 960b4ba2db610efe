package io.lantau.custody.cold;

import io.lantau.custody.btc.KeyOrigin;
import io.lantau.custody.btc.PartialSignature;
import io.lantau.custody.btc.Psbt;
import io.lantau.custody.btc.PsbtCodec;
import io.lantau.custody.btc.PsbtInput;
import io.lantau.custody.wallet.AccountKey;
import io.lantau.custody.wallet.EthereumAddressDeriver;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDPath;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.ScriptBuilder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The offline signer: the one component that holds private keys (stand-in for an HSM on an air-gapped machine;
 * REGULATORY.md HK-16). It exports account public keys for the platform, and signs the PSBTs and Ethereum exports
 * the platform hands over, after checking that each key it is asked to use really is the key of the coins or address
 * being spent. It never sees the database or the network.
 *
 * <p>Opened from a {@link SealedSeed} with every custodian's passphrase. Not thread-safe; close it to wipe the seed.
 */
public final class ColdSigner implements AutoCloseable {
    private final HdSeed seed;

    public ColdSigner(HdSeed seed) {
        this.seed = seed;
    }

    /** @return a signer over the sealed seed, opened with every custodian's passphrase. */
    public static ColdSigner unseal(SealedSeed sealed, Map<String, char[]> passphrases) {
        return new ColdSigner(sealed.unseal(passphrases));
    }

    /** @return the public account key at {@code accountPath}, with its origin: what the platform is configured with. */
    public AccountKey accountKey(HDPath accountPath) {
        return seed.accountKey(accountPath);
    }

    /** @return the Ethereum address at {@code path}. */
    public String ethereumAddress(List<ChildNumber> path) {
        return EthereumAddressDeriver.addressOf(seed.privateKey(path));
    }

    /**
     * Adds a signature (SIGHASH_ALL, BIP-143) to every P2WPKH input whose key origin is this seed's.
     *
     * @param psbtBase64 the exported PSBT.
     * @return the PSBT with partial signatures, base64.
     * @throws IllegalArgumentException if an input names this seed but its key does not own the spent output, asks
     *                                  for another sighash than ALL, or no input is this seed's.
     */
    public String signPsbt(String psbtBase64) {
        Psbt psbt = PsbtCodec.fromBase64(psbtBase64);
        Transaction tx = psbt.transaction();
        int signed = 0;
        for (int i = 0; i < psbt.inputs().size(); i++) {
            PsbtInput input = psbt.inputs().get(i);
            KeyOrigin origin = ownOrigin(input);
            if (origin == null) {
                continue;
            }
            if (input.sighashType() != null && input.sighashType() != Transaction.SigHash.ALL.value) {
                throw new IllegalArgumentException("input " + i + " asks for a sighash other than ALL");
            }
            DeterministicKey key = seed.privateKey(origin.path());
            if (!key.getPubKeyPoint().equals(origin.publicKey().getPubKeyPoint())) {
                throw new IllegalArgumentException("input " + i + ": the path does not lead to the named key");
            }
            if (input.witnessUtxo() == null || input.witnessUtxo().scriptPubKey().getScriptType() != ScriptType.P2WPKH
                    || !java.util.Arrays.equals(input.witnessUtxo().scriptPubKey().getPubKeyHash(),
                            key.getPubKeyHash())) {
                throw new IllegalArgumentException("input " + i + " does not spend a P2WPKH output of its key");
            }
            TransactionSignature signature = tx.calculateWitnessSignature(i, key,
                    ScriptBuilder.createP2PKHOutputScript(key), input.witnessUtxo().value(),
                    Transaction.SigHash.ALL, false);
            psbt = psbt.withInput(i, input.withPartialSignature(new PartialSignature(key, signature)));
            signed++;
        }
        if (signed == 0) {
            throw new IllegalArgumentException("no input of this PSBT is this signer's");
        }
        return PsbtCodec.toBase64(psbt);
    }

    /**
     * Signs an Ethereum export after checking that the key at its path is its {@code from} address.
     *
     * @return the signed transaction, 0x-prefixed hex RLP.
     */
    public String signEthereum(String exportJson) {
        EthereumColdExport export = EthereumColdExport.fromJson(exportJson);
        RawTransaction tx = TransactionDecoder.decode(export.unsignedHex());
        EthereumImportVerifier.eip1559(tx);
        Credentials credentials = seed.ethereumCredentials(AccountKey.parsePath(export.path()));
        if (!credentials.getAddress().equalsIgnoreCase(export.from())) {
            throw new IllegalArgumentException("the key at " + export.path() + " is not " + export.from());
        }
        return Numeric.toHexString(TransactionEncoder.signMessage(tx, credentials));
    }

    private KeyOrigin ownOrigin(PsbtInput input) {
        for (KeyOrigin origin : input.derivations()) {
            if (origin.masterFingerprint() == seed.masterFingerprint()) {
                return origin;
            }
        }
        return null;
    }

    /** Overwrites the seed bytes (the derived master key object is left to the garbage collector). */
    @Override
    public void close() {
        seed.close();
    }
}
