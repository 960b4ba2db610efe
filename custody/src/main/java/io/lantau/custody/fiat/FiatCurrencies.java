package io.lantau.custody.fiat;

import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's fiat currencies (the core's fiat assets: HKD and USD, two decimals) and exact conversion of decimal
 * amounts to their minor units.
 */
public final class FiatCurrencies {
    private static final Asset UNKNOWN_CURRENCY = new Asset(0, "XXX", 2, true);
    private final Map<String, Asset> byCode;

    public FiatCurrencies(CoreConfig config) {
        this.byCode = config.assets().stream().filter(Asset::fiat)
                .collect(Collectors.toUnmodifiableMap(Asset::code, Function.identity()));
    }

    /** @return the ISO 4217 codes of the platform's fiat currencies, sorted. */
    public java.util.List<String> codes() {
        return byCode.keySet().stream().sorted().toList();
    }

    /** @return the fiat asset with this ISO 4217 code, if the platform holds it. */
    public Optional<Asset> asset(String currency) {
        return Optional.ofNullable(currency == null ? null : byCode.get(currency));
    }

    /**
     * @return a statement amount in minor units: at the asset's scale, or at two decimals for a currency the platform
     *     does not hold (such a payment is still recorded, and held for return).
     * @throws FiatException {@code INVALID_AMOUNT} as {@link #toMinor(Asset, String)}.
     */
    public long statementAmountMinor(String currency, String decimal) {
        return toMinor(asset(currency).orElse(UNKNOWN_CURRENCY), decimal);
    }

    /**
     * @return the amount in minor units.
     * @throws FiatException {@code INVALID_AMOUNT} unless a positive decimal with at most the asset's decimals that
     *                       fits a long.
     */
    public static long toMinor(Asset asset, String decimal) {
        if (decimal == null || !decimal.matches("[0-9]{1,18}(\\.[0-9]{1,18})?")) {
            throw new FiatException(FiatRefusal.INVALID_AMOUNT, "a positive decimal");
        }
        BigDecimal value = new BigDecimal(decimal);
        try {
            long minor = value.movePointRight(asset.scale()).longValueExact();
            if (minor <= 0) {
                throw new FiatException(FiatRefusal.INVALID_AMOUNT, "must be positive");
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new FiatException(FiatRefusal.INVALID_AMOUNT, "at most " + asset.scale() + " decimals");
        }
    }

    /** @return the amount as a plain decimal with exactly the asset's decimals (ISO 20022 amounts). */
    public static String toDecimal(Asset asset, long amountMinor) {
        return BigDecimal.valueOf(amountMinor, asset.scale()).toPlainString();
    }
}
