package io.lantau.custody.reserves;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An asset of the liability vector as the proof names it: its code and the scale of its minor unit on the books.
 * Amounts cross the edge (JSON) as plain decimal strings of whole units and are {@code long} minor units inside.
 */
public record AssetUnit(String code, int scale) {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");

    public AssetUnit {
        Objects.requireNonNull(code, "code");
        if (code.isEmpty() || scale < 0 || scale > 18) {
            throw new IllegalArgumentException("bad asset " + code);
        }
    }

    /** @return {@code amountMinor} as whole units, plain notation, trailing zeros stripped (PoR-3). */
    public String format(long amountMinor) {
        BigDecimal units = BigDecimal.valueOf(amountMinor, scale).stripTrailingZeros();
        return units.signum() == 0 ? "0" : units.toPlainString();
    }

    /**
     * @return the decimal string as minor units; negative amounts parse (so that a verifier can name them).
     * @throws ReservesException for anything that is not a plain decimal, finer than the minor unit or too large.
     */
    public long parse(String amount) {
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw new ReservesException(code + " amount is not a plain decimal: " + amount);
        }
        try {
            return new BigDecimal(amount).movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new ReservesException(code + " amount " + amount + " is finer than 1e-" + scale + " or too large");
        }
    }
}
