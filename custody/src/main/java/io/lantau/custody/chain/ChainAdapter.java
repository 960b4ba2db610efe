package io.lantau.custody.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * One blockchain as custody sees it, over the node's JSON-RPC (Ethereum: web3j; Bitcoin: Bitcoin Core). Amounts are
 * the chain's base units (wei, satoshi). Implementations are thread-safe and do blocking I/O.
 */
public interface ChainAdapter {

    /** @return the chain's code: {@code "ETH"} or {@code "BTC"}. */
    String chain();

    /** @return the height of the node's best block. */
    long tipHeight();

    /** @return the hash of the best chain's block at {@code height} (0x-less lower-case hex), to detect reorgs. */
    String blockHash(long height);

    /**
     * @return every transfer of the chain's native asset to one of {@code addresses} in blocks {@code fromHeight} to
     *         {@code toHeight} inclusive, in block order.
     */
    List<ObservedTransfer> transfersTo(Set<String> addresses, long fromHeight, long toHeight);

    /** Sends a signed transaction; @return its id. Sending the same bytes again returns the same id. */
    String broadcast(byte[] signedTransaction);

    /** @return where a transaction stands now. */
    TxStatus status(String txid);

    /** @return the confirmed balance of an address, in base units. */
    BigInteger balanceOf(String address);
}
