package io.lantau.custody.wallet;

/**
 * Derives one chain's deposit addresses from an account-level extended public key. Deterministic (the same index
 * gives the same address forever) and thread-safe.
 */
public interface AddressDeriver {

    /** @return the chain's code, {@code "BTC"} or {@code "ETH"}. */
    String chain();

    /** @return the receive address at {@code index} (BIP44 chain 0), in the chain's canonical text form. */
    String receiveAddress(int index);

    /**
     * @return {@code address} in the canonical form {@link #receiveAddress} writes (lower-case bech32, EIP-55
     *         checksummed hex), so that lookups match however a client typed it.
     * @throws IllegalArgumentException if it is not an address of this chain and network.
     */
    String canonical(String address);

    /**
     * @return a short, stable identity of the account key the addresses come from (its fingerprint and path), kept
     *         with the assigned addresses so that a changed key is noticed before it hands out different addresses.
     */
    String keyIdentity();
}
