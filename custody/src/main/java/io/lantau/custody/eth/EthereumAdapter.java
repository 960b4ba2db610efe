package io.lantau.custody.eth;

import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Ethereum over the node's JSON-RPC, with web3j. Hashes and transaction ids are given without {@code 0x}, in lower
 * case, as {@link ChainAdapter} requires; addresses are compared without regard to case (EIP-55 checksums are
 * display only). Only successful transactions (receipt status 1) carrying value count as transfers.
 *
 * <p>Thread-safe (web3j's HTTP client is); every call is one or more blocking round trips. Node errors and I/O
 * failures become {@link EthereumRpcException}.
 */
public final class EthereumAdapter implements ChainAdapter, AutoCloseable {
    public static final String CHAIN = "ETH";
    /** Gas of a plain value transfer to an account without code. */
    public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

    private final Web3j web3j;

    public EthereumAdapter(Web3j web3j) {
        this.web3j = web3j;
    }

    /** @param rpcUrl the node's HTTP JSON-RPC endpoint. */
    public static EthereumAdapter connect(String rpcUrl) {
        return new EthereumAdapter(Web3j.build(new HttpService(rpcUrl)));
    }

    @Override
    public String chain() {
        return CHAIN;
    }

    @Override
    public long tipHeight() {
        return send(web3j.ethBlockNumber(), "eth_blockNumber").getBlockNumber().longValueExact();
    }

    @Override
    public String blockHash(long height) {
        EthBlock.Block block = block(height, false)
                .orElseThrow(() -> new EthereumRpcException("no block at height " + height));
        return strip(block.getHash());
    }

    @Override
    public List<ObservedTransfer> transfersTo(Set<String> addresses, long fromHeight, long toHeight) {
        Map<String, String> wanted = new HashMap<>();
        for (String address : addresses) {
            wanted.put(normalise(address), address);
        }
        List<ObservedTransfer> found = new ArrayList<>();
        for (long height = fromHeight; height <= toHeight; height++) {
            long at = height;
            EthBlock.Block block = block(at, true)
                    .orElseThrow(() -> new EthereumRpcException("no block at height " + at));
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                Transaction tx = (Transaction) result.get();
                String to = tx.getTo() == null ? null : wanted.get(normalise(tx.getTo()));
                if (to == null || tx.getValue().signum() <= 0 || !succeeded(tx.getHash())) {
                    continue;
                }
                found.add(new ObservedTransfer(CHAIN, strip(tx.getHash()), 0, to, tx.getFrom(), tx.getValue(),
                        height, strip(block.getHash())));
            }
        }
        return found;
    }

    /** @return the id (0x-less lower-case keccak-256) of a signed transaction, without sending it. */
    public static String txid(byte[] signedTransaction) {
        return strip(Hash.sha3(Numeric.toHexString(signedTransaction)));
    }

    @Override
    public String broadcast(byte[] signedTransaction) {
        String txid = txid(signedTransaction);
        var sent = io(web3j.ethSendRawTransaction(Numeric.toHexString(signedTransaction)), "eth_sendRawTransaction");
        if (sent.hasError() && status(txid).state() == TxStatus.State.UNKNOWN) {
            // "already known" or "nonce too low" for our own transaction are fine: the node has it (pending or mined).
            throw new EthereumRpcException("eth_sendRawTransaction: " + sent.getError().getMessage());
        }
        return txid;
    }

    @Override
    public TxStatus status(String txid) {
        Optional<TransactionReceipt> receipt = send(web3j.ethGetTransactionReceipt(prefixed(txid)),
                "eth_getTransactionReceipt").getTransactionReceipt();
        if (receipt.isPresent() && receipt.get().getBlockHash() != null) {
            TransactionReceipt r = receipt.get();
            long height = r.getBlockNumber().longValueExact();
            String hash = strip(r.getBlockHash());
            Optional<EthBlock.Block> best = block(height, false);
            if (best.isPresent() && strip(best.get().getHash()).equals(hash)) {
                long confirmations = tipHeight() - height + 1;
                BigInteger fee = r.getGasUsed().multiply(Numeric.decodeQuantity(r.getEffectiveGasPrice()));
                TxStatus.State state = r.isStatusOK() ? TxStatus.State.MINED : TxStatus.State.FAILED;
                return new TxStatus(state, height, hash, confirmations, fee);
            }
        }
        Optional<Transaction> pending = send(web3j.ethGetTransactionByHash(prefixed(txid)),
                "eth_getTransactionByHash").getTransaction();
        return pending.isPresent()
                ? new TxStatus(TxStatus.State.PENDING, -1, null, 0, BigInteger.ZERO)
                : new TxStatus(TxStatus.State.UNKNOWN, -1, null, 0, BigInteger.ZERO);
    }

    @Override
    public BigInteger balanceOf(String address) {
        return send(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST), "eth_getBalance").getBalance();
    }

    /** @return the next nonce of {@code address}, counting its transactions still in the node's pool. */
    public BigInteger pendingNonce(String address) {
        return send(web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING),
                "eth_getTransactionCount").getTransactionCount();
    }

    /** @return the chain id transactions must be signed for (EIP-155). */
    public long chainId() {
        return send(web3j.ethChainId(), "eth_chainId").getChainId().longValueExact();
    }

    /** @return fee caps for a transaction now: the node's suggested tip, and twice the latest base fee plus it. */
    public EthFees fees() {
        BigInteger tip = send(web3j.ethMaxPriorityFeePerGas(), "eth_maxPriorityFeePerGas").getMaxPriorityFeePerGas();
        EthBlock.Block latest = send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
                "eth_getBlockByNumber").getBlock();
        BigInteger base = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
        return new EthFees(tip, base.shiftLeft(1).add(tip));
    }

    private boolean succeeded(String txHash) {
        return send(web3j.ethGetTransactionReceipt(txHash), "eth_getTransactionReceipt").getTransactionReceipt()
                .map(TransactionReceipt::isStatusOK).orElse(false);
    }

    private Optional<EthBlock.Block> block(long height, boolean withTransactions) {
        return Optional.ofNullable(send(web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), withTransactions),
                "eth_getBlockByNumber").getBlock());
    }

    private static <R extends Response<?>> R send(Request<?, R> request, String method) {
        R response = io(request, method);
        if (response.hasError()) {
            throw new EthereumRpcException(method + ": " + response.getError().getMessage());
        }
        return response;
    }

    private static <R extends Response<?>> R io(Request<?, R> request, String method) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new EthereumRpcException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** @return the address in lower case with {@code 0x}: the form addresses are compared in. */
    public static String normalise(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static String strip(String hex) {
        return Numeric.cleanHexPrefix(hex).toLowerCase(Locale.ROOT);
    }

    static String prefixed(String hex) {
        return Numeric.prependHexPrefix(hex);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
