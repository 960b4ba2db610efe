package io.lantau.custody.btc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lantau.custody.cold.ColdSigner;
import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.BitcoinAddressDeriver;
import io.lantau.custody.wallet.TestVectors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;

/**
 * The regtest history the Bitcoin adapter's tests replay, built with bitcoinj: every transaction is a real, signed
 * transaction whose txid, hex and witnesses are bitcoinj's own (the P2WPKH spends pass {@code correctlySpends} with
 * every flag); only the blocks around them are synthesised as Bitcoin Core would print them ({@code getblock}
 * verbosity 2), with made-up block hashes. {@link #main} writes {@code src/test/resources/btc-regtest/rpc.json} and
 * {@code rpc-after-reorg.json} (the same node after blocks 102 and 103 were replaced);
 * {@code RegtestFixturesTest} rebuilds the scenario and demands the committed file be exactly this, so the fixtures
 * cannot drift from what bitcoinj produces.
 *
 * <p>The story: a miner's coinbase (height 1) funds deposit addresses 0 and 1 of the platform's BIP84 regtest account
 * (block 101), address 0 receives a second deposit (block 102), block 103 is empty; the platform then withdraws 0.6
 * BTC to a client's address with change to its change address 0, at the node's fee estimate of 2 sat/vB.
 */
public final class RegtestScenario {
    static final BitcoinNetwork NET = BitcoinNetwork.REGTEST;
    static final String RPC_USER = "lantau";
    static final String RPC_PASSWORD = "regtest-password";
    static final long TIP = 103;
    static final long WITHDRAWAL_SATS = 60_000_000;
    static final String FEE_RATE_BTC_PER_KVB = "0.00002000";
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    final HdSeed seed = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
    final BitcoinAddressDeriver account = new BitcoinAddressDeriver(
            seed.accountKey(AccountPaths.bitcoin(NET)), NET);
    final ECKey miner = ECKey.fromPrivate(Sha256Hash.hash("lantau regtest miner".getBytes(StandardCharsets.UTF_8)));
    final ECKey stranger = ECKey.fromPrivate(Sha256Hash.hash("someone else".getBytes(StandardCharsets.UTF_8)));
    final ECKey client = ECKey.fromPrivate(Sha256Hash.hash("client wallet".getBytes(StandardCharsets.UTF_8)));

    final String deposit0 = account.receiveAddress(0);
    final String deposit1 = account.receiveAddress(1);
    final Address clientAddress = client.toAddress(ScriptType.P2WPKH, NET);

    final Transaction coinbase1 = coinbase(1, Coin.COIN.multiply(50));
    /** Block 101: pays 0.5 BTC to deposit 0, 0.25 BTC to deposit 1, change to the miner; fee 0.0001 BTC. */
    final Transaction funding1;
    /** Block 102: pays 0.1 BTC to deposit 0 and 1 BTC to a stranger, change to the miner; fee 0.0001 BTC. */
    final Transaction funding2;
    final Transaction coinbase101;
    final Transaction coinbase102;
    final Transaction coinbase103;
    /** The coinbases of the blocks that replaced 102 and 103 in the reorganisation (another miner tag). */
    final Transaction coinbase102Reorg;
    final Transaction coinbase103Reorg;
    /** The platform's withdrawal of 0.6 BTC, signed by the cold signer over the PSBT the builder made. */
    final P2wpkhSpendBuilder.UnsignedSpend withdrawalSpend;
    final Transaction withdrawal;
    /** The withdrawal with its amount raised after signing: the node refuses it. */
    final Transaction tamperedWithdrawal;

    RegtestScenario() {
        funding1 = spendFromMiner(coinbase1, 0, List.of(
                output(Coin.valueOf(50_000_000), deposit0), output(Coin.valueOf(25_000_000), deposit1)),
                Coin.valueOf(10_000));
        funding2 = spendFromMiner(funding1, 2, List.of(
                output(Coin.valueOf(10_000_000), deposit0),
                output(Coin.COIN, stranger.toAddress(ScriptType.P2WPKH, NET).toString())), Coin.valueOf(10_000));
        coinbase101 = coinbase(101, Coin.COIN.multiply(50).add(Coin.valueOf(10_000)));
        coinbase102 = coinbase(102, Coin.COIN.multiply(50).add(Coin.valueOf(10_000)));
        coinbase103 = coinbase(103, Coin.COIN.multiply(50));
        coinbase102Reorg = coinbase(102, Coin.COIN.multiply(50), "other miner");
        coinbase103Reorg = coinbase(103, Coin.COIN.multiply(50), "other miner");
        withdrawalSpend = new P2wpkhSpendBuilder(account).build(depositUtxos(), clientAddress, WITHDRAWAL_SATS,
                2, 0);
        Psbt signed = PsbtCodec.fromBase64(new ColdSigner(seed).signPsbt(PsbtCodec.toBase64(withdrawalSpend.psbt())));
        withdrawal = P2wpkhFinalizer.finalizeAndVerify(signed);
        tamperedWithdrawal = Transaction.read(java.nio.ByteBuffer.wrap(withdrawal.serialize()));
        tamperedWithdrawal.replaceOutput(0, new TransactionOutput(tamperedWithdrawal,
                Coin.valueOf(WITHDRAWAL_SATS + 1_000_000), ScriptBuilder.createOutputScript(clientAddress).program()));
    }

    /** The deposit outputs as the platform's wallet records them: which address index each pays. */
    List<SpendableOutput> depositUtxos() {
        return List.of(
                new SpendableOutput(funding1.getTxId().toString(), 0, 50_000_000, AccountPaths.RECEIVE, 0),
                new SpendableOutput(funding1.getTxId().toString(), 1, 25_000_000, AccountPaths.RECEIVE, 1),
                new SpendableOutput(funding2.getTxId().toString(), 0, 10_000_000, AccountPaths.RECEIVE, 0));
    }

    static String blockHash(long height) {
        return Sha256Hash.of(("lantau regtest block " + height).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return every recorded JSON-RPC exchange, in the file's form. */
    ObjectNode fixtures() {
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Recorded Bitcoin Core regtest JSON-RPC answers, built by io.lantau.custody.btc."
                + "RegtestScenario with bitcoinj; do not edit by hand, run RegtestScenario.main.");
        root.put("rpcuser", RPC_USER);
        root.put("rpcpassword", RPC_PASSWORD);
        ArrayNode exchanges = root.putArray("exchanges");
        exchange(exchanges, "getblockcount", List.of(), JSON.getNodeFactory().numberNode(TIP));
        List<List<Transaction>> blocks = List.of(List.of(coinbase101, funding1), List.of(coinbase102, funding2),
                List.of(coinbase103));
        for (int i = 0; i < blocks.size(); i++) {
            long height = 101 + i;
            exchange(exchanges, "getblockhash", List.of(height), JSON.getNodeFactory().textNode(blockHash(height)));
            exchange(exchanges, "getblock", List.of(blockHash(height), 2), block(height, blocks.get(i)));
            ObjectNode header = JSON.createObjectNode();
            header.put("hash", blockHash(height));
            header.put("confirmations", TIP - height + 1);
            header.put("height", height);
            exchange(exchanges, "getblockheader", List.of(blockHash(height)), header);
        }
        ObjectNode mined = decoded(funding1);
        mined.put("fee", btc(10_000));
        mined.put("blockhash", blockHash(101));
        mined.put("confirmations", TIP - 101 + 1);
        exchange(exchanges, "getrawtransaction", List.of(funding1.getTxId().toString(), 2), mined);
        ObjectNode pending = decoded(withdrawal);
        pending.put("fee", btc(withdrawalSpend.feeSats()));
        exchange(exchanges, "getrawtransaction", List.of(withdrawal.getTxId().toString(), 2), pending);
        error(exchanges, "getrawtransaction", List.of(Sha256Hash.of(new byte[] {9}).toString(), 2), -5,
                "No such mempool or blockchain transaction. Use gettransaction for wallet transactions.");
        exchange(exchanges, "sendrawtransaction", List.of(hex(withdrawal)),
                JSON.getNodeFactory().textNode(withdrawal.getTxId().toString()));
        error(exchanges, "sendrawtransaction", List.of(hex(funding1)), -27, "Transaction already in block chain");
        error(exchanges, "sendrawtransaction", List.of(hex(tamperedWithdrawal)), -26,
                "mandatory-script-verify-flag-failed (Script evaluated without error but finished with a false/empty "
                        + "top stack element)");
        ObjectNode estimate = JSON.createObjectNode();
        estimate.put("feerate", new BigDecimal(FEE_RATE_BTC_PER_KVB));
        estimate.put("blocks", 6);
        exchange(exchanges, "estimatesmartfee", List.of(6), estimate);
        ObjectNode noEstimate = JSON.createObjectNode();
        noEstimate.putArray("errors").add("Insufficient data or no feerate found");
        noEstimate.put("blocks", 0);
        exchange(exchanges, "estimatesmartfee", List.of(2), noEstimate);
        exchange(exchanges, "scantxoutset", List.of("start", List.of("addr(" + deposit0 + ")")),
                scan(List.of(new TransactionOutPoint(0, funding1), new TransactionOutPoint(0, funding2))));
        exchange(exchanges, "scantxoutset", List.of("start", sorted("addr(" + deposit0 + ")", "addr(" + deposit1 + ")")),
                scan(List.of(new TransactionOutPoint(0, funding1), new TransactionOutPoint(1, funding1),
                        new TransactionOutPoint(0, funding2))));
        return root;
    }

    /**
     * The same node after a two-block reorganisation: blocks 102 and 103 were replaced by 102' and 103' (other hashes,
     * coinbases only), so the second deposit ({@link #funding2}) is back in the mempool, unconfirmed. Block 101 and
     * everything in it stand.
     */
    ObjectNode fixturesAfterReorg() {
        ObjectNode root = JSON.createObjectNode();
        root.put("comment", "Recorded Bitcoin Core regtest JSON-RPC answers after a reorganisation of blocks 102-103, "
                + "built by io.lantau.custody.btc.RegtestScenario with bitcoinj; do not edit by hand.");
        root.put("rpcuser", RPC_USER);
        root.put("rpcpassword", RPC_PASSWORD);
        ArrayNode exchanges = root.putArray("exchanges");
        exchange(exchanges, "getblockcount", List.of(), JSON.getNodeFactory().numberNode(TIP));
        exchange(exchanges, "getblockhash", List.of(101), JSON.getNodeFactory().textNode(blockHash(101)));
        exchange(exchanges, "getblock", List.of(blockHash(101), 2),
                block(101, List.of(coinbase101, funding1), blockHash(101), blockHash(100), reorgHash(102)));
        exchange(exchanges, "getblockhash", List.of(102), JSON.getNodeFactory().textNode(reorgHash(102)));
        exchange(exchanges, "getblock", List.of(reorgHash(102), 2),
                block(102, List.of(coinbase102Reorg), reorgHash(102), blockHash(101), reorgHash(103)));
        exchange(exchanges, "getblockhash", List.of(103), JSON.getNodeFactory().textNode(reorgHash(103)));
        exchange(exchanges, "getblock", List.of(reorgHash(103), 2),
                block(103, List.of(coinbase103Reorg), reorgHash(103), reorgHash(102), null));
        ObjectNode pending = decoded(funding2);
        pending.put("fee", btc(10_000));
        exchange(exchanges, "getrawtransaction", List.of(funding2.getTxId().toString(), 2), pending);
        return root;
    }

    static String reorgHash(long height) {
        return Sha256Hash.of(("lantau regtest reorg block " + height).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<String> sorted(String a, String b) {
        List<String> list = new ArrayList<>(List.of(a, b));
        list.sort(null);
        return list;
    }

    private ObjectNode scan(List<TransactionOutPoint> outpoints) {
        ObjectNode scan = JSON.createObjectNode();
        scan.put("success", true);
        scan.put("txouts", 212);
        scan.put("height", TIP);
        scan.put("bestblock", blockHash(TIP));
        ArrayNode unspents = scan.putArray("unspents");
        long total = 0;
        for (TransactionOutPoint op : outpoints) {
            Transaction tx = op.hash().equals(funding1.getTxId()) ? funding1 : funding2;
            TransactionOutput out = tx.getOutput(op.index());
            ObjectNode u = unspents.addObject();
            u.put("txid", tx.getTxId().toString());
            u.put("vout", op.index());
            u.put("scriptPubKey", HexFormat.of().formatHex(out.getScriptBytes()));
            u.put("desc", "addr(" + out.getScriptPubKey().getToAddress(NET) + ")");
            u.put("amount", btc(out.getValue().toSat()));
            u.put("coinbase", false);
            u.put("height", tx == funding1 ? 101 : 102);
            total += out.getValue().toSat();
        }
        scan.put("total_amount", btc(total));
        return scan;
    }

    private ObjectNode block(long height, List<Transaction> txs) {
        return block(height, txs, blockHash(height), blockHash(height - 1), height < TIP ? blockHash(height + 1) : null);
    }

    private ObjectNode block(long height, List<Transaction> txs, String hash, String previous, String next) {
        ObjectNode block = JSON.createObjectNode();
        block.put("hash", hash);
        block.put("confirmations", TIP - height + 1);
        block.put("height", height);
        block.put("version", 536870912);
        block.put("time", 1_764_000_000L + height * 600);
        block.put("nTx", txs.size());
        block.put("previousblockhash", previous);
        if (next != null) {
            block.put("nextblockhash", next);
        }
        ArrayNode array = block.putArray("tx");
        for (Transaction tx : txs) {
            ObjectNode d = decoded(tx);
            if (!tx.isCoinBase()) {
                d.put("fee", btc(10_000));
            }
            array.add(d);
        }
        return block;
    }

    /** @return {@code tx} as Bitcoin Core's {@code decoderawtransaction} prints it (the fields the adapter reads). */
    private static ObjectNode decoded(Transaction tx) {
        ObjectNode d = JSON.createObjectNode();
        d.put("txid", tx.getTxId().toString());
        d.put("hash", tx.getWTxId().toString());
        d.put("version", tx.getVersion());
        d.put("size", tx.messageSize());
        d.put("vsize", tx.getVsize());
        d.put("weight", tx.getWeight());
        d.put("locktime", tx.lockTime().rawValue());
        ArrayNode vin = d.putArray("vin");
        for (TransactionInput in : tx.getInputs()) {
            ObjectNode i = vin.addObject();
            if (in.isCoinBase()) {
                i.put("coinbase", HexFormat.of().formatHex(in.getScriptBytes()));
            } else {
                i.put("txid", in.getOutpoint().hash().toString());
                i.put("vout", in.getOutpoint().index());
                i.putObject("scriptSig").put("asm", "").put("hex", HexFormat.of().formatHex(in.getScriptBytes()));
                ArrayNode witness = i.putArray("txinwitness");
                for (int w = 0; w < in.getWitness().getPushCount(); w++) {
                    witness.add(HexFormat.of().formatHex(in.getWitness().getPush(w)));
                }
            }
            i.put("sequence", in.getSequenceNumber());
        }
        ArrayNode vout = d.putArray("vout");
        for (TransactionOutput out : tx.getOutputs()) {
            ObjectNode o = vout.addObject();
            o.put("value", btc(out.getValue().toSat()));
            o.put("n", out.getIndex());
            ObjectNode spk = o.putObject("scriptPubKey");
            spk.put("hex", HexFormat.of().formatHex(out.getScriptBytes()));
            spk.put("address", out.getScriptPubKey().getToAddress(NET).toString());
            spk.put("type", "witness_v0_keyhash");
        }
        d.put("hex", hex(tx));
        return d;
    }

    private static void exchange(ArrayNode exchanges, String method, List<?> params, JsonNode result) {
        ObjectNode e = exchanges.addObject();
        e.put("method", method);
        e.set("params", JSON.valueToTree(params));
        e.set("result", result);
    }

    private static void error(ArrayNode exchanges, String method, List<?> params, int code, String message) {
        ObjectNode e = exchanges.addObject();
        e.put("method", method);
        e.set("params", JSON.valueToTree(params));
        e.putObject("error").put("code", code).put("message", message);
    }

    static BigDecimal btc(long sats) {
        return BigDecimal.valueOf(sats, 8);
    }

    static String hex(Transaction tx) {
        return HexFormat.of().formatHex(tx.serialize());
    }

    private Transaction coinbase(int height, Coin value) {
        return coinbase(height, value, "lantau");
    }

    private Transaction coinbase(int height, Coin value, String tag) {
        byte[] scriptSig = new ScriptBuilder().number(height).data(tag.getBytes(StandardCharsets.UTF_8)).build()
                .program();
        Transaction tx = Transaction.coinbase(scriptSig);
        tx.addOutput(value, ScriptBuilder.createP2WPKHOutputScript(miner));
        return tx;
    }

    private Transaction spendFromMiner(Transaction parent, int index, List<TransactionOutput> payments, Coin fee) {
        Transaction tx = new Transaction();
        tx.setVersion(2);
        TransactionOutput spent = parent.getOutput(index);
        tx.addInput(new TransactionInput(tx, new byte[0], new TransactionOutPoint(index, parent.getTxId()),
                spent.getValue()));
        Coin change = spent.getValue().subtract(fee);
        for (TransactionOutput p : payments) {
            tx.addOutput(p.getValue(), p.getScriptPubKey());
            change = change.subtract(p.getValue());
        }
        tx.addOutput(change, ScriptBuilder.createP2WPKHOutputScript(miner));
        TransactionSignature signature = tx.calculateWitnessSignature(0, miner,
                ScriptBuilder.createP2PKHOutputScript(miner), spent.getValue(), Transaction.SigHash.ALL, false);
        tx.replaceInput(0, tx.getInput(0).withWitness(TransactionWitness.redeemP2WPKH(signature, miner)));
        tx.getInput(0).getScriptSig().correctlySpends(tx, 0, tx.getInput(0).getWitness(), spent.getValue(),
                spent.getScriptPubKey(), Script.ALL_VERIFY_FLAGS);
        return tx;
    }

    private static TransactionOutput output(Coin value, String address) {
        Transaction holder = new Transaction();
        return new TransactionOutput(holder, value,
                ScriptBuilder.createOutputScript(org.bitcoinj.base.AddressParser.getDefault(NET).parseAddress(address))
                        .program());
    }

    /** Writes the fixture files; run from the module directory ({@code custody}). */
    public static void main(String[] args) throws IOException {
        RegtestScenario scenario = new RegtestScenario();
        Files.writeString(Path.of(FIXTURES), JSON.writeValueAsString(scenario.fixtures()) + "\n");
        Files.writeString(Path.of(REORG_FIXTURES), JSON.writeValueAsString(scenario.fixturesAfterReorg()) + "\n");
    }

    static final String FIXTURES = "src/test/resources/btc-regtest/rpc.json";
    static final String REORG_FIXTURES = "src/test/resources/btc-regtest/rpc-after-reorg.json";
}
