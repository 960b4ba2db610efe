package io.lantau.collectibles;

/** Where a staff decision stands; issuers and IP authorisations share it (VERIFIED and APPROVED are one state). */
public enum DecisionStatus {
    PENDING,
    APPROVED,
    REJECTED
}
