package io.lantau.app.custody;

import io.lantau.custody.chain.TxStatus;
import io.lantau.custody.eth.EthFees;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.testsupport.AnvilNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** A real local Ethereum node (anvil) that the test drives as the outside world: payers, blocks, balances. */
final class LocalChain implements AutoCloseable {
    static final Credentials FUNDED = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY);
    static final BigInteger WEI_PER_ETH = BigInteger.TEN.pow(18);

    private final AnvilNode node = AnvilNode.start();
    private final HttpService http = new HttpService(node.rpcUrl());
    private final EthereumAdapter adapter = EthereumAdapter.connect(node.rpcUrl());

    String rpcUrl() {
        return node.rpcUrl();
    }

    /** Sends ether from the node's funded account; anvil mines it into a block at once. @return the txid. */
    String send(String to, BigInteger wei) {
        EthFees fees = adapter.fees();
        RawTransaction tx = RawTransaction.createEtherTransaction(adapter.chainId(),
                adapter.pendingNonce(FUNDED.getAddress()), EthereumAdapter.TRANSFER_GAS, to, wei,
                fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        String txid = adapter.broadcast(TransactionEncoder.signMessage(tx, FUNDED));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (adapter.status(txid).state() != TxStatus.State.MINED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("transaction " + txid + " was not mined");
            }
            Thread.onSpinWait();
        }
        return txid;
    }

    BigInteger balance(String address) {
        return adapter.balanceOf(address);
    }

    long tip() {
        return adapter.tipHeight();
    }

    /** Mines {@code blocks} empty blocks ({@code anvil_mine}). */
    void mine(int blocks) {
        try {
            Response<?> r = new Request<>("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))),
                    http, VoidResponse.class).send();
            if (r.hasError()) {
                throw new IllegalStateException("anvil_mine: " + r.getError().getMessage());
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
