package io.lantau.custody.signer;

/** The signer would not unseal or sign. */
public final class SignerRefusedException extends RuntimeException {
    private final Reason reason;

    public SignerRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        /** The instruction's hash is not the approved one (its destination or amount changed after approval). */
        INSTRUCTION_MISMATCH,
        /** A sweep whose destination is not the configured cold address, or whose source is not the hot wallet. */
        SWEEP_DESTINATION_NOT_COLD,
        /** Unsealing needs two distinct operators, each with their own secret. */
        OPERATORS_NOT_DISTINCT,
        /** The operators given are not the two the key was sealed for, or a secret is wrong. */
        UNSEAL_FAILED
    }
}
