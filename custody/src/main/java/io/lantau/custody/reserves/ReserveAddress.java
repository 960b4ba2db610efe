package io.lantau.custody.reserves;

/**
 * One of the platform's on-chain addresses declared as reserves, with its proof of control.
 *
 * @param chain     the chain's code ({@code ETH}, {@code BTC}); its native asset is the reserve asset.
 * @param address   the address as the chain writes it.
 * @param signature a signature by the address's key over {@link ReservesReport#controlMessage}(address, root hash).
 */
public record ReserveAddress(String chain, String address, String signature) {
}
