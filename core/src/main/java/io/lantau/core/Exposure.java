package io.lantau.core;

import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;

/**
 * Values virtual-asset exposure at the reference prices the core was given (HK-04): a retail client's holdings of
 * every virtual asset (fiat currencies do not count) plus what its resting buy orders may still buy, each valued at
 * its asset's reference price, rounded up, in the valuation currency's minor units ({@link Valuation}).
 */
final class Exposure {
    private final long[] unit;
    private final boolean[] fiat;
    final long[] referencePriceMinor;

    Exposure(CoreConfig config) {
        int n = config.assets().size();
        unit = new long[n];
        fiat = new boolean[n];
        referencePriceMinor = new long[n];
        for (Asset asset : config.assets()) {
            unit[asset.assetId()] = java.math.BigInteger.TEN.pow(asset.scale()).longValueExact();
            fiat[asset.assetId()] = asset.fiat();
        }
    }

    boolean hasPrice(int assetId) {
        return referencePriceMinor[assetId] > 0;
    }

    /** @return the value of {@code minor} units of the asset, rounded up; throws ArithmeticException on overflow. */
    long value(int assetId, long minor) {
        return Valuation.valueMinor(minor, unit[assetId], referencePriceMinor[assetId]);
    }

    /**
     * HK-04: would buying {@code minor} more of {@code assetId} take the retail account's exposure past its limit?
     * The asset bought must have a reference price.
     */
    ResultCode withinLimit(Account account, int assetId, long minor) {
        if (!hasPrice(assetId)) {
            return ResultCode.NO_REFERENCE_PRICE;
        }
        try {
            long projected = Math.addExact(of(account), value(assetId, minor));
            return projected > account.exposureLimitMinor ? ResultCode.EXPOSURE_LIMIT_EXCEEDED : ResultCode.OK;
        } catch (ArithmeticException e) {
            return ResultCode.OVERFLOW;
        }
    }

    /** @return the account's current exposure: virtual-asset holdings and open buys, valued. */
    long of(Account account) {
        long total = 0;
        for (int a = 0; a < unit.length; a++) {
            if (fiat[a]) {
                continue;
            }
            long minor = Math.addExact(Math.addExact(account.available[a], account.locked[a]),
                    account.openBuyBaseMinor[a]);
            if (minor != 0 && hasPrice(a)) {
                total = Math.addExact(total, value(a, minor));
            }
        }
        return total;
    }
}
