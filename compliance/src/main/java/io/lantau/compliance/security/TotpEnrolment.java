package io.lantau.compliance.security;

/**
 * A new TOTP secret, shown to the user once (the store keeps it sealed).
 *
 * @param secret the base32 secret (RFC 4648, no padding), for typing into an app.
 * @param uri    the {@code otpauth://totp/Lantau:<account>?secret=...&issuer=Lantau...} URI, for a QR code.
 */
public record TotpEnrolment(String secret, String uri) {
    @Override
    public String toString() {
        return "TotpEnrolment{secret hidden}";
    }
}
