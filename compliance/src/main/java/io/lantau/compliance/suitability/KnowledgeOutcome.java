package io.lantau.compliance.suitability;

/** The outcome of the virtual-asset knowledge assessment (HK-02). */
public enum KnowledgeOutcome {
    /** The client has knowledge of virtual assets: the retail knowledge gate holds. */
    HAS,
    /** No knowledge shown: the client must complete the platform's training module before trading. */
    NO
}
