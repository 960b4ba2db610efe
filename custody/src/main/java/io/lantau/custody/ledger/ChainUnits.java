package io.lantau.custody.ledger;

import java.math.BigInteger;

/**
 * An asset's base unit on chain against its minor unit on the books: ETH has 18 decimals on chain and 8 on the books
 * (one minor unit is exactly 10^10 wei); BTC has 8 and 8.
 *
 * <p>The rule for precision the books cannot hold (dust): a deposit is credited its whole minor units
 * ({@code floor(base / 10^(chainDecimals - bookDecimals))}); the remainder, under one minor unit (below 10^-8 ETH),
 * stays on the deposit address, is recorded as house-held dust in the custody ledger and is never credited (a deposit
 * of only dust credits nothing). Withdrawals are whole minor units, so minor to base is exact. A credit past
 * {@code Long.MAX_VALUE} minor units is refused, never wrapped. Immutable.
 */
public record ChainUnits(int chainDecimals, int bookDecimals) {
    private static final BigInteger MAX_MINOR = BigInteger.valueOf(Long.MAX_VALUE);

    public ChainUnits {
        if (bookDecimals < 0 || chainDecimals < bookDecimals) {
            throw new IllegalArgumentException("the books cannot be finer than the chain");
        }
    }

    /** @return base units per minor unit: 10^(chain - book). */
    public BigInteger basePerMinor() {
        return BigInteger.TEN.pow(chainDecimals - bookDecimals);
    }

    /** @return the exact base units of {@code amountMinor} (not negative). */
    public BigInteger toBase(long amountMinor) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        return BigInteger.valueOf(amountMinor).multiply(basePerMinor());
    }

    /**
     * Splits an amount received on chain into what the books credit and the dust they cannot hold.
     *
     * @throws ArithmeticException if the credit does not fit a long.
     */
    public Split split(BigInteger base) {
        if (base.signum() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        BigInteger[] qr = base.divideAndRemainder(basePerMinor());
        if (qr[0].compareTo(MAX_MINOR) > 0) {
            throw new ArithmeticException("amount too large for the books: " + base);
        }
        return new Split(qr[0].longValueExact(), qr[1]);
    }

    /**
     * An on-chain amount split by the books' precision.
     *
     * @param creditMinor the whole minor units credited.
     * @param dustBase    the remainder, under one minor unit, held and not credited.
     */
    public record Split(long creditMinor, BigInteger dustBase) {
    }
}
