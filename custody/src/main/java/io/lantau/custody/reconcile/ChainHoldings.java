package io.lantau.custody.reconcile;

import io.lantau.custody.chain.ChainAdapter;
import java.math.BigInteger;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Where one virtual asset lives on chain: the platform's addresses (hot and cold) on one {@link ChainAdapter}, and
 * how the chain's base units map to the books' minor units (ETH: 18 decimals on chain, 8 on the books).
 *
 * @param assetId       the core's asset.
 * @param chain         the chain's adapter.
 * @param addresses     the platform's addresses holding client assets, read at each run (new deposit addresses).
 * @param chainDecimals decimals of the chain's base unit (18 for wei, 8 for satoshi).
 * @param bookScale     decimals of the core's minor unit; at most {@code chainDecimals}.
 */
public record ChainHoldings(int assetId, ChainAdapter chain, Supplier<? extends Collection<String>> addresses,
        int chainDecimals, int bookScale) {

    public ChainHoldings {
        if (bookScale < 0 || chainDecimals < bookScale) {
            throw new IllegalArgumentException("the books cannot be finer than the chain");
        }
    }

    /**
     * @return the sum of the addresses' balances in the books' minor units, rounded down (dust below one minor unit
     *     of the books is not a client asset).
     * @throws ArithmeticException if the sum does not fit a long.
     */
    public long bookMinor() {
        BigInteger sum = BigInteger.ZERO;
        for (String address : addresses.get()) {
            sum = sum.add(chain.balanceOf(address));
        }
        return sum.divide(BigInteger.TEN.pow(chainDecimals - bookScale)).longValueExact();
    }
}
