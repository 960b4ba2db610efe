package io.lantau.custody.testing;

import io.lantau.custody.eth.EthFees;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.testsupport.AnvilNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Drives a real anvil node for tests: sends ether from a funded key, mines blocks, reorganises the chain. Sending
 * mines a block at once (anvil's automine).
 */
public final class AnvilChain implements AutoCloseable {
    public static final Credentials FUNDED = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY);
    public static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private final AnvilNode node;
    private final HttpService http;
    private final EthereumAdapter adapter;

    public AnvilChain() {
        this.node = AnvilNode.start();
        this.http = new HttpService(node.rpcUrl());
        this.adapter = EthereumAdapter.connect(node.rpcUrl());
    }

    public EthereumAdapter adapter() {
        return adapter;
    }

    public String rpcUrl() {
        return node.rpcUrl();
    }

    /** @return the txid (0x-less) of a value transfer from {@code from} to {@code to}, mined at once. */
    public String send(Credentials from, String to, BigInteger wei) {
        return awaitMined(adapter.broadcast(signTransfer(from, to, wei)));
    }

    /** Waits (to a deadline) until anvil's automine has put the transaction in a block; @return its txid. */
    public String awaitMined(String txid) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (adapter.status(txid).state() != io.lantau.custody.chain.TxStatus.State.MINED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("transaction " + txid + " was not mined");
            }
            Thread.onSpinWait();
        }
        return txid;
    }

    /** @return the signed bytes of a value transfer at the sender's next nonce, not sent. */
    public byte[] signTransfer(Credentials from, String to, BigInteger wei) {
        EthFees fees = adapter.fees();
        RawTransaction tx = RawTransaction.createEtherTransaction(adapter.chainId(),
                adapter.pendingNonce(from.getAddress()), EthereumAdapter.TRANSFER_GAS, to, wei,
                fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        return TransactionEncoder.signMessage(tx, from);
    }

    /**
     * Deploys a contract whose code reverts every call, so that any value sent to it fails on chain (receipt status
     * 0) and only the gas is spent. @return its address.
     */
    public String deployRejectingContract() {
        // Init code: copy the 5-byte runtime (PUSH1 0, PUSH1 0, REVERT) to memory and return it.
        String initCode = "0x6005600c60003960056000f3" + "60006000fd";
        EthFees fees = adapter.fees();
        RawTransaction tx = RawTransaction.createTransaction(adapter.chainId(),
                adapter.pendingNonce(FUNDED.getAddress()), BigInteger.valueOf(200_000), "", BigInteger.ZERO,
                initCode, fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        String txid = awaitMined(adapter.broadcast(TransactionEncoder.signMessage(tx, FUNDED)));
        try {
            return org.web3j.protocol.Web3j.build(http).ethGetTransactionReceipt("0x" + txid).send()
                    .getTransactionReceipt().orElseThrow().getContractAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mines {@code blocks} empty blocks. */
    public void mine(int blocks) {
        call("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))));
    }

    /** Replaces the last {@code depth} blocks with as many empty ones: their transactions leave the chain. */
    public void reorg(int depth) {
        call("anvil_reorg", List.of(depth, List.of()));
    }

    private void call(String method, List<?> params) {
        try {
            Response<?> r = new Request<>(method, params, http, VoidResponse.class).send();
            if (r.hasError()) {
                throw new IllegalStateException(method + ": " + r.getError().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        adapter.close();
        node.close();
    }
}
