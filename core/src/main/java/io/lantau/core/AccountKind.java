package io.lantau.core;

/** What an account is for, so that rules can tell them apart. */
public enum AccountKind {
    /** A client of the platform: trades, deposits, withdraws. */
    CLIENT,
    /** The platform's fee income. Exactly one, opened by the core at start; it never trades. */
    FEE,
    /** An operator account (demo funding, collectibles treasury, ...). */
    OPERATOR
}
