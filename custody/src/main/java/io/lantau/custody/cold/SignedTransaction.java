package io.lantau.custody.cold;

import java.util.HexFormat;

/**
 * A verified, fully signed network transaction, ready for {@link io.lantau.custody.chain.ChainAdapter#broadcast}.
 *
 * @param txid the id the chain will know it by (BTC: txid in RPC byte order; ETH: 0x-prefixed keccak hash).
 * @param raw  the network serialisation.
 */
public record SignedTransaction(String chain, String txid, byte[] raw) {
    public SignedTransaction {
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** @return the raw bytes as lower-case hex without prefix. */
    public String rawHex() {
        return HexFormat.of().formatHex(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTransaction s && chain.equals(s.chain) && txid.equals(s.txid)
                && java.util.Arrays.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return txid.hashCode();
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + chain + " " + txid + "]";
    }
}
