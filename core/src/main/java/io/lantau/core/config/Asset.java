package io.lantau.core.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An asset and the scale of its minor unit on the books (BTC 8, HKD 2, ...).
 *
 * @param assetId dense index of the asset, 0-based, used by the core to index balance arrays.
 * @param code    ticker such as {@code BTC}.
 * @param scale   number of decimal places of one minor unit.
 * @param fiat    a fiat currency (HKD, USD), not a virtual asset: it does not count towards a retail client's
 *                virtual-asset exposure (HK-04).
 */
public record Asset(int assetId, String code, int scale, boolean fiat) {

    /** A virtual asset. */
    public Asset(int assetId, String code, int scale) {
        this(assetId, code, scale, false);
    }

    public Asset {
        Objects.requireNonNull(code, "code");
        if (assetId < 0 || scale < 0 || scale > 18) {
            throw new IllegalArgumentException("bad asset " + code);
        }
    }

    /** @return the amount in minor units as a decimal of whole units, trailing zeros stripped. */
    public BigDecimal toDecimal(long amountMinor) {
        return BigDecimal.valueOf(amountMinor, scale).stripTrailingZeros();
    }

    /** @return the decimal as minor units, or throws {@link ArithmeticException} if it is off the unit or too large. */
    public long toMinor(BigDecimal amount) {
        return amount.movePointRight(scale).longValueExact();
    }
}
