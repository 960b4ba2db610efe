package io.lantau.compliance.admission;

/** The legal nature of a token, which decides whether the track-record rule applies (HK-12, VATP 7.6(c)). */
public enum TokenType {
    /** A virtual asset that is not a security: the track-record rule applies. */
    VIRTUAL_ASSET,
    /** A security token: exempt from the track-record rule; retail trading of a VA that becomes one must stop. */
    SECURITY_TOKEN
}
