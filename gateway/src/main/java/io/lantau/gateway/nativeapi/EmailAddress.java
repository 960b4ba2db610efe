package io.lantau.gateway.nativeapi;

import java.util.Locale;

/**
 * Email addresses as the native API accepts them: ASCII, at most 254 characters, a local part of RFC 5322 "atext"
 * and single dots (no quoted strings, no comments), and a domain of at least two DNS labels (internationalised names
 * in their {@code xn--} form). Normalised by trimming and lowercasing, so that one address has one spelling and the
 * store's case-insensitive uniqueness holds. Stateless.
 */
final class EmailAddress {
    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private EmailAddress() {
    }

    /**
     * @return the normalised address.
     * @throws NativeException {@link NativeError#INVALID_EMAIL} if it is not an address this API accepts.
     */
    static String normalise(String typed) {
        String email = typed.trim().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (email.length() > MAX_LENGTH || at <= 0 || at != email.lastIndexOf('@') || at > MAX_LOCAL
                || !validLocal(email.substring(0, at)) || !validDomain(email.substring(at + 1))) {
            throw new NativeException(NativeError.INVALID_EMAIL);
        }
        return email;
    }

    private static boolean validLocal(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDomain(String domain) {
        if (domain.isEmpty() || domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && !tld.chars().allMatch(Character::isDigit);
    }
}
