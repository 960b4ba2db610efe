package io.lantau.custody.reserves;

/**
 * Checks that whoever published a reserve address controls it: a signature by the address's key over a message
 * (PoR-1: "operator proves control of on-chain addresses by signatures"). One implementation per chain, keyed by
 * {@link #chain()}: Ethereum's personal_sign here; Bitcoin's signed message plugs in the same way.
 */
public interface ControlProofVerifier {

    /** @return the chain's code, as {@link io.lantau.custody.chain.ChainAdapter#chain()}. */
    String chain();

    /**
     * @return whether {@code signature} is a valid signature of {@code message} by the key of {@code address}; false
     *         (never an exception) for a malformed signature or address.
     */
    boolean proves(String address, String message, String signature);
}
