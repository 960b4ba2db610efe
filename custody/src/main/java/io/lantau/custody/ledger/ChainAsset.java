package io.lantau.custody.ledger;

import io.lantau.core.config.StandardMarkets;

/**
 * A chain's native asset as custody handles it: the chain code, the asset's code and id in the core, and its units.
 */
public record ChainAsset(String chain, String asset, int assetId, ChainUnits units) {
    /** Ether: 18 decimals on chain, {@link StandardMarkets#ETH}'s 8 on the books. */
    public static final ChainAsset ETH = new ChainAsset("ETH", StandardMarkets.ETH.code(),
            StandardMarkets.ETH.assetId(), new ChainUnits(18, StandardMarkets.ETH.scale()));
}
