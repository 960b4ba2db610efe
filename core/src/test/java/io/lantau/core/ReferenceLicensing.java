package io.lantau.core;

import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.AccountStatusChanged;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.InvestorProfileChanged;
import io.lantau.core.event.ReferencePriceChanged;
import io.lantau.core.event.RetailAccessChanged;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The reference model of the licensing rules in SEMANTICS.md ("Licensing rules"), for {@link ReferenceExchange}:
 * written from the document with plain maps and BigDecimal, independent of the engine's {@code Exposure}.
 */
final class ReferenceLicensing {
    private final CoreConfig config;
    private final Map<Long, AccountStatus> statuses = new HashMap<>();
    private final Map<Long, InvestorClass> classes = new HashMap<>();
    private final Map<Long, Long> limits = new HashMap<>();
    private final long[] referencePrices;
    private final RetailAccess[] access;

    ReferenceLicensing(CoreConfig config) {
        this.config = config;
        this.referencePrices = new long[config.assets().size()];
        this.access = new RetailAccess[config.markets().size()];
        java.util.Arrays.fill(access, RetailAccess.ELIGIBLE);
    }

    AccountStatus status(long accountId) {
        return statuses.getOrDefault(accountId, AccountStatus.ACTIVE);
    }

    boolean retail(long accountId) {
        return classes.getOrDefault(accountId, InvestorClass.PROFESSIONAL) == InvestorClass.RETAIL;
    }

    ResultCode setStatus(long accountId, AccountStatus status, boolean known, boolean fee, long seq, long ts,
            List<CoreEvent> out) {
        if (!known) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (status == null || fee) {
            return ResultCode.INVALID_ARGUMENT;
        }
        AccountStatus old = status(accountId);
        if (old != status) {
            statuses.put(accountId, status);
            out.add(new AccountStatusChanged(seq, ts, accountId, old, status));
        }
        return ResultCode.OK;
    }

    ResultCode setProfile(long accountId, InvestorClass investorClass, long limit, boolean known, boolean fee,
            long seq, long ts, List<CoreEvent> out) {
        if (!known) {
            return ResultCode.UNKNOWN_ACCOUNT;
        }
        if (investorClass == null || limit < 0 || fee) {
            return ResultCode.INVALID_ARGUMENT;
        }
        classes.put(accountId, investorClass);
        limits.put(accountId, limit);
        out.add(new InvestorProfileChanged(seq, ts, accountId, investorClass, limit));
        return ResultCode.OK;
    }

    ResultCode setReferencePrice(int assetId, long price, long seq, long ts, List<CoreEvent> out) {
        if (assetId < 0 || assetId >= referencePrices.length) {
            return ResultCode.UNKNOWN_ASSET;
        }
        if (price <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        referencePrices[assetId] = price;
        out.add(new ReferencePriceChanged(seq, ts, assetId, price));
        return ResultCode.OK;
    }

    ResultCode setAccess(int marketId, RetailAccess retailAccess, long seq, long ts, List<CoreEvent> out) {
        if (marketId < 0 || marketId >= access.length) {
            return ResultCode.UNKNOWN_MARKET;
        }
        if (retailAccess == null) {
            return ResultCode.INVALID_ARGUMENT;
        }
        if (access[marketId] != retailAccess) {
            access[marketId] = retailAccess;
            out.add(new RetailAccessChanged(seq, ts, marketId, retailAccess));
        }
        return ResultCode.OK;
    }

    /** Retail access to a market for one side: OK, NOT_RETAIL_ELIGIBLE or RETAIL_SELL_ONLY. */
    ResultCode accessFor(long accountId, int marketId, Side side) {
        if (!retail(accountId)) {
            return ResultCode.OK;
        }
        return switch (access[marketId]) {
            case ELIGIBLE -> ResultCode.OK;
            case SELL_ONLY -> side == Side.BUY ? ResultCode.RETAIL_SELL_ONLY : ResultCode.OK;
            case NOT_ELIGIBLE -> ResultCode.NOT_RETAIL_ELIGIBLE;
        };
    }

    /**
     * Whether buying {@code minor} more of an asset keeps a retail account within its limit.
     *
     * @param held holdings (available + locked) plus what resting buys may still buy, per account and asset.
     */
    ResultCode withinLimit(long accountId, int assetId, long minor, BiFunction<Long, Integer, BigInteger> held) {
        if (referencePrices[assetId] <= 0) {
            return ResultCode.NO_REFERENCE_PRICE;
        }
        BigInteger total = value(assetId, BigInteger.valueOf(minor));
        for (Asset asset : config.assets()) {
            BigInteger amount = held.apply(accountId, asset.assetId());
            if (!asset.fiat() && referencePrices[asset.assetId()] > 0 && amount.signum() != 0) {
                total = total.add(value(asset.assetId(), amount));
            }
        }
        if (total.bitLength() > 63) {
            return ResultCode.OVERFLOW;
        }
        return total.compareTo(BigInteger.valueOf(limits.getOrDefault(accountId, Long.MAX_VALUE))) > 0
                ? ResultCode.EXPOSURE_LIMIT_EXCEEDED : ResultCode.OK;
    }

    /** Each asset's holding valued on its own and rounded up, as SEMANTICS.md says. */
    private BigInteger value(int assetId, BigInteger minor) {
        int scale = config.assets().get(assetId).scale();
        return new BigDecimal(minor).movePointLeft(scale).multiply(BigDecimal.valueOf(referencePrices[assetId]))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    }
}
