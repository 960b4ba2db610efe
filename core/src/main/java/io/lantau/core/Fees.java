package io.lantau.core;

/**
 * Fee arithmetic in basis points, exact and overflow-free. A fee is {@code notional * bps / 10 000} rounded up; the
 * product is split as {@code notional = q * 10 000 + r} so that {@code q * bps + r * bps / 10 000} never overflows
 * for {@code bps <= 10 000}.
 *
 * <p>An order accumulates its exact fee as a whole part plus a remainder in 1/10 000 of a minor unit; it has been
 * charged the ceiling of that sum. See SEMANTICS.md, "Fees".
 */
final class Fees {
    static final int BPS_DENOMINATOR = 10_000;

    private Fees() {
    }

    /** @return {@code ceil(notional * bps / 10 000)}. */
    static long fee(long notional, int bps) {
        return charged(wholeAfter(0, 0, notional, bps), remainderAfter(0, notional, bps));
    }

    /** @return the whole part of the exact fee after adding {@code notional} at {@code bps}. */
    static long wholeAfter(long whole, int remainder, long notional, int bps) {
        long q = notional / BPS_DENOMINATOR;
        long r = notional % BPS_DENOMINATOR;
        return whole + q * bps + (remainder + r * bps) / BPS_DENOMINATOR;
    }

    /** @return the remainder (in 1/10 000 minor units) of the exact fee after adding {@code notional} at {@code bps}. */
    static int remainderAfter(int remainder, long notional, int bps) {
        long r = notional % BPS_DENOMINATOR;
        return (int) ((remainder + r * bps) % BPS_DENOMINATOR);
    }

    /** @return what has been charged for an exact fee of {@code whole + remainder / 10 000}: its ceiling. */
    static long charged(long whole, int remainder) {
        return remainder > 0 ? whole + 1 : whole;
    }
}
