package io.lantau.compliance.campaign;

/** Which clients a campaign reaches (HK-01 classification). */
public enum TargetSegment {
    RETAIL,
    PROFESSIONAL,
    /** Everyone, retail included. */
    ALL;

    /** @return whether retail clients are reached. */
    public boolean reachesRetail() {
        return this != PROFESSIONAL;
    }
}
