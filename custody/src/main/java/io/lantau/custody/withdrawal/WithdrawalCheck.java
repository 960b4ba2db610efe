package io.lantau.custody.withdrawal;

import io.lantau.custody.travelrule.Ivms101;

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

    /**
     * Asked when the withdrawal is requested, with the travel-rule data collected with the request; keeps nothing.
     *
     * @param travelRule the request's IVMS 101 data (HK-22), or null.
     * @throws WithdrawalException with the refusal's code if it may not go out.
     */
    default void check(Withdrawal withdrawal, Ivms101.Payload travelRule) {
        check(withdrawal);
    }

    /**
     * Keeps the request's travel-rule data with the withdrawal once it is admitted (its amount locked in the core),
     * so that it is sent with the transfer; {@link #check(Withdrawal)} before signing reads it back.
     */
    default void keep(Withdrawal withdrawal, Ivms101.Payload travelRule) {
    }
}
