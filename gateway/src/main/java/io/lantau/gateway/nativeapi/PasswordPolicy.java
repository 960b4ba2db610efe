package io.lantau.gateway.nativeapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must satisfy (HK-31, VATP 12.12(c)): a length within the configured bounds, not on the shipped
 * list of known breached passwords (compared ignoring case), and not the user's email address or its part before the
 * {@code @}. Length counts Unicode code points after NFKC normalisation, the form that is hashed. Immutable and
 * thread-safe.
 *
 * <p>The list is {@code breached-passwords.txt} beside this class: zxcvbn's 30,000 most common passwords from Mark
 * Burnett's 10-million-password corpus of leaked credentials; its header says how it was made.
 */
final class PasswordPolicy {
    static final String BREACHED_LIST = "breached-passwords.txt";

    private final NativeApiSettings.PasswordRules rules;
    private final Set<String> breached;

    PasswordPolicy(NativeApiSettings.PasswordRules rules, Set<String> breached) {
        this.rules = rules;
        this.breached = Set.copyOf(breached);
    }

    /** @return the policy with the shipped breached-password list. */
    static PasswordPolicy withShippedList(NativeApiSettings.PasswordRules rules) {
        return new PasswordPolicy(rules, loadShippedList());
    }

    /**
     * @param email the normalised email address of the user the password is for.
     * @throws NativeException with the first rule the password breaks.
     */
    void check(String password, String email) {
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < rules.minLength()) {
            throw new NativeException(NativeError.PASSWORD_TOO_SHORT, "at least " + rules.minLength() + " characters");
        }
        if (length > rules.maxLength()) {
            throw new NativeException(NativeError.PASSWORD_TOO_LONG, "at most " + rules.maxLength() + " characters");
        }
        String folded = normalised.toLowerCase(Locale.ROOT);
        String emailFolded = email.toLowerCase(Locale.ROOT);
        int at = emailFolded.indexOf('@');
        if (folded.equals(emailFolded) || at > 0 && folded.equals(emailFolded.substring(0, at))) {
            throw new NativeException(NativeError.PASSWORD_MATCHES_EMAIL);
        }
        if (breached.contains(folded)) {
            throw new NativeException(NativeError.PASSWORD_BREACHED);
        }
    }

    /** @return how many breached passwords the policy knows. */
    int breachedCount() {
        return breached.size();
    }

    static Set<String> loadShippedList() {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(BREACHED_LIST)) {
            if (in == null) {
                throw new IllegalStateException("the breached-password list " + BREACHED_LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(Normalizer.normalize(line, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BREACHED_LIST, e);
        }
        return words;
    }
}
