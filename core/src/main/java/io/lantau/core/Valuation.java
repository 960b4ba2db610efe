package io.lantau.core;

/**
 * The valuation rule of exposure limits (HK-04), shared by the core and by the read models that show a client its
 * exposure: the value of {@code minor} units of an asset at {@code priceMinor} per whole unit, rounded up, exact and
 * overflow-checked ({@code minor = q × unit + r}, value {@code q × price + ceil(r × price / unit)}).
 */
public final class Valuation {
    private Valuation() {
    }

    /**
     * @param unitMinor minor units in one whole unit of the asset (10^scale).
     * @throws ArithmeticException on overflow.
     */
    public static long valueMinor(long minor, long unitMinor, long priceMinor) {
        long q = minor / unitMinor;
        long r = minor % unitMinor;
        long fraction = Math.ceilDiv(Math.multiplyExact(r, priceMinor), unitMinor);
        return Math.addExact(Math.multiplyExact(q, priceMinor), fraction);
    }
}
