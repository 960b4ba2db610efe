package io.lantau.compliance.admission;

/** A reviewer's finding on one due-diligence factor (HK-12). */
public enum DueDiligenceOutcome {
    SATISFACTORY,
    /** Acceptable with conditions written in the record's notes. */
    SATISFACTORY_WITH_CONDITIONS,
    /** Not acceptable: blocks admission until reviewed again. */
    UNSATISFACTORY
}
