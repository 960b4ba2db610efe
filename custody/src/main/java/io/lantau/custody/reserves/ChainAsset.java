package io.lantau.custody.reserves;

import java.util.Optional;

/**
 * A chain's native asset and the decimals of its base unit (wei: 18, satoshi: 8), which differ from the scale of the
 * asset's minor unit on the books (ETH is kept with 8 decimals): the report converts between them exactly.
 */
public record ChainAsset(String chain, String assetCode, int baseUnitDecimals) {
    public static final ChainAsset ETH = new ChainAsset("ETH", "ETH", 18);
    public static final ChainAsset BTC = new ChainAsset("BTC", "BTC", 8);

    /** @return the native asset of a chain this platform knows. */
    public static Optional<ChainAsset> of(String chain) {
        return switch (chain) {
            case "ETH" -> Optional.of(ETH);
            case "BTC" -> Optional.of(BTC);
            default -> Optional.empty();
        };
    }
}
