package io.lantau.compliance.profile;

/**
 * The profile's {@code accounts} section: the client account security rules (HK-29, HK-31; VATP 12.12).
 *
 * @param passwordMinLength    the fewest characters of a new password.
 * @param lockoutFailures      failed sign-ins that lock an address out.
 * @param lockoutMinutes       how long the lock-out lasts, and the window the failures count in.
 * @param sessionIdleMinutes   an unused session expires after this long.
 * @param sessionAbsoluteHours a session expires after this long however much it is used.
 * @param totpRequired         whether every sign-in needs a TOTP code (HK-29).
 * @param dormantAfterDays     an account without activity this long becomes DORMANT.
 */
public record AccountRules(int passwordMinLength, int lockoutFailures, int lockoutMinutes, int sessionIdleMinutes,
        int sessionAbsoluteHours, boolean totpRequired, int dormantAfterDays) {
    /** The section's key in a profile. */
    public static final String SECTION = "accounts";

    public AccountRules {
        if (passwordMinLength < 8 || lockoutFailures < 1 || lockoutMinutes < 1 || sessionIdleMinutes < 1
                || sessionAbsoluteHours < 1 || sessionAbsoluteHours * 60L < sessionIdleMinutes
                || dormantAfterDays < 1) {
            throw new IllegalArgumentException("accounts: passwordMinLength >= 8, positive lock-out and session "
                    + "times with the absolute timeout at least the idle one, dormantAfterDays >= 1");
        }
    }
}
