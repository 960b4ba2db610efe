package io.lantau.compliance.suitability;

/**
 * The retail exposure limit (HK-04, VATP 9.7 per the HKbitEX reading; the Matrixport HK formula): net worth × the
 * tier's percentage − virtual assets held elsewhere. Rounded down (a limit never exceeds the formula), never below 0.
 * Exact and overflow-checked.
 */
final class ExposureLimit {
    private ExposureLimit() {
    }

    /**
     * @return the limit in the unit of the inputs.
     * @throws ArithmeticException if an input is negative or the product does not fit in a long.
     */
    static long compute(long netWorthMinor, int tierPercent, long otherVirtualAssetsMinor) {
        if (netWorthMinor < 0 || otherVirtualAssetsMinor < 0 || tierPercent < 0 || tierPercent > 100) {
            throw new ArithmeticException("negative input");
        }
        long allowed = Math.multiplyExact(netWorthMinor, (long) tierPercent) / 100;
        return Math.max(0, allowed - otherVirtualAssetsMinor);
    }
}
