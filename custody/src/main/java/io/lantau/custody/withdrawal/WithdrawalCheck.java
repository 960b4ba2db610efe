package io.lantau.custody.withdrawal;

/**
 * Further controls a withdrawal must pass, asked by {@link WithdrawalService} when the withdrawal is requested (a
 * refusal then changes nothing) and again by the {@link WithdrawalProcessor} just before it is signed (a refusal then
 * leaves it approved, to be asked again on the next pass). The platform wires the reconciliation freeze (HK-33), the
 * hot wallet's release limit (HK-16) and the travel rule (HK-22) here. Implementations are thread-safe.
 */
@FunctionalInterface
public interface WithdrawalCheck {
    /** Passes everything: custody without those controls. */
    WithdrawalCheck NONE = w -> { };

    /**
     * @param withdrawal the withdrawal as it will be (or was) recorded; its id is the transfer's reference.
     * @throws WithdrawalException with the refusal's code if it may not go out now.
     */
    void check(Withdrawal withdrawal);
}
