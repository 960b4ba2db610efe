package io.lantau.custody.reconcile;

/** Why a reconciliation request was refused: stable codes, never renamed or reused. Nothing changed. */
public enum ReconcileRefusal {
    /** No such incident. */
    INCIDENT_NOT_FOUND,
    /** The incident has been resolved already. */
    INCIDENT_ALREADY_RESOLVED,
    /** A resolution needs a note of 1 to 500 characters saying what was found. */
    RESOLUTION_NOTE_REQUIRED,
    /** Withdrawals of the asset are frozen by an open incident. */
    WITHDRAWALS_FROZEN
}
