package io.lantau.custody.cold;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.btc.P2wpkhSpendBuilder;
import io.lantau.custody.btc.PartialSignature;
import io.lantau.custody.btc.Psbt;
import io.lantau.custody.btc.PsbtCodec;
import io.lantau.custody.btc.PsbtInput;
import io.lantau.custody.btc.SpendableOutput;
import io.lantau.custody.wallet.AccountKey;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.BitcoinAddressDeriver;
import io.lantau.custody.wallet.TestVectors;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The offline signing round trip (REGULATORY.md HK-16, HK-17): export, sign on the offline signer, import; and every
 * tampering of the signed file refused with its stable code and nothing recorded. On H2 and PostgreSQL.
 */
class ColdSigningDeskTest extends EngineTestBase {
    private static final BitcoinNetwork NET = BitcoinNetwork.REGTEST;
    private static final HdSeed SEED = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
    /** The cold Ethereum account is the second BIP44 account; deposits use the first. */
    private static final String ETH_COLD_PATH = "m/44'/60'/1'/0/0";

    private final ColdSigner signer = new ColdSigner(SEED);
    private final BitcoinAddressDeriver account = new BitcoinAddressDeriver(
            signer.accountKey(AccountPaths.bitcoin(NET)), NET);
    private ColdSigningDesk desk;

    @BeforeEach
    void openDesk() {
        desk = new ColdSigningDesk(database.dataSource(), Clock.systemUTC());
    }

    // ---------------------------------------------------------------------------------------------- Bitcoin

    @Test
    void shouldImportAPsbtSignedOfflineAsAVerifiedNetworkTransaction() {
        P2wpkhSpendBuilder.UnsignedSpend spend = withdrawal();
        ColdSigningRequest request = desk.exportBitcoin(spend.psbt(), "withdrawal 7");

        SignedTransaction signed = desk.importSigned(request.id(), signer.signPsbt(request.exportedPayload()));

        Transaction tx = Transaction.read(ByteBuffer.wrap(signed.raw()));
        assertThat(signed.txid()).isEqualTo(tx.getTxId().toString()).isEqualTo(spend.psbt().transaction().getTxId()
                .toString());
        assertThat(tx.getInputs()).allSatisfy(in -> assertThat(in.getWitness().getPushCount()).isEqualTo(2));
        List<PsbtInput> inputs = spend.psbt().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            tx.getInput(i).getScriptSig().correctlySpends(tx, i, tx.getInput(i).getWitness(),
                    inputs.get(i).witnessUtxo().value(), inputs.get(i).witnessUtxo().scriptPubKey(),
                    Script.ALL_VERIFY_FLAGS);
        }
        assertThat(desk.find(request.id()).orElseThrow().status()).isEqualTo(ColdSigningRequest.Status.SIGNED);
        assertThat(desk.find(request.id()).orElseThrow().signedTxid()).isEqualTo(signed.txid());
    }

    @Test
    void shouldAnswerARepeatedImportOfTheSameSignedPsbtWithTheSameTransaction() {
        ColdSigningRequest request = desk.exportBitcoin(withdrawal().psbt(), "withdrawal 8");
        String signedPsbt = signer.signPsbt(request.exportedPayload());

        SignedTransaction first = desk.importSigned(request.id(), signedPsbt);

        assertThat(desk.importSigned(request.id(), signedPsbt)).isEqualTo(first);
    }

    @Test
    void shouldRefuseAPsbtWhoseDestinationChanged() {
        Address attacker = ECKey.fromPrivate(BigInteger.TEN).toAddress(ScriptType.P2WPKH, NET);
        assertRefusedBitcoin(ColdSigningCode.DESTINATION_CHANGED,
                tx -> replaceOutput(tx, 0, tx.getOutput(0).getValue(), ScriptBuilder.createOutputScript(attacker)));
    }

    @Test
    void shouldRefuseAPsbtWhoseAmountChanged() {
        assertRefusedBitcoin(ColdSigningCode.AMOUNT_CHANGED, tx -> replaceOutput(tx, 0,
                tx.getOutput(0).getValue().add(Coin.valueOf(1000)), tx.getOutput(0).getScriptPubKey()));
    }

    @Test
    void shouldRefuseAPsbtWithAnAddedOutput() {
        Address attacker = ECKey.fromPrivate(BigInteger.TEN).toAddress(ScriptType.P2WPKH, NET);
        assertRefusedBitcoin(ColdSigningCode.DESTINATION_CHANGED, tx -> {
            tx.addOutput(Coin.valueOf(1000), attacker);
            return tx;
        });
    }

    @Test
    void shouldRefuseAPsbtWhoseInputsChanged() {
        assertRefusedBitcoin(ColdSigningCode.TRANSACTION_CHANGED, tx -> {
            tx.replaceInput(0, tx.getInput(0).withSequence(0xfffffffdL));
            return tx;
        });
    }

    @Test
    void shouldRefuseAPsbtThatCameBackUnsigned() {
        ColdSigningRequest request = desk.exportBitcoin(withdrawal().psbt(), "withdrawal 9");

        assertRefused(request, request.exportedPayload(), ColdSigningCode.NOT_SIGNED);
    }

    @Test
    void shouldRefuseASignatureOverAnotherAmountThanTheSpentOutput() {
        // A compromised signer that signs with the right key but commits to another input amount (BIP-143).
        Psbt exported = withdrawal().psbt();
        ColdSigningRequest request = desk.exportBitcoin(exported, "withdrawal 10");
        Psbt forged = exported;
        Transaction tx = exported.transaction();
        for (int i = 0; i < exported.inputs().size(); i++) {
            PsbtInput in = exported.inputs().get(i);
            var key = SEED.privateKey(in.derivations().get(0).path());
            var signature = tx.calculateWitnessSignature(i, key, ScriptBuilder.createP2PKHOutputScript(key),
                    in.witnessUtxo().value().add(Coin.SATOSHI), Transaction.SigHash.ALL, false);
            forged = forged.withInput(i, in.withPartialSignature(new PartialSignature(key, signature)));
        }

        assertRefused(request, PsbtCodec.toBase64(forged), ColdSigningCode.SIGNATURE_INVALID);
    }

    @Test
    void shouldRefuseASignatureByAnotherKey() {
        Psbt exported = withdrawal().psbt();
        ColdSigningRequest request = desk.exportBitcoin(exported, "withdrawal 11");
        ECKey other = ECKey.fromPrivate(BigInteger.valueOf(12345));
        PsbtInput in = exported.inputs().get(0);
        var signature = exported.transaction().calculateWitnessSignature(0, other,
                ScriptBuilder.createP2PKHOutputScript(other), in.witnessUtxo().value(), Transaction.SigHash.ALL, false);
        Psbt forged = exported.withInput(0, in.withPartialSignature(new PartialSignature(other, signature)));

        assertRefused(request, PsbtCodec.toBase64(forged), ColdSigningCode.WRONG_SIGNER);
    }

    @Test
    void shouldRefuseGarbageAndUnknownRequests() {
        ColdSigningRequest request = desk.exportBitcoin(withdrawal().psbt(), "withdrawal 12");

        assertRefused(request, "not a psbt", ColdSigningCode.MALFORMED);
        assertRefused(request, "cHNidP8BAA==", ColdSigningCode.MALFORMED);
        assertThatThrownBy(() -> desk.importSigned(request.id() + 1000, "x"))
                .satisfies(e -> assertThat(((ColdSigningException) e).code())
                        .isEqualTo(ColdSigningCode.UNKNOWN_REQUEST));
    }

    @Test
    void shouldNotSignAPsbtWhoseKeyDoesNotOwnTheSpentOutput() {
        Psbt exported = withdrawal().psbt();
        PsbtInput in = exported.inputs().get(0);
        Script someoneElses = ScriptBuilder.createP2WPKHOutputScript(ECKey.fromPrivate(BigInteger.TWO));
        Psbt lying = exported.withInput(0, PsbtInput.forSigning(
                new io.lantau.custody.btc.WitnessUtxo(in.witnessUtxo().value(), someoneElses),
                in.derivations().get(0)));

        assertThatThrownBy(() -> signer.signPsbt(PsbtCodec.toBase64(lying)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P2WPKH output of its key");
    }

    // ---------------------------------------------------------------------------------------------- Ethereum

    @Test
    void shouldImportAnEthereumTransactionSignedOfflineByTheColdAddress() {
        ColdSigningRequest request = desk.exportEthereum(ethExport(unsignedEth()), "cold-to-hot top-up 3");

        SignedTransaction signed = desk.importSigned(request.id(), signer.signEthereum(request.exportedPayload()));

        var decoded = (org.web3j.crypto.SignedRawTransaction) TransactionDecoder.decode(signed.rawHex());
        assertThat(decoded.getTo()).isEqualToIgnoringCase(HOT_ADDRESS);
        assertThat(decoded.getValue()).isEqualTo(ONE_ETH);
        assertThat(signed.txid()).isEqualTo(org.web3j.crypto.Hash.sha3(Numeric.toHexString(signed.raw())));
        assertThat(desk.find(request.id()).orElseThrow().status()).isEqualTo(ColdSigningRequest.Status.SIGNED);
    }

    @Test
    void shouldRefuseAnEthereumTransactionWithAnotherRecipient() {
        RawTransaction changed = RawTransaction.createEtherTransaction(31337, BigInteger.valueOf(4),
                BigInteger.valueOf(21000), TestVectors.ANVIL_ACCOUNT_2, ONE_ETH, BigInteger.ONE, BigInteger.TEN);
        assertRefusedEthereum(changed, coldCredentials(), ColdSigningCode.DESTINATION_CHANGED);
    }

    @Test
    void shouldRefuseAnEthereumTransactionWithAnotherAmount() {
        RawTransaction changed = RawTransaction.createEtherTransaction(31337, BigInteger.valueOf(4),
                BigInteger.valueOf(21000), HOT_ADDRESS, ONE_ETH.add(BigInteger.ONE), BigInteger.ONE, BigInteger.TEN);
        assertRefusedEthereum(changed, coldCredentials(), ColdSigningCode.AMOUNT_CHANGED);
    }

    @Test
    void shouldRefuseAnEthereumTransactionWithAnotherNonceOrChain() {
        assertRefusedEthereum(RawTransaction.createEtherTransaction(31337, BigInteger.valueOf(5),
                BigInteger.valueOf(21000), HOT_ADDRESS, ONE_ETH, BigInteger.ONE, BigInteger.TEN), coldCredentials(),
                ColdSigningCode.TRANSACTION_CHANGED);
        assertRefusedEthereum(RawTransaction.createEtherTransaction(1, BigInteger.valueOf(4),
                BigInteger.valueOf(21000), HOT_ADDRESS, ONE_ETH, BigInteger.ONE, BigInteger.TEN), coldCredentials(),
                ColdSigningCode.TRANSACTION_CHANGED);
    }

    @Test
    void shouldRefuseAnEthereumTransactionSignedByAnotherKey() {
        Credentials depositKey = SEED.ethereumCredentials(AccountKey.parsePath("m/44'/60'/0'/0/0"));
        assertRefusedEthereum(unsignedEth(), depositKey, ColdSigningCode.WRONG_SIGNER);
    }

    @Test
    void shouldRefuseAnEthereumTransactionThatCameBackUnsignedOrGarbled() {
        ColdSigningRequest request = desk.exportEthereum(ethExport(unsignedEth()), "cold-to-hot top-up 4");

        assertRefused(request, Numeric.toHexString(TransactionEncoder.encode(unsignedEth())),
                ColdSigningCode.NOT_SIGNED);
        assertRefused(request, "0x02zz", ColdSigningCode.MALFORMED);
    }

    @Test
    void shouldNotSignAnEthereumExportWhosePathIsNotItsSender() {
        EthereumColdExport lying = new EthereumColdExport(Numeric.toHexString(TransactionEncoder.encode(unsignedEth())),
                TestVectors.ANVIL_ACCOUNT_0, ETH_COLD_PATH);

        assertThatThrownBy(() -> signer.signEthereum(lying.toJson())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static final String HOT_ADDRESS = TestVectors.ANVIL_ACCOUNT_1;
    private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

    private P2wpkhSpendBuilder.UnsignedSpend withdrawal() {
        List<SpendableOutput> utxos = List.of(
                new SpendableOutput(Sha256Hash.of(new byte[] {1}).toString(), 0, 150_000, 0, 3),
                new SpendableOutput(Sha256Hash.of(new byte[] {2}).toString(), 1, 80_000, 0, 5),
                new SpendableOutput(Sha256Hash.of(new byte[] {3}).toString(), 0, 20_000, 1, 0));
        Address destination = ECKey.fromPrivate(BigInteger.valueOf(77)).toAddress(ScriptType.P2WPKH, NET);
        return new P2wpkhSpendBuilder(account).build(utxos, destination, 200_000, 2, 1);
    }

    private void assertRefusedBitcoin(ColdSigningCode code, UnaryOperator<Transaction> tamper) {
        ColdSigningRequest request = desk.exportBitcoin(withdrawal().psbt(), "withdrawal");
        Psbt signed = PsbtCodec.fromBase64(signer.signPsbt(request.exportedPayload()));
        Transaction changed = tamper.apply(signed.transaction());
        List<io.lantau.custody.btc.PsbtOutput> outputs = new java.util.ArrayList<>(signed.outputs());
        while (outputs.size() < changed.getOutputs().size()) {
            outputs.add(io.lantau.custody.btc.PsbtOutput.EMPTY);
        }
        Psbt tampered = new Psbt(changed.serialize(), signed.inputs(), outputs, signed.unknownGlobals());

        assertRefused(request, PsbtCodec.toBase64(tampered), code);
    }

    private static Transaction replaceOutput(Transaction tx, int index, Coin value, Script script) {
        tx.replaceOutput(index, new TransactionOutput(tx, value, script.program()));
        return tx;
    }

    private RawTransaction unsignedEth() {
        return RawTransaction.createEtherTransaction(31337, BigInteger.valueOf(4), BigInteger.valueOf(21000),
                HOT_ADDRESS, ONE_ETH, BigInteger.ONE, BigInteger.TEN);
    }

    private EthereumColdExport ethExport(RawTransaction tx) {
        return new EthereumColdExport(Numeric.toHexString(TransactionEncoder.encode(tx)),
                signer.ethereumAddress(AccountKey.parsePath(ETH_COLD_PATH)), ETH_COLD_PATH);
    }

    private static Credentials coldCredentials() {
        return SEED.ethereumCredentials(AccountKey.parsePath(ETH_COLD_PATH));
    }

    private void assertRefusedEthereum(RawTransaction signedInstead, Credentials by, ColdSigningCode code) {
        ColdSigningRequest request = desk.exportEthereum(ethExport(unsignedEth()), "cold-to-hot top-up");
        assertRefused(request, Numeric.toHexString(TransactionEncoder.signMessage(signedInstead, by)), code);
    }

    private void assertRefused(ColdSigningRequest request, String payload, ColdSigningCode code) {
        assertThatThrownBy(() -> desk.importSigned(request.id(), payload))
                .isInstanceOf(ColdSigningException.class)
                .satisfies(e -> assertThat(((ColdSigningException) e).code()).isEqualTo(code));
        ColdSigningRequest after = desk.find(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ColdSigningRequest.Status.EXPORTED);
        assertThat(after.signedTxid()).isNull();
    }

}
