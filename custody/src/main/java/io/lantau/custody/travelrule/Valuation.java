package io.lantau.custody.travelrule;

import java.util.OptionalLong;

/** Values an amount of an asset in the profile's valuation currency (HKD under HK_VATP). Thread-safe. */
@FunctionalInterface
public interface Valuation {
    /**
     * @return the value in minor units of the valuation currency, rounded up; empty if the asset has no price (the
     *     travel rule then treats the transfer as at or above its threshold).
     */
    OptionalLong valueMinor(int assetId, long amountMinor);
}
