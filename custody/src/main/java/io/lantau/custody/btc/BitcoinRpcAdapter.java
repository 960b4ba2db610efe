package io.lantau.custody.btc;

import com.fasterxml.jackson.databind.JsonNode;
import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Coin;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;

/**
 * Bitcoin as custody sees it, over Bitcoin Core's JSON-RPC without a node wallet: blocks and their transactions
 * ({@code getblockcount}, {@code getblockhash}, {@code getblock} verbosity 2), broadcast ({@code sendrawtransaction}),
 * transaction status ({@code getrawtransaction} verbosity 2, which needs {@code txindex=1} for mined transactions and
 * Bitcoin Core 25 or later for the fee), balances and unspent outputs from the UTXO set ({@code scantxoutset}), and
 * fee rates ({@code estimatesmartfee}). Amounts are satoshi, converted from the node's BTC decimals exactly.
 *
 * <p>Thread-safe; every call is blocking I/O.
 */
public final class BitcoinRpcAdapter implements ChainAdapter {
    private static final int SATS_DECIMALS = 8;

    private final BitcoinRpcClient rpc;
    private final BitcoinNetwork network;

    public BitcoinRpcAdapter(BitcoinRpcClient rpc, BitcoinNetwork network) {
        this.rpc = rpc;
        this.network = network;
    }

    @Override
    public String chain() {
        return "BTC";
    }

    @Override
    public long tipHeight() {
        return rpc.call("getblockcount").asLong();
    }

    @Override
    public String blockHash(long height) {
        return rpc.call("getblockhash", height).asText();
    }

    /** Reads each block once with its decoded transactions and keeps the outputs paying one of {@code addresses}. */
    @Override
    public List<ObservedTransfer> transfersTo(Set<String> addresses, long fromHeight, long toHeight) {
        Set<String> wanted = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<ObservedTransfer> transfers = new ArrayList<>();
        for (long height = fromHeight; height <= toHeight; height++) {
            String hash = blockHash(height);
            JsonNode block = rpc.call("getblock", hash, 2);
            for (JsonNode tx : block.path("tx")) {
                for (JsonNode out : tx.path("vout")) {
                    String address = out.path("scriptPubKey").path("address").asText(null);
                    if (address != null && wanted.contains(address.toLowerCase(Locale.ROOT))) {
                        transfers.add(new ObservedTransfer("BTC", tx.path("txid").asText(), out.path("n").asInt(),
                                address, null, BigInteger.valueOf(sats(out.path("value"))), height, hash));
                    }
                }
            }
        }
        return transfers;
    }

    /**
     * Sends the transaction; a transaction the node already has in a block or in its mempool counts as sent, so a
     * retried broadcast returns the same id.
     */
    @Override
    public String broadcast(byte[] signedTransaction) {
        String txid = Transaction.read(ByteBuffer.wrap(signedTransaction)).getTxId().toString();
        try {
            String answered = rpc.call("sendrawtransaction", HexFormat.of().formatHex(signedTransaction)).asText();
            if (!answered.equals(txid)) {
                throw new BitcoinRpcException(0, "the node named the transaction " + answered + ", not " + txid);
            }
            return answered;
        } catch (BitcoinRpcException e) {
            boolean alreadyKnown = e.code() == BitcoinRpcException.VERIFY_ALREADY_IN_CHAIN
                    || (e.code() == BitcoinRpcException.VERIFY_REJECTED
                            && e.getMessage().contains("txn-already-in-mempool"));
            if (alreadyKnown) {
                return txid;
            }
            throw e;
        }
    }

    @Override
    public TxStatus status(String txid) {
        JsonNode tx;
        try {
            tx = rpc.call("getrawtransaction", txid, 2);
        } catch (BitcoinRpcException e) {
            if (e.code() == BitcoinRpcException.INVALID_ADDRESS_OR_KEY) {
                return new TxStatus(TxStatus.State.UNKNOWN, -1, null, 0, BigInteger.ZERO);
            }
            throw e;
        }
        long confirmations = tx.path("confirmations").asLong(0);
        String blockHash = tx.path("blockhash").asText(null);
        if (blockHash == null || confirmations <= 0) {
            return new TxStatus(TxStatus.State.PENDING, -1, null, 0, BigInteger.ZERO);
        }
        long height = rpc.call("getblockheader", blockHash).path("height").asLong();
        BigInteger fee = tx.has("fee") ? BigInteger.valueOf(sats(tx.get("fee"))) : BigInteger.ZERO;
        return new TxStatus(TxStatus.State.MINED, height, blockHash, confirmations, fee);
    }

    /** The address's confirmed balance from the node's UTXO set ({@code scantxoutset}). */
    @Override
    public BigInteger balanceOf(String address) {
        JsonNode scan = scan(Set.of(address));
        return BigInteger.valueOf(sats(scan.path("total_amount")));
    }

    /**
     * @return the confirmed unspent outputs paying any of {@code addresses}, from the node's UTXO set.
     */
    public List<Unspent> unspent(Set<String> addresses) {
        List<Unspent> result = new ArrayList<>();
        for (JsonNode u : scan(addresses).path("unspents")) {
            Address address;
            try {
                address = Script.parse(HexFormat.of().parseHex(u.path("scriptPubKey").asText()))
                        .getToAddress(network);
            } catch (ScriptException e) {
                continue;
            }
            result.add(new Unspent(u.path("txid").asText(), u.path("vout").asInt(), sats(u.path("amount")),
                    address.toString(), u.path("height").asLong()));
        }
        return result;
    }

    /**
     * @param targetBlocks confirm within this many blocks.
     * @param fallback     the rate to use when the node has no estimate yet (a fresh regtest chain, a node that just
     *                     started), satoshi per virtual byte.
     * @return the node's estimate ({@code estimatesmartfee}, BTC per 1000 virtual bytes) in satoshi per virtual byte,
     *         rounded up, at least 1.
     */
    public long feeRateSatPerVbyte(int targetBlocks, long fallback) {
        JsonNode estimate = rpc.call("estimatesmartfee", targetBlocks);
        JsonNode rate = estimate.path("feerate");
        if (rate.isMissingNode() || rate.isNull()) {
            return fallback;
        }
        BigDecimal satPerVbyte = rate.decimalValue().movePointRight(SATS_DECIMALS)
                .divide(BigDecimal.valueOf(1000), 0, RoundingMode.CEILING);
        return Math.max(1, satPerVbyte.longValueExact());
    }

    private JsonNode scan(Set<String> addresses) {
        List<String> descriptors = new ArrayList<>();
        for (String a : addresses) {
            network.checkAddress(org.bitcoinj.base.AddressParser.getDefault(network).parseAddress(a));
            descriptors.add("addr(" + a + ")");
        }
        descriptors.sort(null);
        return rpc.call("scantxoutset", "start", descriptors);
    }

    /** @return {@code btc} (a JSON decimal) in satoshi, exactly; refuses fractions of a satoshi. */
    static long sats(JsonNode btc) {
        return Coin.parseCoin(btc.decimalValue().toPlainString()).toSat();
    }

    /**
     * A confirmed unspent output.
     *
     * @param height the block height it was confirmed in.
     */
    public record Unspent(String txid, int vout, long valueSats, String address, long height) {
    }
}
