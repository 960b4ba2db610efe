package io.lantau.custody.fiat;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bank account numbers in the one form they are stored and compared in: upper case, without spaces, hyphens or dots.
 * An IBAN (two letters, two check digits, up to 30 letters and digits) must pass its ISO 13616 mod-97 check; a local
 * account number (Hong Kong banks: bank code, branch, account) is 5 to 34 letters and digits.
 */
public final class BankAccountNumber {
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern LOCAL = Pattern.compile("[A-Z0-9]{5,34}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]");

    private BankAccountNumber() {
    }

    /**
     * @return the normalised number.
     * @throws FiatException {@code INVALID_ACCOUNT_NUMBER} for anything else.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.length() > 64) {
            throw new FiatException(FiatRefusal.INVALID_ACCOUNT_NUMBER);
        }
        String n = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (looksLikeIban(n)) {
            if (!IBAN.matcher(n).matches() || !ibanCheckPasses(n)) {
                throw new FiatException(FiatRefusal.INVALID_ACCOUNT_NUMBER, "IBAN check failed");
            }
            return n;
        }
        if (!LOCAL.matcher(n).matches()) {
            throw new FiatException(FiatRefusal.INVALID_ACCOUNT_NUMBER);
        }
        return n;
    }

    /** @return the normalised number, or null if {@code raw} is null or not a valid number. */
    public static String normaliseOrNull(String raw) {
        try {
            return raw == null ? null : normalise(raw);
        } catch (FiatException e) {
            return null;
        }
    }

    /** @return whether the normalised number is an IBAN. */
    public static boolean isIban(String normalised) {
        return looksLikeIban(normalised) && IBAN.matcher(normalised).matches();
    }

    private static boolean looksLikeIban(String n) {
        return n.length() >= 4 && Character.isLetter(n.charAt(0)) && Character.isLetter(n.charAt(1))
                && Character.isDigit(n.charAt(2)) && Character.isDigit(n.charAt(3));
    }

    private static boolean ibanCheckPasses(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            digits.append(Character.digit(ch, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
