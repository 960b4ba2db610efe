package io.lantau.custody.reserves;

import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * The one {@link ChainAdapter} call the reserves report makes, {@code balanceOf}, answered by a real Ethereum node
 * over JSON-RPC ({@code eth_getBalance}); the rest belongs to the Ethereum adapter of the custody module and is not
 * used here. Lets the report's test run against anvil without that adapter.
 */
final class NodeBalances implements ChainAdapter, AutoCloseable {
    private final Web3j web3j;

    NodeBalances(String rpcUrl) {
        this.web3j = Web3j.build(new HttpService(rpcUrl));
    }

    @Override
    public String chain() {
        return "ETH";
    }

    @Override
    public BigInteger balanceOf(String address) {
        try {
            return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long tipHeight() {
        throw new UnsupportedOperationException("not used by the reserves report");
    }

    @Override
    public String blockHash(long height) {
        throw new UnsupportedOperationException("not used by the reserves report");
    }

    @Override
    public List<ObservedTransfer> transfersTo(Set<String> addresses, long fromHeight, long toHeight) {
        throw new UnsupportedOperationException("not used by the reserves report");
    }

    @Override
    public String broadcast(byte[] signedTransaction) {
        throw new UnsupportedOperationException("not used by the reserves report");
    }

    @Override
    public TxStatus status(String txid) {
        throw new UnsupportedOperationException("not used by the reserves report");
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
