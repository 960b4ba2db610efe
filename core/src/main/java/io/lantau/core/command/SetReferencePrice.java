package io.lantau.core.command;

/**
 * The reference price of one whole unit of an asset, in the minor units of the platform's valuation currency (HKD
 * cents under HK_VATP): what the core values exposure with (HK-04).
 *
 * @param priceMinor positive.
 */
public record SetReferencePrice(int assetId, long priceMinor) implements Command {
}
