package io.lantau.gateway.binance;

import java.math.BigDecimal;

/**
 * Decimal strings at the API edge. Formatting writes a fixed number of decimals without going through
 * {@link BigDecimal}; parsing accepts what Binance accepts (plain decimals, no exponent, no sign on quantities).
 */
public final class Decimals {
    private Decimals() {
    }

    /** @return {@code unscaled × 10^-scale} as a plain decimal string with exactly {@code scale} decimals. */
    public static String format(long unscaled, int scale) {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        StringBuilder sb = new StringBuilder(24);
        if (unscaled < 0) {
            sb.append('-');
        }
        String digits = Long.toString(Math.abs(unscaled));
        if (unscaled == Long.MIN_VALUE) {
            digits = digits.substring(1);
        }
        int intDigits = digits.length() - scale;
        if (intDigits <= 0) {
            sb.append("0.");
            sb.repeat('0', -intDigits);
            sb.append(digits);
        } else {
            sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
        }
        return sb.toString();
    }

    /**
     * @return the decimal, or {@code null} if the text is not a plain non-negative decimal number (digits with at most
     *     one point; no sign, exponent, spaces) or is longer than 40 characters.
     */
    public static BigDecimal parseNonNegative(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return null;
        }
        boolean point = false;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point) {
                    return null;
                }
                point = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                return null;
            }
        }
        return digits == 0 ? null : new BigDecimal(text);
    }
}
