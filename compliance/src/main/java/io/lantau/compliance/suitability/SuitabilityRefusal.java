package io.lantau.compliance.suitability;

/**
 * Why a classification or suitability request was refused. Stable codes; a refusal changes no state.
 */
public enum SuitabilityRefusal {
    /** HK-01: a professional classification without a Schedule 1 type or without evidence (description, hash). */
    INVALID_EVIDENCE,
    /** HK-01: the client cannot verify its own professional-investor evidence. */
    SELF_VERIFICATION,
    /** HK-02 .. HK-04, HK-08: the profile in force has no retail gates, so there is nothing to assess. */
    GATES_NOT_APPLICABLE,
    /** HK-02: the answers are for a question bank that is not the one in force. */
    STALE_QUESTION_BANK,
    /** HK-03: the answers are for a risk questionnaire that is not the one in force. */
    STALE_QUESTIONNAIRE,
    /** HK-02, HK-03: an answer is missing, names an unknown question or option, or the structured answers are bad. */
    INVALID_ANSWERS,
    /** HK-04: net worth or other virtual-asset holdings negative, or too large to compute a limit from. */
    INVALID_FINANCIALS,
    /** HK-08: the acknowledgement names a disclosure version or text that is not the one in force. */
    STALE_DISCLOSURE_VERSION,
    /** HK-08, HK-23: an acknowledgement without the client's IP address. */
    MISSING_IP,
    /** The core's queue was full or it did not answer in time; retry. Nothing was recorded. */
    CORE_UNAVAILABLE,
    /** The core refused the command (e.g. an unknown account); nothing was recorded. */
    CORE_REFUSED
}
