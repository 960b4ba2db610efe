package io.lantau.core;

/** Which order-book implementation the core uses; both follow one contract and give identical events. */
public enum BookKind {
    /** Sorted price-level arrays with intrusive order queues: the production book. */
    FAST,
    /** A TreeMap of ArrayDeques: obviously correct, kept for contract and property tests. */
    REFERENCE
}
