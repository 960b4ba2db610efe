package io.lantau.custody.fiat;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference a client quotes on a bank transfer to the platform, {@code LTU<accountId>-<check>}, with two ISO 7064
 * mod 97-10 check digits (as IBANs), so that a mistyped reference names no one instead of someone else. Found anywhere
 * in a payment's remittance text, in any case, spaces ignored.
 */
public final class DepositReference {
    private static final Pattern FOUND = Pattern.compile("LTU([0-9]{1,18})-?([0-9]{2})");

    private DepositReference() {
    }

    /** @return the client's reference. */
    public static String of(long accountId) {
        return "LTU" + accountId + "-" + String.format("%02d", check(accountId));
    }

    /** @return the account id of the first valid reference in the text, if any. */
    public static OptionalLong find(String remittance) {
        if (remittance == null) {
            return OptionalLong.empty();
        }
        Matcher m = FOUND.matcher(remittance.toUpperCase(java.util.Locale.ROOT).replace(" ", ""));
        while (m.find()) {
            try {
                long accountId = Long.parseLong(m.group(1));
                if (accountId > 0 && check(accountId) == Integer.parseInt(m.group(2))) {
                    return OptionalLong.of(accountId);
                }
            } catch (NumberFormatException e) {
                // too long for an account id: not a reference
            }
        }
        return OptionalLong.empty();
    }

    private static int check(long accountId) {
        return 98 - java.math.BigInteger.valueOf(accountId).multiply(java.math.BigInteger.valueOf(100))
                .mod(java.math.BigInteger.valueOf(97)).intValue();
    }
}
