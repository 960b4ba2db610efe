package io.lantau.custody.reconcile;

import io.lantau.custody.chain.ChainAdapter;
import io.lantau.custody.chain.ObservedTransfer;
import io.lantau.custody.chain.TxStatus;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chain kept as a map of address balances, for reconciliation tests: reconciliation reads only
 * {@link #balanceOf}. The ETH and BTC adapters (web3j against anvil, recorded Bitcoin Core answers) are tested in
 * their own packages; this one lets a test move a balance on "chain" behind custody's back. A node that is down is
 * {@link #down}.
 */
final class LedgerChain implements ChainAdapter {
    private final String chain;
    private final Map<String, BigInteger> balances = new ConcurrentHashMap<>();
    volatile boolean down;

    LedgerChain(String chain) {
        this.chain = chain;
    }

    void set(String address, BigInteger baseUnits) {
        balances.put(address, baseUnits);
    }

    @Override
    public String chain() {
        return chain;
    }

    @Override
    public long tipHeight() {
        return 0;
    }

    @Override
    public String blockHash(long height) {
        throw new UnsupportedOperationException("no blocks");
    }

    @Override
    public List<ObservedTransfer> transfersTo(Set<String> addresses, long fromHeight, long toHeight) {
        return List.of();
    }

    @Override
    public String broadcast(byte[] signedTransaction) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public TxStatus status(String txid) {
        return new TxStatus(TxStatus.State.UNKNOWN, -1, null, 0, BigInteger.ZERO);
    }

    @Override
    public BigInteger balanceOf(String address) {
        if (down) {
            throw new IllegalStateException("node unreachable");
        }
        return balances.getOrDefault(address, BigInteger.ZERO);
    }
}
