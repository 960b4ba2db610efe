package io.lantau.custody.cold;

/** Why an import of a signed transaction was refused. Stable: operators and tests match on these names. */
public enum ColdSigningCode {
    /** No export with that id. */
    UNKNOWN_REQUEST,
    /** The export was already completed with another signed transaction. */
    ALREADY_IMPORTED,
    /** The signed payload does not parse (bad base64, bad PSBT, bad RLP). */
    MALFORMED,
    /** The payload parses but carries no signature (an unsigned transaction came back). */
    NOT_SIGNED,
    /** An output's script or a transaction's recipient differs from the export. */
    DESTINATION_CHANGED,
    /** An output's or a transaction's amount differs from the export. */
    AMOUNT_CHANGED,
    /** Any other field differs from the export: inputs, fees, nonce, chain id, lock time, data. */
    TRANSACTION_CHANGED,
    /** An input has no signature by the key the export named. */
    SIGNATURE_MISSING,
    /** A signature does not verify (bitcoinj's script interpreter refuses the spend). */
    SIGNATURE_INVALID,
    /** The transaction was signed by another key than the cold address it spends from. */
    WRONG_SIGNER
}
