package io.lantau.custody.withdrawal;

/** A refusal with its stable code; the refused request changed nothing. */
public final class WithdrawalException extends RuntimeException {
    private final WithdrawalRefusal refusal;

    public WithdrawalException(WithdrawalRefusal refusal, String detail) {
        super(refusal + (detail == null ? "" : ": " + detail), null, false, false);
        this.refusal = refusal;
    }

    public WithdrawalException(WithdrawalRefusal refusal) {
        this(refusal, null);
    }

    public WithdrawalRefusal refusal() {
        return refusal;
    }
}
